"""What an uploaded evidence file really is, judged by its content, not its name.

Accepted: PDF, Word (.docx), OpenDocument text, plain text, JPEG, PNG, MP3, MP4.
Binary formats are recognised by their signatures (the ``filetype`` library);
plain text is UTF-8 with no control characters that does not look like a web page
or script, so HTML renamed to .txt is refused like an executable renamed to .pdf.
The first bytes say which kind a file claims to be; ``identify`` then reads all of
it, so text that turns binary after its first page, or a PDF that runs scripts,
is refused too.
"""

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename

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
    "odt": Kind("OpenDocument text", ".odt", "application/vnd.oasis.opendocument.text"),
    "jpg": Kind("JPEG image", ".jpg", "image/jpeg"),
    "png": Kind("PNG image", ".png", "image/png"),
    "mp3": Kind("MP3 audio", ".mp3", "audio/mpeg"),
    "mp4": Kind("MP4 video", ".mp4", "video/mp4"),
}
TEXT = Kind("Plain text", ".txt", "text/plain")
# Each kind by the name stored with the evidence ("pdf", "txt", ...).
BY_NAME = {k.extension.lstrip("."): k for k in [*ACCEPTED.values(), TEXT]}
ACCEPTED_LABELS = ", ".join([*(k.label for k in ACCEPTED.values()), TEXT.label])

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
    programs, or cannot be read. The upload is left at its start.
    """
    upload.seek(0)
    kind = sniff(upload.read(HEAD_BYTES))
    if kind == TEXT and not _is_plain_text_throughout(upload):
        kind = None
    elif kind == ACCEPTED["pdf"]:
        problem = pdf_problem(upload)
        if problem:
            raise UnsafeFile(problem)
    upload.seek(0)
    return kind


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
