"""No input gives a 500.

Every URL pattern of the site (the admin's and allauth's too) is requested by each
kind of person, with hostile values: NUL and other control characters, megabyte
strings, invalid UTF-8, and wrong types (words for numbers, impossible dates,
integers too large for the database, lists for single values, unknown names).
They go in the path's parameters, in the query string (the names the views read
and those each page's links and forms use), and in every field of every form the
pages show, posted back. Any answer of 500 or more fails, listing them all.

Each request runs in a savepoint that is rolled back, and the client's cookies are
put back after it, so no request sees what another changed (a delete, a sign-out)
and the module builds its data once.
"""

import io
import time
from collections import Counter
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from tests.security.forms import Field, Form, read_page
from tests.security.urls import Route, all_routes, all_sample_kwargs
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

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

CASES: Counter = Counter()


# --- The data and the people ---------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world()
            built["media"] = media
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module", autouse=True)
def _report_count(request):
    """The number of requests sent, in the test output: a walk that silently
    stopped reaching pages shows, besides failing ``AT_LEAST``."""
    yield
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if CASES and capture is not None:
        by_role = ", ".join(f"{role} {n}" for role, n in sorted(CASES.items()))
        with capture.global_and_fixture_disabled():
            print(f"\nfuzz: {CASES.total()} requests ({by_role})")


class Fuzzer:
    """Sends requests as one person, each in a rolled-back savepoint; keeps the
    answers of 500 or more. ``seen`` holds what was fuzzed already, by another
    person too: a page or form that works alike for them is fuzzed once."""

    def __init__(self, role, world, *, seen: set, failures: list):
        self.role = role
        self.world = world
        self.seen = seen
        self.failures = failures
        self.client = Client(raise_request_exception=False)
        user = world["users"][role]
        if user is not None:
            self.client.force_login(user)
        self.count = 0
        self.seconds: Counter = Counter()

    def first_time(self, *key) -> bool:
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def send(self, method, path, **kwargs):
        cookies = SimpleCookie()
        cookies.load(self.client.cookies.output(header="", sep=";"))
        shown = path if len(path) < 160 else path[:160] + "…"
        started = time.perf_counter()
        with transaction.atomic():
            response = getattr(self.client, method)(path, **kwargs)
            if response.streaming:  # a download or an export: read it to the end
                try:
                    b"".join(response.streaming_content)
                except Exception as error:
                    self._fail(method, shown, "while streaming", error)
            transaction.set_rollback(True)
        self.seconds[f"{method} {path.split('?')[0][:60]}"] += (
            time.perf_counter() - started
        )
        self.client.cookies = cookies
        self.count += 1
        CASES[self.role] += 1
        # /healthz answers 503 by design when the database or the broker is down.
        if response.status_code >= 500 and not path.startswith("/healthz"):
            error = response.exc_info[1] if response.exc_info else None
            self._fail(method, shown, response.status_code, error)
        return response

    def _fail(self, method, path, status, error):
        self.failures.append(
            f"{self.role}: {method.upper()} {path} -> {status} "
            f"{type(error).__name__}: {str(error)[:200]}"
        )

    def page(self, path) -> tuple[int, bool, list[Form], set[str]]:
        """The answer's status, whether it is a web page, its forms and the names
        its links put in the query string."""
        response = self.send("get", path)
        html = response.get("Content-Type", "").startswith("text/html")
        forms, names = [], set()
        if response.status_code == 200 and html:
            forms, names = read_page(path, response.content.decode())
        return response.status_code, html, forms, names


# --- Hostile values ------------------------------------------------------------------


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


# --- The walk ----------------------------------------------------------------------


def view_code(route: Route):
    """The function behind a route: the admin serves every model's pages of one
    kind (change, delete, history) with the same code."""
    view = route.callback
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    return getattr(view, "__func__", view)


def fuzz_gets(fuzzer: Fuzzer, routes: list[Route]) -> list[Form]:
    """GET every route, hostile in its path and query, and POST to it; the forms
    its pages show."""
    forms: dict[tuple, Form] = {}
    targets: set[str] = set()
    for route in routes:
        # The admin's pages about one record (delete, history) share their code
        # between models and are opened for the first; each change page has its
        # model's own form.
        if (
            route.is_admin
            and route.params
            and not route.name.endswith("_change")
            and not fuzzer.first_time("page", view_code(route), route.params)
        ):
            continue
        values, *others = all_sample_kwargs(route, fuzzer.world)
        for other in others:  # every report, every manual: the page and its query
            status, html, _, _ = fuzzer.page(route.path(other))
            if fuzzer.first_time("query", route.path(other), status):
                full = status == 200 and html
                queries = query_variants(QUERY_NAMES, full=full)[1:]
                if full:
                    queries += [f"start={a}&end={b}" for a in EXTREME_DAYS
                                for b in EXTREME_DAYS]  # fmt: skip
                for query in queries:
                    fuzzer.send("get", f"{route.path(other)}?{query}")
        path = route.path(values)
        status, html, page_forms, link_names = fuzzer.page(path)
        for form in page_forms:
            forms.setdefault(form.key, form)
            targets.add(form.action.split("?")[0])
        # Hostile path values reach the view only when it answers this person; the
        # admin's pages of one kind share their code, which meets them once.
        if status in (200, 405) and fuzzer.first_time(
            "path", view_code(route), route.params
        ):
            method = "get" if status == 200 else "post"
            for bad in path_variants(route, values):
                fuzzer.send(method, bad)
        names = query_names(route, page_forms, link_names)
        # The admin reads the query on its lists and add pages, not on one record's.
        full = status == 200 and html and not (route.is_admin and route.params)
        page = tuple(sorted(form.key for form in page_forms))
        if not fuzzer.first_time("query", path, status, page):
            full = False
        queries = query_variants(names, full=full)
        if full:
            queries += date_variants(page_forms, method="get")
        if full and route.name.endswith("_changelist"):
            queries += admin_list_variants(link_names)
        elif full and route.is_admin:
            queries = queries[:2]  # an add page: its fields' first values
        for query in queries:
            fuzzer.send("get", f"{path}?{query}")
        # A POST where no page's form sends one (unless the person was sent away).
        if (
            path not in targets
            and not 300 <= status < 400
            and fuzzer.first_time("post", view_code(route), status)
        ):
            fuzzer.send("post", path, data=wrong(names, 4))
    return list(forms.values())


def fuzz_posts(fuzzer: Fuzzer, forms: list[Form], *, full: bool) -> None:
    """Post every form back, hostile in each way; forms alike but for their model
    (delete, history) or for who sees them (the sign-out) are sent once."""
    for form in forms:
        try:
            match = resolve(form.action.split("?")[0])
        except Resolver404:
            continue
        view = getattr(match.func, "__wrapped__", match.func)
        if form.method != "post" or not fuzzer.first_time("form", view, form.key[2]):
            continue
        for data in form_variants(form, full=full) + action_variants(form):
            if form.multipart or any(
                isinstance(v, SimpleUploadedFile) for v in data.values()
            ):
                fuzzer.send("post", form.action, data=data)
            else:
                fuzzer.send(
                    "post",
                    form.action,
                    data=urlencode(data, doseq=True),
                    content_type="application/x-www-form-urlencoded",
                )
        if full:
            names = [f.name for f in form.fields if f.name]
            body, content_type = invalid_utf8_body(names, multipart=form.multipart)
            fuzzer.send("post", form.action, data=body, content_type=content_type)


# The people, in order: a page or form one of them fuzzed, the next only opens.
AREAS = {
    "site": ("anonymous", "candidate", "educator", "staff"),
    "admin": ("staff", "anonymous"),
}
# Fewer requests than this and the walk has stopped reaching the pages.
AT_LEAST = {"site": 1200, "admin": 800}


@pytest.mark.parametrize("area", AREAS)
def test_no_request_answers_5xx(world, settings, area):
    settings.MEDIA_ROOT = world["media"]
    routes = [r for r in all_routes() if r.is_admin == (area == "admin")]
    seen: set = set()
    failures: list[str] = []
    count = 0
    for role in AREAS[area]:
        fuzzer = Fuzzer(role, world, seen=seen, failures=failures)
        forms = fuzz_gets(fuzzer, routes)
        fuzz_posts(fuzzer, forms, full=area != "admin")
        count += fuzzer.count
        # Shown with -s or on failure: what to look at when the walk grows slow.
        slowest = sorted(fuzzer.seconds.items(), key=lambda x: -x[1])[:15]
        print(f"{role}/{area}: {fuzzer.count} requests, {len(forms)} forms")
        for name, seconds in slowest:
            print(f"  {seconds:6.2f}s {name}")
    assert not failures, "\n".join(failures)
    assert count >= AT_LEAST[area], f"only {count} requests: the fuzz stopped fuzzing"
