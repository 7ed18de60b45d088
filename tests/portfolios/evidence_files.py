"""Small, valid evidence of the kinds people have, built in memory: office
documents as the programs write them (a package of XML parts in a zip), photos
with the metadata a phone adds, recordings and videos; and the bad ones: a
document with macros, a zip bomb, a HEIC that is not one."""

import io
import struct
import zipfile
import zlib

import pillow_heif
from PIL import Image

# --- Office Open XML (Word, Excel, PowerPoint) ----------------------------------------

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OOXML = "application/vnd.openxmlformats-officedocument"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _content_types(overrides: dict[str, str], defaults=()) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
        f'<Default Extension="rels" ContentType="{_RELS.replace("/", ".")}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Default Extension="{ext}" ContentType="{ct}"/>' for ext, ct in defaults
        )
        + "".join(
            f'<Override PartName="{part}" ContentType="{ct}"/>'
            for part, ct in overrides.items()
        )
        + "</Types>"
    )


def _relationships(targets: dict[str, tuple[str, str]]) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        + "".join(
            f'<Relationship Id="{rid}" Type="{_DOC_REL}/{kind}" Target="{target}"/>'
            for rid, (kind, target) in targets.items()
        )
        + "</Relationships>"
    )


def zipped(parts: dict[str, str | bytes], *, first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:  # OpenDocument's uncompressed "mimetype" first
            archive.writestr("mimetype", first, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx(
    paragraphs=("Reference desk log", "Tuesday: three patrons helped."),
    *,
    main_type=f"{_OOXML}.wordprocessingml.document.main+xml",
    extra_parts=None,
    extra_defaults=(),
) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    parts = {
        "[Content_Types].xml": _content_types(
            {"/word/document.xml": main_type}, extra_defaults
        ),
        "_rels/.rels": _relationships(
            {"rId1": ("officeDocument", "word/document.xml")}
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}">'
            f"<w:body>{body}</w:body></w:document>"
        ),
        **(extra_parts or {}),
    }
    return zipped(parts)


def docm() -> bytes:
    """A Word document with a Visual Basic project, under its own content type."""
    return docx(
        main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
        extra_parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 Attribute VB_Name"},
        extra_defaults=[("bin", "application/vnd.ms-office.vbaProject")],
    )


def docx_with_hidden_macros() -> bytes:
    """A .docm's parts under a .docx's content type: the part itself gives it away."""
    return docx(extra_parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 VB_Name"})


def xlsx(rows=(("Month", "Loans"), ("January", "1200"))) -> bytes:
    strings = sorted({cell for row in rows for cell in row if not cell.isdigit()})
    index = {text: n for n, text in enumerate(strings)}

    def cell(value):
        if value.isdigit():
            return f"<c><v>{value}</v></c>"
        return f'<c t="s"><v>{index[value]}</v></c>'

    sheet_rows = "".join(
        f'<row r="{n}">{"".join(cell(v) for v in row)}</row>'
        for n, row in enumerate(rows, start=1)
    )
    return zipped(
        {
            "[Content_Types].xml": _content_types(
                {
                    "/xl/workbook.xml": f"{_OOXML}.spreadsheetml.sheet.main+xml",
                    "/xl/worksheets/sheet1.xml": (
                        f"{_OOXML}.spreadsheetml.worksheet+xml"
                    ),
                    "/xl/sharedStrings.xml": (
                        f"{_OOXML}.spreadsheetml.sharedStrings+xml"
                    ),
                }
            ),
            "_rels/.rels": _relationships(
                {"rId1": ("officeDocument", "xl/workbook.xml")}
            ),
            "xl/workbook.xml": (
                f'<workbook xmlns="{_S}" xmlns:r="{_DOC_REL}"><sheets>'
                '<sheet name="Circulation" sheetId="1" r:id="rId1"/>'
                "</sheets></workbook>"
            ),
            "xl/_rels/workbook.xml.rels": _relationships(
                {
                    "rId1": ("worksheet", "worksheets/sheet1.xml"),
                    "rId2": ("sharedStrings", "sharedStrings.xml"),
                }
            ),
            "xl/sharedStrings.xml": (
                f'<sst xmlns="{_S}">'
                + "".join(f"<si><t>{text}</t></si>" for text in strings)
                + "</sst>"
            ),
            "xl/worksheets/sheet1.xml": (
                f'<worksheet xmlns="{_S}"><sheetData>{sheet_rows}</sheetData>'
                "</worksheet>"
            ),
        }
    )


def pptx(slides=("Story time for toddlers", "Songs, rhymes and a craft")) -> bytes:
    parts = {
        "[Content_Types].xml": _content_types(
            {
                "/ppt/presentation.xml": (
                    f"{_OOXML}.presentationml.presentation.main+xml"
                ),
                **{
                    f"/ppt/slides/slide{n}.xml": f"{_OOXML}.presentationml.slide+xml"
                    for n in range(1, len(slides) + 1)
                },
            }
        ),
        "_rels/.rels": _relationships(
            {"rId1": ("officeDocument", "ppt/presentation.xml")}
        ),
        # Listed last first: the order of the list, not of the names, is the order.
        "ppt/presentation.xml": (
            f'<p:presentation xmlns:p="{_P}" xmlns:r="{_DOC_REL}"><p:sldIdLst>'
            + "".join(
                f'<p:sldId id="{255 + n}" r:id="rId{n}"/>'
                for n in range(1, len(slides) + 1)
            )
            + "</p:sldIdLst></p:presentation>"
        ),
        "ppt/_rels/presentation.xml.rels": _relationships(
            {
                f"rId{n}": ("slide", f"slides/slide{len(slides) + 1 - n}.xml")
                for n in range(1, len(slides) + 1)
            }
        ),
    }
    for n, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{len(slides) + 1 - n}.xml"] = (
            f'<p:sld xmlns:p="{_P}" xmlns:a="{_A}"><p:cSld><p:spTree><p:sp><p:txBody>'
            f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p>"
            "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    return zipped(parts)


# --- OpenDocument ---------------------------------------------------------------------

_ODF = "application/vnd.oasis.opendocument"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def _odf(kind: str, body: str, extra_parts=None) -> bytes:
    content = (
        f'<office:document-content xmlns:office="{_OFFICE}" xmlns:text="{_TEXT}" '
        f'xmlns:table="{_TABLE}" xmlns:draw="{_DRAW}"><office:body>{body}'
        "</office:body></office:document-content>"
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{_ODF}.{kind}"/></manifest:manifest>'
    )
    return zipped(
        {
            "content.xml": content,
            "META-INF/manifest.xml": manifest,
            **(extra_parts or {}),
        },
        first=f"{_ODF}.{kind}",
    )


def odt(extra_parts=None) -> bytes:
    return _odf(
        "text",
        "<office:text><text:h>Reading club</text:h><text:p>Twelve members, "
        "<text:span>monthly</text:span>.</text:p></office:text>",
        extra_parts,
    )


def odt_with_macros() -> bytes:
    return odt(
        {
            "Basic/script-lc.xml": "<library:libraries/>",
            "Basic/Standard/Module1.xml": "<script:module>Sub Main</script:module>",
        }
    )


def ods() -> bytes:
    return _odf(
        "spreadsheet",
        '<office:spreadsheet><table:table table:name="Visits"><table:table-row>'
        "<table:table-cell><text:p>Week</text:p></table:table-cell>"
        "<table:table-cell><text:p>Visitors</text:p></table:table-cell>"
        "</table:table-row><table:table-row>"
        "<table:table-cell><text:p>1</text:p></table:table-cell>"
        "<table:table-cell><text:p>431</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet>",
    )


def odp() -> bytes:
    return _odf(
        "presentation",
        '<office:presentation><draw:page draw:name="page1"><draw:frame>'
        "<draw:text-box><text:p>Welcome to the library</text:p></draw:text-box>"
        "</draw:frame></draw:page></office:presentation>",
    )


# --- A zip bomb -----------------------------------------------------------------------

GIB = 1024**3


def zip_bomb(unpacked: int = GIB) -> bytes:
    """A .docx whose document part unpacks to ``unpacked`` bytes of zeros (1 GiB
    by default) from about a megabyte, written part by part with its real CRC.

    The deflate stream is a block of a megabyte of zeros, flushed so that it
    stands alone, repeated: building it takes a second, not the minutes
    compressing a gigabyte would.
    """
    mib = 1024 * 1024
    assert unpacked % mib == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = b"\0" * mib
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    crc = 0
    for _ in range(unpacked // mib):
        crc = zlib.crc32(zeros, crc)
    stream = block * (unpacked // mib) + last
    ordinary = zipfile.ZipFile(io.BytesIO(docx()))
    parts = [
        (info.filename, ordinary.read(info.filename))
        for info in ordinary.infolist()
        if info.filename != "word/document.xml"
    ]
    return _raw_zip(
        [
            *((name, *_deflated(data)) for name, data in parts),
            ("word/document.xml", stream, crc, unpacked),
        ]
    )


def _deflated(data: bytes):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def _raw_zip(entries) -> bytes:
    """A zip archive of already deflated ``(name, data, crc, size)`` entries."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in entries:
        encoded = name.encode()
        offset = out.tell()
        header = (20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded))
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *header, 0))
        out.write(encoded + data)
        directory.write(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, *header, 0, 0, 0, 0, 0, offset
            )
        )
        directory.write(encoded)
    start = out.tell()
    out.write(directory.getvalue())
    count = len(entries)
    out.write(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count,
            len(directory.getvalue()), start, 0,
        )
    )  # fmt: skip
    return out.getvalue()


def many_parts(count: int) -> bytes:
    return docx(extra_parts={f"word/media/part{n}.xml": "<x/>" for n in range(count)})


# --- Photos ---------------------------------------------------------------------------

GPS_IFD = 0x8825
ARTIST = 0x013B
ORIENTATION = 0x0112
SECRET_PLACE = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}


def phone_exif(orientation: int = 1) -> Image.Exif:
    """What a phone writes: where, who, and which way up."""
    exif = Image.Exif()
    exif[ARTIST] = "Jane Q. Candidate"
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = SECRET_PLACE
    return exif


def _picture(size=(64, 48)) -> Image.Image:
    image = Image.new("RGB", size, (200, 40, 40))
    for x in range(size[0] // 2):  # a left half of another colour
        for y in range(size[1]):
            image.putpixel((x, y), (20, 90, 200))
    return image


def jpeg_from_phone(orientation: int = 1) -> bytes:
    out = io.BytesIO()
    _picture().save(
        out,
        "JPEG",
        exif=phone_exif(orientation).tobytes(),
        comment=b"Taken at 12 Elm Street",
        quality=85,
    )
    return out.getvalue()


def png_with_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Jane Q. Candidate")
    info.add_text("Location", "12 Elm Street")
    out = io.BytesIO()
    _picture().save(out, "PNG", pnginfo=info, exif=phone_exif().tobytes())
    return out.getvalue()


def heic_from_phone() -> bytes:
    out = io.BytesIO()
    pillow_heif.from_pillow(_picture()).save(
        out, quality=60, exif=phone_exif().tobytes()
    )
    return out.getvalue()


def heic_that_is_not_one() -> bytes:
    """A HEIC's opening box, then nothing a decoder can read."""
    return heic_from_phone()[:40] + b"\x00" * 400


# --- Recordings and videos ------------------------------------------------------------


def _iso_media(major: bytes, compatible: list[bytes], size: int) -> bytes:
    ftyp = major + b"\x00\x00\x02\x00" + b"".join(compatible)
    box = struct.pack(">I", 8 + len(ftyp)) + b"ftyp" + ftyp
    free = max(size - len(box), 8)
    return box + struct.pack(">I", free) + b"free" + b"\x00" * (free - 8)


def m4a(size: int = 256) -> bytes:
    return _iso_media(b"M4A ", [b"M4A ", b"mp42", b"isom"], size)


def mp4(size: int = 256) -> bytes:
    return _iso_media(b"isom", [b"isom", b"iso2", b"mp41"], size)


def mov(size: int = 256) -> bytes:
    return _iso_media(b"qt  ", [b"qt  "], size)


def mp3(size: int = 256) -> bytes:
    frame = b"\xff\xfb\x90\x64" + b"\x00" * 413
    data = b"ID3\x04\x00\x00\x00\x00\x00\x00" + frame * (size // len(frame) + 1)
    return data[:size]
