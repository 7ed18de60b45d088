"""No input gives a 500.

Every URL pattern of the site (the admin's and allauth's too) is requested by each
kind of person, with hostile values: NUL and other control characters, megabyte
strings, invalid UTF-8, and wrong types (words for numbers, impossible dates,
integers too large for the database, lists for single values, unknown names).
They go in the path's parameters, in the query string (the names the views read
and those each page's links and forms use), and in every field of every form the
pages show, posted back (the values are made in ``fuzz_values.py``). Any answer of
500 or more fails, listing them all.

Each request runs in a savepoint that is rolled back, and the client's cookies are
put back after it, so no request sees what another changed (a delete, a sign-out)
and the module builds its data once.
"""

import time
from collections import Counter
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from tests.security.forms import Form, read_page
from tests.security.fuzz_values import (
    EXTREME_DAYS,
    QUERY_NAMES,
    action_variants,
    admin_list_variants,
    date_variants,
    form_variants,
    invalid_utf8_body,
    path_variants,
    query_names,
    query_variants,
    wrong,
)
from tests.security.urls import Route, all_routes, all_sample_kwargs
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

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
