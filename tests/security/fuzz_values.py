"""The hostile values of the fuzz test (``test_fuzz.py``): wrong values of every type,
control characters, megabyte strings, invalid UTF-8, impossible dates and odd files,
and the query strings, paths and form data made of them for one page or form.
"""

import io
from urllib.parse import quote, urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from tests.security.forms import Field, Form
from tests.security.urls import Route

MEGABYTE = 1_000_000
# An integer too large for PostgreSQL's bigint. SQLite's driver refuses to send one
# at all (an error PostgreSQL, the production database, never raises): there the
# largest 64-bit integer stands for it.
HUGE = "99999999999999999999" if connection.vendor == "postgresql" else str(2**63 - 1)

# Query parameters the views read (request.GET, filter sets, the admin's lists and
# forms), and a few no view reads; each page adds the names its links and forms use.
QUERY_NAMES = [
    "q", "page", "p", "o", "e", "all", "start", "end", "format", "status", "set",
    "state", "kind", "next", "blank", "name", "year", "month", "day", "id", "pk",
    "_popup", "_to_field", "_changelist_filters", "action", "app_label",
    "model_name", "field_name", "term", "zz_unknown", "filter__nope",
]  # fmt: skip

# The first and last days a date field takes: arithmetic on them leaves the calendar.
EXTREME_DAYS = ("0001-01-01", "9999-12-31")
# The query names Django's admin reads on its lists.
ADMIN_NAMES = ["q", "o", "p", "e", "all"]
# Wrong values of every type a field or parameter could expect. They rotate over the
# names, so each name meets several in a few requests.
WRONG = [
    "abc", "-1", HUGE, "2026-13-45", "0", "", " ", "1.5e308",
    "NaN", "true", "<script>alert(1)</script>", "' OR 1=1 --", "%", "../../etc/passwd",
    "\u202e\ufeff\u200b", "😀" * 50, "1" * 400, "[]", "{}", "null", "-0",
    "2026-02-30", "25:61", "9999-12-31", "0001-01-01", "1e9999",
]  # fmt: skip
CONTROL = "a\x00b\x01c\x1bd"  # NUL and other control characters
INVALID_UTF8 = "%ff%fe%c0%af%ed%a0%80"  # percent-encoded bytes that are not UTF-8
# Path parameters: each converter lets only some values reach the view.
PATH_VALUES = {
    "int": [HUGE, "0"],
    "slug": [HUGE, "a" * 300],
    "other": [
        "%00", "x%01y", HUGE, "1.0", INVALID_UTF8, "%E2%80%AE",
        "a" * 3000, "..%2F..%2Fetc%2Fpasswd",
    ],
}  # fmt: skip
# Free text, kept as shown when the choices of a form are tampered with.
TEXT_KINDS = {"text", "textarea", "password", "search", "email", "url", "tel"}


def wrong(names, turn: int) -> dict[str, str]:
    return {name: WRONG[(i + turn * 7) % len(WRONG)] for i, name in enumerate(names)}


def query_variants(names: list[str], *, full: bool) -> list[str]:
    """Query strings, each hostile in its own way; control characters only when
    the page will not read them (it turned the person away, or is a download)."""
    variants = [urlencode(dict.fromkeys(names, CONTROL))]
    if full:
        half = len(names) // 2
        long = "x" * (MEGABYTE // max(half, 1))
        variants += [
            urlencode([(n, v) for n, v in wrong(names, 0).items() for _ in "12"]),
            urlencode({**dict.fromkeys(names[:half], long), **wrong(names[half:], 1)})
            + "&"
            + "&".join(f"{quote(n)}={INVALID_UTF8}" for n in names[:3])
            + f"&{INVALID_UTF8}=1&=&&a==b",
        ]
    return variants


def query_names(route: Route, forms: list[Form], link_names: set[str]) -> list[str]:
    """The names to put in a page's query: those its links and forms use and, but
    on the admin, those the views read and a few unknown ones. The admin's lists
    refuse an unknown name before reading any other, so it gets only its own; its
    add pages take their fields' first values from the query."""
    fields = [f.name for form in forms for f in form.fields if f.name]
    if not route.is_admin:
        return list(dict.fromkeys(QUERY_NAMES + sorted(link_names) + fields))
    if not route.name.endswith("_add"):
        fields = [f.name for form in forms if form.method == "get" for f in form.fields]
    return list(
        dict.fromkeys(["q", "o", "p", "e", "all", *sorted(link_names), *fields])
    )


def date_variants(forms: list[Form], *, method: str) -> list[str]:
    """The first and the last day a date field takes, in every date field of the
    page's forms at once, as a query string."""
    dates = [f.name for form in forms if form.method == method for f in form.fields
             if f.kind == "date"]  # fmt: skip
    return [urlencode(dict.fromkeys(dates, day)) for day in EXTREME_DAYS if dates]


def admin_list_variants(link_names: set[str]) -> list[str]:
    """An admin list stops at its first wrong filter, so each of the program's own
    filters is sent alone too (their names have no "__", Django's have, or start
    with "_")."""
    own = sorted(
        name
        for name in link_names
        if "__" not in name and not name.startswith("_") and name not in ADMIN_NAMES
    )
    return [urlencode({name: value}) for name in own for value in ("abc", HUGE)]


def path_variants(route: Route, values: dict[str, str]) -> list[str]:
    """The route with each parameter in turn replaced by a hostile value."""
    return [
        route.path({**values, param.name: bad})
        for param in route.params
        for bad in PATH_VALUES.get(param.kind, PATH_VALUES["other"])
    ]


def form_variants(form: Form, *, full: bool) -> list[dict]:
    """Data for the form: as shown, and hostile in each way (fewer when not
    ``full``: the admin's model forms check lengths and types alike for every
    model, and take long to draw again around a megabyte)."""
    fields = [f for f in form.fields if f.kind not in ("reset", "image")]
    names = [f.name for f in fields if f.kind != "file"]
    texts = [f.name for f in fields if f.kind in TEXT_KINDS]
    choices = [f.name for f in fields if f.kind not in TEXT_KINDS | {"file"}]
    files = [f.name for f in fields if f.kind == "file"]
    shown = _as_shown(fields)
    control = {**shown, **dict.fromkeys(names, CONTROL)}
    if "action" in shown and "_selected_action" in names:
        return [control]  # an admin list: its actions are run one by one
    dates = [f.name for f in fields if f.kind == "date"]
    variants = [
        control,
        shown,
        # The choices tampered with (a rating no one offered), the rest as shown.
        {**shown, **wrong(choices, 0), **_odd_files(files, 0)},
        *({**shown, **dict.fromkeys(dates, day)} for day in EXTREME_DAYS if dates),
    ]
    if full:
        half = len(names) // 2
        variants += [
            # A megabyte of text in the text fields.
            {**shown, **dict.fromkeys(texts, "x" * (MEGABYTE // max(len(texts), 1)))},
            # Every field wrong, half of them given twice.
            {**{n: [v, v] for n, v in wrong(names[:half], 1).items()},
             **wrong(names[half:], 2), **_odd_files(files, 1)},
            {},
        ]  # fmt: skip
    return variants


def action_variants(form: Form) -> list[dict]:
    """An admin list's actions, each run on a row with its own form's fields wrong,
    and on rows that do not exist."""
    fields = {f.name: f for f in form.fields}
    if "action" not in fields or "_selected_action" not in fields:
        return []
    row = fields["_selected_action"].value
    extra = wrong(["reason", "trained_on", "on", "date", "note", "status"], 3)
    return [
        variant
        for action in fields["action"].options
        if action
        for variant in (
            {"action": action, "_selected_action": row, "apply": "1", **extra},
            {"action": action, "_selected_action": ["abc", HUGE]},
        )
    ]


def _as_shown(fields: list[Field]) -> dict:
    data: dict = {}
    for f in fields:
        if f.kind in ("submit", "button", "file"):
            continue
        if f.kind in ("checkbox", "radio"):
            if f.kind == "radio" and f.name in data:
                continue
            data.setdefault(f.name, []).append(f.value or "on")
        elif f.kind == "select":
            data[f.name] = next((o for o in f.options if o), "")
        else:
            data[f.name] = f.value
    submit = next((f for f in fields if f.kind == "submit" and f.name), None)
    if submit is not None:
        data[submit.name] = submit.value
    return data


def _odd_files(names: list[str], turn: int) -> dict:
    odd = [
        ("evil\x00.pdf", b"%PDF-1.4\n%%EOF\n"),
        ("a" * 300 + ".csv", b"email,name\n\x00x@example.org,\x00\n"),
        ("../../../etc/passwd", b"\xff\xfe\x00\x00not text"),
        ("empty.pdf", b""),
        ("roster.csv", ("email\n" + "é" * 10 + "\x1b,\n").encode()),
    ]
    return {
        name: SimpleUploadedFile(*odd[(i + turn) % len(odd)])
        for i, name in enumerate(names)
    }


def invalid_utf8_body(names: list[str], *, multipart: bool) -> tuple[bytes, str]:
    """The fields as bytes that are not UTF-8, urlencoded or as multipart (with a
    file whose name is not UTF-8 either)."""
    if not multipart:
        encoded = "&".join(f"{quote(n)}={INVALID_UTF8}" for n in names).encode()
        return encoded, "application/x-www-form-urlencoded"
    boundary = "fuzzboundary"
    body = io.BytesIO()
    for name in names:
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="'.encode())
        body.write(name.encode() + b'"\r\n\r\n\xff\xfe\xc0\xaf\r\n')
    body.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="\xff.csv"\r\n\r\nemail\r\n--{boundary}--\r\n'.encode("latin-1")
    )
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"
