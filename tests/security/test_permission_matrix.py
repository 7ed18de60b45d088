"""Who may open what: every URL of the site, for every role, answers as this table says.

The URL patterns are read from Django's resolver, so a page added later fails
``test_every_url_is_classified`` until it has a row in the table
(``tests/security/matrix_table.py``). Each row names a kind
(``tests/security/matrix.py`` explains them) and the objects its parameters name;
a model's admin pages take their answers from the permissions the staff groups
actually hold. Someone else's object answers 404, as a missing one does, and a
form's target posted to by someone else answers 404 and changes nothing.
"""

import datetime
import logging
import re
import time

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.candidacy import share_link_create
from lssc.accounts.roles import StaffGroup
from lssc.reports.base import _reports
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import lakeside_agreement
from tests.factories import staff_user
from tests.portfolios import files
from tests.security.matrix import (
    LOGIN,
    TWO_FACTOR,
    admin_app_expected,
    admin_gate,
    admin_model_expected,
    answers,
    clients,
    describe,
    expected,
    go,
    group_permissions,
    mismatch_report,
    path_values,
)
from tests.security.matrix_table import ADMIN_APPS, REPORTS, TABLE
from tests.security.matrix_world import ROLES, build_world
from tests.security.urls import all_routes

pytestmark = pytest.mark.django_db

# Every model in the admin: its pages answer as the groups' permissions say.
ADMIN_MODELS = (
    "auth.group",
    "account.emailaddress",
    "mfa.authenticator",
    "accounts.user",
    "competencies.competencyset",
    "competencies.competency",
    "fees.fee",
    "audit.auditentry",
    "notifications.outgoingmail",
    "notifications.reminder",
    "notifications.mailtemplate",
    "outbox.pendingtask",
    "payments.payment",
    "payments.purchaseorder",
    "payments.stripeevent",
    "payments.invoice",
    "appeals.appeal",
    "appeals.lateappeal",
    "manuals.section",
    "manuals.manual",
    "candidates.application",
    "candidates.candidate",
    "candidates.sharelink",
    "candidates.certification",
    "candidates.extensionrequest",
    "candidates.statelibraryagency",
    "candidates.statelibrarydigest",
    "portfolios.portfolio",
    "portfolios.evidencelink",
    "portfolios.prereview",
    "portfolios.submission",
    "evaluations.decision",
    "evaluations.evaluator",
    "evaluations.evaluatorapplication",
    "evaluations.assignment",
    "evaluations.review",
    "courses.provider",
    "courses.courseapplication",
    "courses.course",
    "courses.completion",
    "courses.recognitionagreement",
    "courses.recognitionclaim",
    "renewals.activity",
    "renewals.renewal",
)
# Where a model admin refuses more than the permissions do: ``{label: {view: {role:
# answer}}}``. None today: every refusal follows from the groups' permissions.
ADMIN_MODEL_OVERRIDES: dict[str, dict] = {}

ADMIN_MODEL_VIEW = re.compile(
    r"^admin:(?P<app>[a-z]+)_(?P<model>[a-z]+)_"
    r"(?P<view>changelist|add|change|history|delete|simple_history)$"
)
# The old address of a change page, which redirects to the new one.
ADMIN_OLD_CHANGE = re.compile(
    r"^admin/(?P<app>[a-z]+)/(?P<model>[a-z]+)/<path:object_id>/$"
)


def _key(route) -> str:
    return route.name or route.pattern


def _admin_model_view(route):
    """``(label, view)`` of a model's standard admin page, or None."""
    match = ADMIN_MODEL_VIEW.match(route.name)
    view = match and match["view"]
    if not route.name:
        match, view = ADMIN_OLD_CHANGE.match(route.pattern), "old_change"
    if match is None:
        return None
    label = f"{match['app']}.{match['model']}"
    return (label, view) if label in ADMIN_MODELS else None


def test_every_url_is_classified():
    unclassified = [
        str(route)
        for route in all_routes()
        if _key(route) not in TABLE and _admin_model_view(route) is None
    ]
    assert not unclassified, (
        "Classify these URLs in the matrix (tests/security/matrix_table.py): "
        + ", ".join(unclassified)
    )
    keys = {_key(route) for route in all_routes()}
    assert [k for k in TABLE if k not in keys] == [], "Rows for URLs that are gone."
    registered = {m._meta.label_lower for m in admin.site._registry}
    assert registered == set(ADMIN_MODELS), "Classify every model in the admin."
    assert set(_reports) == set(REPORTS), "Classify every report."


# --- The cells ------------------------------------------------------------------------


def _admin_object_values(model, view: str) -> dict[str, str]:
    """The first row of ``model`` (and a recorded version of it for a version page)."""
    if view in ("changelist", "add"):
        return {}
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"The world has no {model._meta.label} to open."
    if view != "simple_history":
        return {"object_id": str(obj.pk)}
    version = model.history.filter(**{model._meta.pk.attname: obj.pk}).first()
    if version is None:
        # Rows the migrations load have no recorded version: saving records one.
        obj.save()
        version = model.history.filter(**{model._meta.pk.attname: obj.pk}).first()
    return {"_0": str(obj.pk), "_1": str(version.history_id)}


def _admin_model_cells(route, label, view, perms):
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    values = _admin_object_values(model, view)
    path = route.path(values)
    for role in ROLES:
        want = ADMIN_MODEL_OVERRIDES.get(label, {}).get(view, {}).get(role)
        if want is None and view == "old_change":
            # Any staff member is sent on; the change page then decides.
            want = admin_gate(role) or go(
                f"admin:{label.replace('.', '_')}_change",
                object_id=f"={values['object_id']}",
            )
        if want is None:
            want = admin_model_expected(label, view, role, perms)
        yield ("GET", path, role, want)


def cells(world, perms):
    """``(method, path, role, expected)`` of every cell; the GETs, then the POSTs."""
    gets, posts = [], []
    for route in all_routes():
        admin_view = _admin_model_view(route)
        rows = TABLE.get(_key(route))
        if admin_view is not None:
            gets.extend(_admin_model_cells(route, *admin_view, perms))
        elif rows is ADMIN_APPS:
            for app_label in route.params[0].regex.split("|"):
                path = route.path({"app_label": app_label})
                for role in ROLES:
                    want = admin_app_expected(app_label, role, perms)
                    gets.append(("GET", path, role, want))
        else:
            for row in rows if isinstance(rows, list) else [rows]:
                path = route.path(path_values(row, world))
                for role in ROLES:
                    gets.append(("GET", path, role, expected(row, role, perms)))
                if row.kind == "post" and row.owners:
                    # Someone else's object posted to: as if it did not exist.
                    for role in ROLES:
                        if role not in row.owners:
                            want = 404 if world.users[role] else LOGIN
                            posts.append(("POST", path, role, want))
    return gets, posts


# The apps whose rows a refused POST must leave exactly as they were.
GUARDED_APPS = (
    "accounts",
    "appeals",
    "audit",
    "candidates",
    "courses",
    "evaluations",
    "payments",
    "portfolios",
    "renewals",
)


def _rows():
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for label in GUARDED_APPS
        for model in apps.get_app_config(label).get_models()
    }


def test_every_role_gets_the_answer_the_matrix_gives(capsys, caplog):
    # Thousands of refusals are the point here: only errors are worth logging.
    caplog.set_level(logging.ERROR, logger="django.request")
    started = time.monotonic()
    world = build_world()
    perms = group_permissions()
    by_role = clients(world)
    gets, posts = cells(world, perms)

    mismatches = []
    for method, path, role, want in gets:
        response = by_role[role].get(path)
        if not answers(response, want, world):
            mismatches.append((method, path, role, describe(response), str(want)))
    before = _rows()
    for method, path, role, want in posts:
        response = by_role[role].post(path)
        if not answers(response, want, world):
            mismatches.append((method, path, role, describe(response), str(want)))

    with capsys.disabled():
        print(
            f"\n{len(gets) + len(posts)} cells ({len(gets)} GET, {len(posts)} POST) "
            f"over {len(all_routes())} URL patterns and {len(ROLES)} roles in "
            f"{time.monotonic() - started:.0f}s"
        )
    assert not mismatches, mismatch_report(mismatches)
    assert _rows() == before, "A refused POST changed the database."
    assert len(gets) + len(posts) > 5000
    assert {role for _, _, role, want in gets if want == TWO_FACTOR} == {"staff_no_2fa"}


# --- What the matrix found, pinned on its own -----------------------------------------


def test_view_on_site_opens_only_what_the_staff_member_may_see(client):
    candidate = admitted_candidate(client)
    payment = candidate.user.payments.get()
    link = share_link_create(
        candidate=candidate, label="Hiring", expires_on=datetime.date(2030, 1, 1)
    )
    on_site = {
        obj: reverse(
            "admin:view_on_site",
            args=[ContentType.objects.get_for_model(obj).pk, obj.pk],
        )
        for obj in (payment, link)
    }

    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    response = client.get(on_site[payment])
    assert response.status_code == 302
    assert response["Location"].endswith(payment.get_absolute_url())
    # The share link's address is its token: the admin links it for nobody.
    assert client.get(on_site[link]).status_code == 404

    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    response = client.get(on_site[payment])
    assert response.status_code == 403
    assert payment.reference not in response.get("Location", "")


def test_staff_who_may_only_view_an_agreement_open_it(client):
    agreement = lakeside_agreement(
        document=SimpleUploadedFile("agreement.pdf", files.PDF),
    )
    change = reverse("admin:courses_recognitionagreement_change", args=[agreement.pk])
    download = reverse("courses:file", args=["agreement", agreement.pk])

    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))  # view only
    page = client.get(change)
    assert page.status_code == 200
    assert download in page.content.decode()

    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))  # may change it
    page = client.get(change).content.decode()
    assert 'type="file"' in page and download in page
