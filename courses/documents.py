"""Course documents follow the program's document rules (``lssc.core.documents``);
a refusal is a ``CourseError`` so the course views report it like any other."""

from lssc.core import documents

from .errors import CourseError


class DocumentRefused(CourseError, documents.DocumentRefused):
    """The upload is not a document we accept; the message says why."""


def document_name(upload) -> str:
    try:
        return documents.document_name(upload)
    except documents.DocumentRefused as error:
        raise DocumentRefused(str(error)) from error
