"""The one way the program writes CSV: cells that a spreadsheet would run as a
formula come out as plain text.

A name such as ``=HYPERLINK("http://…","Click")`` typed into a form would otherwise
become a live formula when staff open an export in Excel or LibreOffice. The
``defusedcsv`` writer prefixes a cell starting with ``=``, ``+``, ``-``, ``@``,
``|`` or ``%`` with an apostrophe, which spreadsheets read as "this is text";
this module adds the cells it leaves alone that spreadsheets still read as the
start of a formula: a leading tab, carriage return or line feed.

Numbers stay numbers: ints, floats and Decimals pass through untouched (a number
cannot carry a formula), and so do strings that are only a number, such as
``-12.50`` or ``-1,234.50`` (the library leaves them alone), so negative figures
in a report still add up in a spreadsheet. Any other string starting with ``-``
(``-2+3``) is escaped.

Every CSV response, whole or streamed, is built here; nothing else imports the
``csv`` module's writers.
"""

from collections.abc import Iterable
from numbers import Number

from defusedcsv import csv as defused
from django.http import HttpResponse, StreamingHttpResponse

CONTENT_TYPE = "text/csv; charset=utf-8"
# Spreadsheets skip leading whitespace before reading a formula.
LEADING_WHITESPACE = ("\t", "\r", "\n")


def cell(value):
    """``value`` as the writer stores it: numbers and empty cells as they are,
    anything else as text that cannot start a formula."""
    if value is None or isinstance(value, Number):
        return value
    text = str(value)
    if text.startswith(LEADING_WHITESPACE):
        return "'" + text
    return text


class _Writer:
    def __init__(self, out):
        self._writer = defused.writer(out)

    def writerow(self, row: Iterable):
        return self._writer.writerow([cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]):
        for row in rows:
            self.writerow(row)


def writer(out) -> _Writer:
    """A CSV writer onto ``out`` (a file or a response) that neutralises formulas."""
    return _Writer(out)


class _Echo:
    """A file that hands back what is written, to stream rows one at a time."""

    def write(self, text):
        return text


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable] = ()):
    """A CSV download of ``header`` and ``rows``, built in memory (a report's
    table, an empty import template)."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    out = writer(response)
    out.writerow(header)
    out.writerows(rows)
    return _attachment(response, filename)


def streamed_csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]):
    """A CSV download streamed row by row: ``rows`` is consumed lazily (an export
    over a queryset iterator), so memory stays flat whatever the size."""
    out = _Writer(_Echo())

    def lines():
        yield out.writerow(header)
        for row in rows:
            yield out.writerow(row)

    return _attachment(
        StreamingHttpResponse(lines(), content_type=CONTENT_TYPE), filename
    )
