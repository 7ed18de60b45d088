"""CSV imports with a preview: every row is checked and shown, with its errors, and
nothing is saved unless every row passes.

An app declares what a file holds and how a row becomes a change::

    class EvaluatorImport(Importer):
        columns = (Column("email", "Email"), ...)

        def check_row(self, row, seen) -> Checked: ...
        def save(self, rows, by) -> int: ...

The upload and preview pages (``import_page``) are shared. The file travels from
the preview to the confirmation signed, not stored: nobody can change it between
the two, and the rows are checked again when confirmed, since the database may
have moved on meanwhile. ``save`` runs in one transaction through the app's
services.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render

from .csv_export import csv_response
from .text import CONTROL_CHARACTERS

MAX_BYTES = 512 * 1024
MAX_ROWS = 2000
PAYLOAD_MAX_AGE = 60 * 60  # seconds a preview stays confirmable
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y")


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing in it is checked."""


@dataclass(frozen=True)
class Column:
    name: str  # the header, as it must appear in the file
    help: str
    required: bool = True


@dataclass
class Checked:
    """What ``check_row`` found: the value to save, or why the row cannot be."""

    value: Any = None
    errors: list[str] = field(default_factory=list)
    note: str = ""  # shown when the row is fine but will change nothing
    skip: bool = False  # a row with nothing to do (already recorded)


@dataclass
class Row:
    line: int  # the line in the file, the header being line 1
    cells: dict[str, str]
    checked: Checked


@dataclass
class Preview:
    rows: list[Row]

    @property
    def errors(self) -> int:
        return sum(1 for row in self.rows if row.checked.errors)

    @property
    def to_save(self) -> list[Row]:
        return [r for r in self.rows if not r.checked.errors and not r.checked.skip]


class Importer:
    """One kind of import. Subclasses give ``title``, ``columns``, ``check_row``
    and ``save``; ``check_row`` receives ``seen``, a dict shared by the file's
    rows, to catch duplicates within the file."""

    title = ""
    columns: tuple[Column, ...] = ()

    def prepare(self, rows: list[dict[str, str]]) -> None:
        """Look up, in a few queries, what the rows refer to (before the checks)."""

    def check_row(self, cells: dict[str, str], seen: dict) -> Checked:
        raise NotImplementedError

    def save(self, values: list, by) -> int:
        raise NotImplementedError

    # --- Shared ----------------------------------------------------------------

    def read(self, text: str) -> Preview:
        rows = _rows(text, self.columns)
        self.prepare([cells for _, cells in rows])
        seen: dict = {}
        checked = []
        for line, cells in rows:
            self.line = line  # for messages naming an earlier line
            checked.append(Row(line, cells, self.check_row(cells, seen)))
        return Preview(checked)


def _rows(text: str, columns) -> list[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ImportFileError("The file is empty.") from None
    except csv.Error as error:
        raise ImportFileError(
            f"The file is not a readable CSV file ({error})."
        ) from None
    expected = [c.name for c in columns]
    missing = [c.name for c in columns if c.required and c.name not in header]
    unknown = [h for h in header if h and h not in expected]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing: {', '.join(missing)}")
        if unknown:
            problems.append(f"not expected: {', '.join(unknown)}")
        raise ImportFileError(
            f"The columns are not right ({'; '.join(problems)}). The first line must "
            f"name the columns: {', '.join(expected)}."
        )
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue  # blank lines, as spreadsheets leave them
            if len(values) > len(header):
                values = values[: len(header)]
            cells = dict.fromkeys(expected, "")
            cells.update(
                {h: v.strip() for h, v in zip(header, values, strict=False) if h}
            )
            rows.append((reader.line_num, cells))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(
                    f"The file has more than {MAX_ROWS:,} rows: split it into smaller "
                    "files."
                )
    except csv.Error as error:
        raise ImportFileError(
            f"Line {reader.line_num} cannot be read ({error})."
        ) from None
    if not rows:
        raise ImportFileError("The file has a header but no rows.")
    return rows


def decode(upload) -> str:
    """The uploaded file as text: UTF-8 (with or without the byte-order mark that
    spreadsheet programs write), or refused."""
    if upload.size > MAX_BYTES:
        raise ImportFileError(
            f"The file is larger than {MAX_BYTES // 1024} KB: split it into smaller "
            "files."
        )
    data = upload.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”."
        ) from None
    # NUL and the like mean a binary file, and the database refuses NUL in text.
    found = CONTROL_CHARACTERS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise ImportFileError(
            f"Line {line} contains a control character (such as NUL): this is not a "
            "plain CSV text file. Save it from your spreadsheet as “CSV UTF-8”."
        )
    return text


def parse_date(value: str) -> datetime.date | None:
    """A date written 2026-03-31 or 03/31/2026; ``None`` if it is neither."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="A .csv file in UTF-8; the first line names the columns.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


def import_page(request, importer: Importer, *, template, context, done_url, by):
    """The upload form, the preview and the confirmation, in one page.

    ``importer`` is built per request (it may hold the course a roster is for);
    the signature's salt names it, so a preview of one import cannot be replayed
    into another.
    """
    salt = f"lssc.imports:{type(importer).__name__}:{context.get('salt', '')}"
    if request.method == "GET" and "blank" in request.GET:
        return csv_response("import.csv", [c.name for c in importer.columns])
    preview = None
    form = UploadForm()
    payload = ""
    if request.method == "POST" and "payload" in request.POST:
        try:
            text = signing.loads(
                request.POST["payload"], salt=salt, max_age=PAYLOAD_MAX_AGE
            )
        except signing.BadSignature:
            messages.error(
                request, "This preview has expired: upload the file again to check it."
            )
            return redirect(request.path)
        preview = importer.read(text)
        if not preview.errors:
            with transaction.atomic():
                saved = importer.save([r.checked.value for r in preview.to_save], by)
            messages.success(request, f"{importer.title}: {saved} saved.")
            return redirect(done_url)
        # The data changed since the preview: show what fails now, save nothing.
        messages.error(request, "Some rows no longer pass: nothing was saved.")
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                text = decode(form.cleaned_data["file"])
                preview = importer.read(text)
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                if not preview.errors:
                    payload = signing.dumps(text, salt=salt, compress=True)
    return render(
        request,
        template,
        {
            **context,
            "importer": importer,
            "form": form,
            "preview": preview,
            "payload": payload,
        },
    )
