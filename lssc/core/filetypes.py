"""What an uploaded evidence file really is, judged by its content, not its name.

Accepted: PDF; Word, Excel and PowerPoint (.docx, .xlsx, .pptx) and OpenDocument
text, spreadsheets and presentations; plain text; JPEG, PNG and HEIC photos; MP3
and M4A audio; MP4 and QuickTime (.mov) video. Binary formats are recognised by
their signatures (the ``filetype`` library); plain text is UTF-8 with no control
characters that does not look like a web page or script, so HTML renamed to .txt
is refused like an executable renamed to .pdf. The first bytes say which kind a
file claims to be; ``identify`` then reads all of it, so text that turns binary
after its first page, a PDF that runs scripts, or an office document with macros
or that unpacks to gigabytes (``lssc.core.office``) is refused too.
"""

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename

from .office import OfficeFileRefused, office_kind
from .pdfs import pdf_problem


@dataclass(frozen=True)
class Kind:
    label: str
    extension: str
    mime: str


ACCEPTED = {
    "pdf": Kind("PDF", ".pdf", "application/pdf"),
    "docx": Kind(
        "Word document",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pptx": Kind(
        "PowerPoint presentation",
        ".pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "xlsx": Kind(
        "Excel spreadsheet",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "odt": Kind("OpenDocument text", ".odt", "application/vnd.oasis.opendocument.text"),
    "odp": Kind(
        "OpenDocument presentation",
        ".odp",
        "application/vnd.oasis.opendocument.presentation",
    ),
    "ods": Kind(
        "OpenDocument spreadsheet",
        ".ods",
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    "jpg": Kind("JPEG image", ".jpg", "image/jpeg"),
    "png": Kind("PNG image", ".png", "image/png"),
    # Converted to JPEG when kept as evidence (``lssc.core.images``).
    "heic": Kind("HEIC photo", ".heic", "image/heic"),
    "mp3": Kind("MP3 audio", ".mp3", "audio/mpeg"),
    "m4a": Kind("M4A audio", ".m4a", "audio/mp4"),
    "mp4": Kind("MP4 video", ".mp4", "video/mp4"),
    "mov": Kind("QuickTime video", ".mov", "video/quicktime"),
}
TEXT = Kind("Plain text", ".txt", "text/plain")
# Each kind by the name stored with the evidence ("pdf", "txt", ...).
BY_NAME = {k.extension.lstrip("."): k for k in [*ACCEPTED.values(), TEXT]}
ACCEPTED_LABELS = ", ".join([*(k.label for k in ACCEPTED.values()), TEXT.label])
# Zip archives whose kind is read from the package inside (``lssc.core.office``).
OFFICE = frozenset(
    ACCEPTED[name] for name in ("docx", "pptx", "xlsx", "odt", "odp", "ods")
)
IMAGES = frozenset(ACCEPTED[name] for name in ("jpg", "png", "heic"))
# Recordings and videos: their own size limit, and never decoded here.
MEDIA = frozenset(ACCEPTED[name] for name in ("mp3", "m4a", "mp4", "mov"))
ZIP_SIGNATURE = b"PK\x03\x04"
# Names a file may end in for each kind, to say what a file claimed to be.
_NAME_ENDINGS = {**{k.extension: k for k in BY_NAME.values()}, ".jpeg": ACCEPTED["jpg"]}

HEAD_BYTES = 8192  # enough for every signature above

# Markup a browser would run or render: never accepted as "plain text".
_MARKUP = re.compile(r"<\s*(!doctype|html|script|svg|iframe|body|\?xml)", re.I)
# The end of a piece that the next piece could complete into markup.
_OPEN_TAG = re.compile(r"<\s*[!?a-z]*", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class UnsafeFile(ValueError):
    """A file of an accepted kind whose content is refused; the message says why."""


def sniff(head: bytes) -> Kind | None:
    """The kind a file claims to be from its first bytes, or None."""
    if not head:
        return None
    guess = filetype.guess(head)
    if guess is not None:
        return ACCEPTED.get(guess.extension)
    return TEXT if _is_plain_text(head) else None


def identify(upload) -> Kind | None:
    """The kind of an uploaded file judged on all of its content, or None.

    Raises ``UnsafeFile`` for a PDF that is encrypted, runs scripts or launches
    programs, or cannot be read, and for an office document with macros, one that
    unpacks to too much, or that cannot be read. The upload is left at its start.
    """
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    kind = sniff(head)
    if kind == TEXT and not _is_plain_text_throughout(upload):
        kind = None
    elif kind == ACCEPTED["pdf"]:
        problem = pdf_problem(upload)
        if problem:
            raise UnsafeFile(problem)
    elif kind in OFFICE or head.startswith(ZIP_SIGNATURE):
        # The signature library reads only the first parts of the archive; the
        # package itself says what it is.
        try:
            found = office_kind(upload)
        except OfficeFileRefused as error:
            raise UnsafeFile(str(error)) from None
        kind = ACCEPTED[found] if found else None
    upload.seek(0)
    return kind


def claimed_kind(name: str) -> Kind | None:
    """The kind a file's name says it is ("photo.HEIC": a HEIC photo), or None."""
    return _NAME_ENDINGS.get(os.path.splitext(name or "")[1].lower())


def _is_plain_text(head: bytes) -> bool:
    try:
        # The head may end inside a multi-byte character: ignore at most that.
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return False
        text = head[: error.start].decode("utf-8")
    return _is_clean(text)


def _is_plain_text_throughout(upload) -> bool:
    """UTF-8 to the last byte, with no control characters or markup anywhere."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    carried = ""
    try:
        for chunk in upload.chunks():
            text = carried + decoder.decode(chunk)
            if not _is_clean(text):
                return False
            carried = _unfinished_tag(text)
        return _is_clean(carried + decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return False


def _is_clean(text: str) -> bool:
    return not (_CONTROL.search(text) or _MARKUP.search(text))


def _unfinished_tag(text: str) -> str:
    """What to carry to the next piece so that markup split across two is seen."""
    start = text.rfind("<")
    if start < 0 or not _OPEN_TAG.fullmatch(text, start):
        return ""
    return re.sub(r"\s+", " ", text[start:])


def safe_name(original: str, kind: Kind) -> str:
    """A name safe to store and to offer for download, ending as the kind does."""
    name = os.path.basename(original.replace("\\", "/"))
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    stem = os.path.splitext(name)[0].strip(" .")[:80]
    try:
        stem = get_valid_filename(stem)
    except SuspiciousFileOperation:  # Django refuses names such as "..".
        stem = ""
    return f"{stem or 'evidence'}{kind.extension}"
