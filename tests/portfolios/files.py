"""Real, minimal files of each kind (and a few impostors), built in memory."""

import io
import zipfile

from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from lssc.core import pdfs as pdf_rules


def pdf(change=None) -> bytes:
    """A one-page PDF; ``change(writer)`` may add to it before it is written."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if change is not None:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _action(kind: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = value
    return action


def _open_with(action: DictionaryObject):
    def change(writer):
        writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return change


def _on_page_open(action: DictionaryObject):
    def change(writer):
        page = writer.pages[0]
        page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})

    return change


def _link_to(action: DictionaryObject):
    def change(writer):
        link = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
                NameObject("/A"): action,
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])

    return change


def _encrypted(password: str):
    def change(writer):
        writer.encrypt(
            user_password=password, owner_password="owner", algorithm="RC4-128"
        )

    return change


PDF = pdf()
# Scripts and launch actions where PDF readers look for them.
SCRIPTED_PDFS = {
    "document-level script": pdf(
        lambda writer: writer.add_open_action(JavaScript("app.alert(1)"))
    ),
    "script on opening": pdf(
        _open_with(_action("/JavaScript", JS=TextStringObject("app.alert(1)")))
    ),
    "script when the page opens": pdf(
        _on_page_open(_action("/JavaScript", JS=TextStringObject("app.alert(1)")))
    ),
    "script chained after a link": pdf(
        _link_to(
            _action(
                "/URI",
                URI=TextStringObject("https://example.org/"),
                Next=_action("/JavaScript", JS=TextStringObject("app.alert(1)")),
            )
        )
    ),
}
LAUNCHING_PDFS = {
    "launch on opening": pdf(
        _open_with(_action("/Launch", F=TextStringObject("cmd.exe")))
    ),
    "launch from a link": pdf(
        _link_to(_action("/Launch", F=TextStringObject("/bin/sh")))
    ),
}
ENCRYPTED_PDFS = {
    "with a password": pdf(_encrypted("secret")),
    "without a password to open it": pdf(_encrypted("")),
}
PDF_WITH_ATTACHMENT = pdf(
    lambda writer: writer.add_attachment("notes.txt", b"Circulation notes.")
)
PDF_WITH_WEB_LINK = pdf(
    _link_to(_action("/URI", URI=TextStringObject("https://example.org/")))
)
DAMAGED_PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4
# One PDF of each kind that is refused, with the reason given for it.
UNSAFE_PDFS = {
    "scripted": (SCRIPTED_PDFS["script on opening"], pdf_rules.SCRIPTED),
    "launching": (LAUNCHING_PDFS["launch on opening"], pdf_rules.LAUNCHING),
    "encrypted": (ENCRYPTED_PDFS["with a password"], pdf_rules.ENCRYPTED),
    "damaged": (DAMAGED_PDF, pdf_rules.UNREADABLE),
}
# One transparent pixel; decodable to the end, since evidence photos are decoded.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00"
    b"\x08\xfc\x02\xfe\xa7\x9a\xa0\xa0\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 64
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 32
TEXT = "Reflection on the reference interview, café hours.\n".encode()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'
BINARY_TEXT = b"looks like text\x00\x01\x02 but is not"


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # OpenDocument: an uncompressed "mimetype" entry first.
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()
