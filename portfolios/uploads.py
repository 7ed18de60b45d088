"""Whether an uploaded file may be kept as evidence, and what of it is kept.

The content decides the kind (``lssc.core.filetypes``), never the name; each kind
has its size limit (recordings and videos their own, larger one); office
documents are refused with macros or when they unpack to too much; photos are
kept without their metadata and HEIC photos as JPEG (``lssc.core.images``). Every
refusal is a ``PortfolioError`` whose message says what to do instead.
"""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile, File

from lssc.core.images import ImageRefused, clean_image
from lssc.core.program import rules

from .errors import PortfolioError
from .filetypes import (
    ACCEPTED_LABELS,
    BY_NAME,
    IMAGES,
    MEDIA,
    TEXT,
    Kind,
    UnsafeFile,
    claimed_kind,
    identify,
    safe_name,
)

MB = 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    kind: Kind  # as kept: a HEIC photo is kept as a JPEG
    content: File  # the upload itself, or the picture written again
    name: str  # safe to store and offer for download
    size: int
    sha256: str


def checked_upload(upload) -> CheckedFile:
    """What to store for an acceptable upload; ``PortfolioError`` if refused."""
    program = rules()
    if upload.size == 0:
        raise PortfolioError("The file is empty.")
    largest = max(program.EVIDENCE_MAX_FILE_MB, program.EVIDENCE_MAX_MEDIA_MB)
    if upload.size > largest * MB:
        raise PortfolioError(
            f"The file is {upload.size / MB:.1f} MB; files may be at most "
            f"{program.EVIDENCE_MAX_FILE_MB} MB, recordings and videos at most "
            f"{program.EVIDENCE_MAX_MEDIA_MB} MB."
        )
    try:
        kind = identify(upload)
    except UnsafeFile as error:
        raise PortfolioError(str(error)) from None
    _check_kind(kind, claimed_kind(upload.name or ""))
    _check_size(kind, upload.size)
    content = upload
    if kind in IMAGES:
        try:
            picture = clean_image(upload, kind.extension.lstrip("."))
        except ImageRefused as error:
            raise PortfolioError(str(error)) from None
        kind, content = BY_NAME[picture.kind], ContentFile(picture.content)
    return CheckedFile(
        kind=kind,
        content=content,
        name=safe_name(upload.name or "", kind),
        size=content.size,
        sha256=_digest(content),
    )


def _check_kind(kind: Kind | None, claimed: Kind | None) -> None:
    if kind is None:
        named = (
            f" Its name ends in “{claimed.extension}”, but its content is not of "
            "that kind."
            if claimed is not None
            else ""
        )
        raise PortfolioError(
            f"This file is not one of the kinds accepted ({ACCEPTED_LABELS}), "
            f"whatever its name says.{named}"
        )
    if kind == TEXT and claimed not in (None, TEXT):
        # A photo or document that turns out to be text was not what was meant.
        raise PortfolioError(
            f"This file's name ends in “{claimed.extension}”, but its content is "
            "plain text. Upload the photo, recording or document itself."
        )


def _check_size(kind: Kind, size: int) -> None:
    program = rules()
    if kind in MEDIA:
        limit = program.EVIDENCE_MAX_MEDIA_MB
        if size > limit * MB:
            raise PortfolioError(
                f"The recording or video is {size / MB:.1f} MB; each may be at "
                f"most {limit} MB. Shorten it or save it at a lower quality, or "
                "put it online and add a link to it."
            )
    elif size > program.EVIDENCE_MAX_FILE_MB * MB:
        raise PortfolioError(
            f"The file is {size / MB:.1f} MB; each file may be at most "
            f"{program.EVIDENCE_MAX_FILE_MB} MB."
        )


def _digest(content) -> str:
    digest = hashlib.sha256()
    content.seek(0)
    for chunk in content.chunks():
        digest.update(chunk)
    content.seek(0)
    return digest.hexdigest()
