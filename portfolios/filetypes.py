"""Evidence file types: the program's file-type rules (``lssc.core.filetypes``)."""

from lssc.core.filetypes import (
    ACCEPTED,
    ACCEPTED_LABELS,
    BY_NAME,
    IMAGES,
    MEDIA,
    OFFICE,
    TEXT,
    Kind,
    UnsafeFile,
    claimed_kind,
    identify,
    safe_name,
    sniff,
)

__all__ = [
    "ACCEPTED",
    "ACCEPTED_LABELS",
    "BY_NAME",
    "IMAGES",
    "MEDIA",
    "OFFICE",
    "TEXT",
    "Kind",
    "UnsafeFile",
    "claimed_kind",
    "identify",
    "safe_name",
    "sniff",
]
