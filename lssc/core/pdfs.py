"""What an uploaded PDF may carry.

Staff and evaluators open uploaded PDFs in full PDF readers, which run a
document's JavaScript and may start other programs for a launch action. Such
PDFs, encrypted ones (whose content cannot be inspected) and ones that cannot be
parsed at all are refused; forms, links and embedded files are kept.
"""

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

UNREADABLE = (
    "This PDF could not be read; it may be damaged. Save or print it to PDF "
    "again and upload the new file."
)
ENCRYPTED = (
    "This PDF is encrypted or protected by a password. Upload a copy saved "
    "without a password or protection."
)
SCRIPTED = (
    "This PDF contains JavaScript, which is not accepted. Print it to a new PDF, "
    "or save a copy without scripts, and upload that."
)
LAUNCHING = (
    "This PDF contains an action that opens another file or program, which is not "
    "accepted. Print it to a new PDF and upload that."
)


def pdf_problem(stream) -> str | None:
    """Why the PDF in ``stream`` is refused, or None when it may be kept.

    The stream is read from the start and left at the start.
    """
    stream.seek(0)
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            return ENCRYPTED
        return _active_content(reader)
    except Exception:  # pypdf raises many kinds of error on a damaged file
        return UNREADABLE
    finally:
        stream.seek(0)


def _active_content(reader: PdfReader) -> str | None:
    """Look at every object reachable from the trailer, each once.

    Scripts hide in many places (the catalog's /Names, /OpenAction, a page's or
    a form field's /AA, a link's /A, an action's /Next), so every dictionary is
    checked rather than a list of known places.
    """
    seen = set()
    todo = [reader.trailer]
    while todo:
        item = todo.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # streams included
            action = _resolved(item.get("/S"))
            if action == "/JavaScript" or "/JS" in item or "/JavaScript" in item:
                return SCRIPTED
            if action == "/Launch":
                return LAUNCHING
            todo.extend(item.values())
        elif isinstance(item, ArrayObject):
            todo.extend(item)
    return None


def _resolved(value):
    return value.get_object() if value is not None else None
