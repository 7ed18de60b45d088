"""Reading the PDFs the app makes, as a person would see them."""

import io

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """All the text of the PDF, pages joined, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages
