"""What an office document (Word, Excel, PowerPoint, OpenDocument) really is and
whether it may be kept.

These formats are zip archives of XML parts. The archive is judged before any of
it is unpacked: a few megabytes can unpack to gigabytes (a "zip bomb"), so the
sizes its directory declares and the number of its parts are capped (program
rules). Every part is then read to its end, which checks its CRC: a part that
unpacks to more than it declared is cut at the declared size by ``zipfile`` and
fails that check. Documents that carry macros (Visual Basic projects,
macro-enabled types, ActiveX controls, OpenDocument Basic or scripts) are refused:
evaluators and staff open these files in office programs that could run them.
The kind is read from the package itself (its content types or its mimetype
part), not from the name, so a macro-enabled .docm renamed .docx is seen for what
it is.
"""

import posixpath
import struct
import zipfile

from defusedxml import DefusedXmlException, ElementTree

from .program import rules

MB = 1024 * 1024
READ_CHUNK = 1024 * 1024
# The end-of-archive record and the longest comment that may follow it.
END_RECORD_SEARCH = 22 + 65535

CONTENT_TYPES = "[Content_Types].xml"
_CT_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OOXML = "application/vnd.openxmlformats-officedocument."
# The content type of an OOXML package's main part, for each kind accepted.
# Templates and slide shows are kept as the document they are.
OOXML_MAIN = {
    f"{_OOXML}wordprocessingml.document.main+xml": "docx",
    f"{_OOXML}wordprocessingml.template.main+xml": "docx",
    f"{_OOXML}spreadsheetml.sheet.main+xml": "xlsx",
    f"{_OOXML}spreadsheetml.template.main+xml": "xlsx",
    f"{_OOXML}presentationml.presentation.main+xml": "pptx",
    f"{_OOXML}presentationml.template.main+xml": "pptx",
    f"{_OOXML}presentationml.slideshow.main+xml": "pptx",
}
_ODF = "application/vnd.oasis.opendocument."
ODF_MIMETYPES = {
    f"{_ODF}text": "odt",
    f"{_ODF}text-template": "odt",
    f"{_ODF}spreadsheet": "ods",
    f"{_ODF}spreadsheet-template": "ods",
    f"{_ODF}presentation": "odp",
    f"{_ODF}presentation-template": "odp",
}
# Parts and content types that hold code an office program may run.
_CODE_PARTS = ("vbaproject", "vbadata.xml")
_CODE_TYPES = ("macroenabled", "vbaproject", "vbadata", "activex")
# OpenDocument keeps Basic libraries under Basic/ and other scripts under Scripts/;
# the library lists alone hold no code.
_ODF_LIBRARY_LISTS = {
    "script-lc.xml",
    "script-lb.xml",
    "dialog-lc.xml",
    "dialog-lb.xml",
}

DAMAGED = (
    "This document could not be read; it may be damaged. Open it, save it again, "
    "and upload the new file."
)
PROTECTED = (
    "This document is protected with a password, so its content cannot be checked. "
    "Upload a copy saved without a password."
)
MACROS = (
    "This document contains macros or other program code, which is not accepted. "
    "Save a copy without macros (in Word, Excel or PowerPoint: as .docx, .xlsx or "
    ".pptx) and upload that."
)


class OfficeFileRefused(ValueError):
    """An office document that is not kept; the message says why."""


def too_many_parts(count: int, limit: int) -> str:
    return (
        f"This document is made of {count:,} parts; at most {limit:,} are accepted. "
        "Save it again, or split it into smaller files."
    )


def too_large_unpacked(size: int, limit_mb: int) -> str:
    return (
        f"Unpacked, this document would take {size / MB:,.0f} MB; at most "
        f"{limit_mb:,} MB are accepted. Make its pictures or videos smaller, or "
        "upload them as separate files."
    )


def office_kind(stream) -> str | None:
    """``"docx"``, ``"odt"``… for an acceptable office document in ``stream``,
    None for a zip archive that is not one.

    Raises ``OfficeFileRefused`` for a zip bomb, a damaged or password-protected
    archive, or a document with macros. The stream is left at its start.
    """
    _check_declared_parts(stream)
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            _check_size(archive)
            _read_every_part(archive)
            return _kind(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError):
        # Damaged, a compression office programs never use, or a part whose
        # content does not match its CRC or its declared size.
        raise OfficeFileRefused(DAMAGED) from None
    except (ElementTree.ParseError, DefusedXmlException):
        raise OfficeFileRefused(DAMAGED) from None
    finally:
        stream.seek(0)


def _check_declared_parts(stream) -> None:
    """Refuse an archive whose end record declares too many parts before
    ``zipfile`` builds an object for each of them."""
    stream.seek(0, 2)
    end = stream.tell()
    stream.seek(max(0, end - END_RECORD_SEARCH))
    tail = stream.read()
    stream.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return  # zipfile says what is wrong with it
    (count,) = struct.unpack_from("<H", tail, at + 10)
    limit = rules().EVIDENCE_ZIP_MAX_ENTRIES
    if limit < count < 0xFFFF:  # 0xFFFF: the real count is in a zip64 record
        raise OfficeFileRefused(too_many_parts(count, limit))


def _check_size(archive: zipfile.ZipFile) -> None:
    program = rules()
    parts = archive.infolist()
    if len(parts) > program.EVIDENCE_ZIP_MAX_ENTRIES:
        raise OfficeFileRefused(
            too_many_parts(len(parts), program.EVIDENCE_ZIP_MAX_ENTRIES)
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > program.EVIDENCE_ZIP_MAX_UNPACKED_MB * MB:
        raise OfficeFileRefused(
            too_large_unpacked(unpacked, program.EVIDENCE_ZIP_MAX_UNPACKED_MB)
        )
    if any(part.flag_bits & 0x1 for part in parts):
        raise OfficeFileRefused(PROTECTED)


def _read_every_part(archive: zipfile.ZipFile) -> None:
    """Unpack each part to its end (at most its declared size): ``zipfile`` raises
    ``BadZipFile`` where the content does not match its CRC."""
    for part in archive.infolist():
        if part.is_dir():
            continue
        with archive.open(part) as unpacked:
            while unpacked.read(READ_CHUNK):
                pass


def _kind(archive: zipfile.ZipFile) -> str | None:
    names = archive.namelist()
    if CONTENT_TYPES in names:
        return _ooxml_kind(archive, names)
    if "mimetype" in names:
        return _odf_kind(archive, names)
    return None


def _ooxml_kind(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    if any(posixpath.basename(n).lower().startswith(_CODE_PARTS) for n in names):
        raise OfficeFileRefused(MACROS)
    with archive.open(CONTENT_TYPES) as part:
        root = ElementTree.parse(part, forbid_dtd=True).getroot()
    types = [
        (element.get("ContentType") or "").strip()
        for element in root
        if element.tag in (f"{_CT_NAMESPACE}Default", f"{_CT_NAMESPACE}Override")
    ]
    if any(code in t.lower() for t in types for code in _CODE_TYPES):
        raise OfficeFileRefused(MACROS)
    kinds = {OOXML_MAIN[t] for t in types if t in OOXML_MAIN}
    return kinds.pop() if len(kinds) == 1 else None


def _odf_kind(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    for name in names:
        top, _, rest = name.partition("/")
        if not rest or rest.endswith("/"):
            continue
        if top == "Scripts" or (
            top == "Basic" and posixpath.basename(rest) not in _ODF_LIBRARY_LISTS
        ):
            raise OfficeFileRefused(MACROS)
    with archive.open("mimetype") as part:
        mimetype = part.read(200).decode("ascii", "replace").strip()
    return ODF_MIMETYPES.get(mimetype)
