"""What an uploaded evidence file really is, judged by its content, not its name.

Accepted: PDF, Word (.docx), OpenDocument text, plain text, JPEG, PNG, MP3, MP4.
Binary formats are recognised by their signatures (the ``filetype`` library);
plain text is UTF-8 with no control characters that does not look like a web page
or script, so HTML renamed to .txt is refused like an executable renamed to .pdf.
"""

import os
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename


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

# Markup a browser would run or render: never accepted as "plain text".
_MARKUP = re.compile(rb"<\s*(!doctype|html|script|svg|iframe|body|\?xml)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff(head: bytes) -> Kind | None:
    """The kind of a file from its first bytes (8 KB is plenty), or None."""
    if not head:
        return None
    guess = filetype.guess(head)
    if guess is not None:
        return ACCEPTED.get(guess.extension)
    return TEXT if _is_plain_text(head) else None


def _is_plain_text(head: bytes) -> bool:
    if _MARKUP.search(head[:4096]):
        return False
    try:
        # The head may end inside a multi-byte character: ignore at most that.
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return False
        text = head[: error.start].decode("utf-8")
    return not _CONTROL.search(text)


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
