"""Signed forms, transcripts, agreements and appeal documents: PDF or a photo or
scan (JPEG, PNG) only, recognised by their content."""

from lssc.core.program import rules

from .filetypes import ACCEPTED, UnsafeFile, identify, safe_name

DOCUMENT_KINDS = (ACCEPTED["pdf"], ACCEPTED["jpg"], ACCEPTED["png"])


class DocumentRefused(ValueError):
    """The upload is not a document we accept; the message says why."""


def document_name(upload) -> str:
    """The safe stored name of an acceptable upload; raises ``DocumentRefused``."""
    max_mb = rules().EVIDENCE_MAX_FILE_MB
    if upload.size == 0:
        raise DocumentRefused("The file is empty.")
    if upload.size > max_mb * 1024 * 1024:
        raise DocumentRefused(f"The file is larger than {max_mb} MB.")
    try:
        kind = identify(upload)
    except UnsafeFile as error:
        raise DocumentRefused(str(error)) from None
    if kind not in DOCUMENT_KINDS:
        raise DocumentRefused(
            "Upload a PDF, or a scan or photo as JPEG or PNG: this file is not one."
        )
    return safe_name(upload.name, kind)
