"""Who may open what: every URL of the site, for every role, answers as this table says.

The URL patterns are read from Django's resolver, so a page added later fails
``test_every_url_is_classified`` until it has a row here. Each row names a kind
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

from candidates.services import share_link_create
from lssc.accounts.roles import StaffGroup
from lssc.reports.base import _reports
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import lakeside_agreement
from tests.factories import staff_user
from tests.portfolios import files
from tests.security.matrix import (
    LOGIN,
    STAFF_ROLES,
    TWO_FACTOR,
    Row,
    admin_app_expected,
    admin_gate,
    admin_model_expected,
    admin_page,
    also,
    answers,
    clients,
    describe,
    expected,
    go,
    group_permissions,
    mismatch_report,
    own,
    path_values,
    post,
    public,
    signed_in,
    staff,
)
from tests.security.matrix_world import ROLES, build_world
from tests.security.urls import all_routes

pytestmark = pytest.mark.django_db

CANDIDATES = ("candidate_a", "candidate_b")
PROVIDERS = ("provider_a", "provider_b")
EVALUATORS = ("evaluator", "evaluator_other")
SIGNED_IN = ROLES[1:]
NOT_STAFF = tuple(r for r in SIGNED_IN if r != "staff_no_2fa" and r not in STAFF_ROLES)
PAY = "payments.view_payment"


def all_but(answer, *roles) -> dict:
    """``answer`` for every signed-in role except ``roles``."""
    return {role: answer for role in SIGNED_IN if role not in roles}


def each(answer, roles) -> dict:
    return dict.fromkeys(roles, answer)


# The admin's index of each app: one pattern, a cell per app label.
ADMIN_APPS = object()

# Each report and the permission it is for.
REPORTS = {
    "admissions": "candidates.view_candidate",
    "how-heard": "candidates.view_candidate",
    "achievements": "candidates.view_candidate",
    "status": "candidates.view_candidate",
    "library": "candidates.view_candidate",
    "time-to-certification": "candidates.view_candidate",
    "near-deadline": "candidates.view_candidate",
    "evaluators": "evaluations.view_assignment",
    "agreement": "evaluations.view_decision",
    "portfolio-outcomes": "evaluations.view_decision",
    "courses": "courses.view_course",
    "renewals": "renewals.view_renewal",
    "revenue": PAY,
}

TABLE: dict[str, Row | list[Row] | object] = {
    # --- Public pages -------------------------------------------------------------
    "home": public(),
    "how_it_works": public(),
    "faq": public(),
    "competencies:list": public(),
    "competencies:detail": public(slug="=technology"),
    "healthz": public(),
    "favicon.ico": public(ok=301),  # a permanent redirect to the icon
    "candidates:registry": public(),
    "candidates:shared_car": public(token="share_link.token"),
    "candidates:verify": public(number="certification.number"),
    "candidates:verify_json": public(number="certification.number"),
    "courses:catalog": public(),
    "courses:detail": public(pk="course"),
    "courses:agreements": public(),
    "evaluations:join": public(),
    "manuals:index": public(),
    "manuals:all_pdf": public(),
    "manuals:detail": [
        public(slug="=portfolio-manual"),
        also(
            own(perm="manuals.view_manual", slug="manual_draft.slug"),
            "a draft is for the staff who edit it: for anyone else, visitors "
            "included, it does not exist",
            anonymous=404,
        ),
    ],
    "manuals:pdf": [
        public(slug="=portfolio-manual"),
        also(
            own(perm="manuals.view_manual", slug="manual_draft.slug"),
            "as the draft's page",
            anonymous=404,
        ),
    ],
    # --- Staff pages outside the admin -----------------------------------------------
    "staff_dashboard": staff(),
    "reports:list": staff(),
    "reports:detail": [staff(perm, slug=f"={slug}") for slug, perm in REPORTS.items()],
    # --- Payments ---------------------------------------------------------------------
    "payments:stripe_webhook": also(
        post(), "Stripe posts without signing in; a GET is refused", anonymous=405
    ),
    "payments:instructions": own(
        "candidate_a", perm=PAY, reference="payment_pending.reference"
    ),
    "payments:receipt": own(
        "candidate_a", perm=PAY, reference="payment_paid.reference"
    ),
    "payments:card_return": own(
        "candidate_a", perm=PAY, reference="payment_paid.reference"
    ),
    # --- Applying and the achievement record ------------------------------------------
    "candidates:apply": also(
        signed_in(),
        "a candidate is sent to their record, an applicant to their application",
        candidate_a=go("candidates:car"),
        candidate_b=go("candidates:car"),
        applicant=go("candidates:application_status"),
    ),
    "candidates:apply_begin": post(),
    "candidates:application_status": also(
        signed_in(),
        "no application submitted: sent to start one",
        **all_but(go("candidates:apply"), *CANDIDATES, "applicant"),
    ),
    "candidates:apply_step": signed_in(
        # Nobody here has a draft: sent to where their application stands.
        ok=go("candidates:apply"),
        step="=contact",
    ),
    "candidates:car": also(
        signed_in(),
        "not a candidate: sent to apply",
        **all_but(go("candidates:apply"), *CANDIDATES),
    ),
    "candidates:car_contact": own(*CANDIDATES),
    "candidates:share_links": own(*CANDIDATES),
    "candidates:share_revoke": post("candidate_a", pk="share_link"),
    "candidates:publicity": own("candidate_a"),
    "candidates:certificate_download": own(
        "candidate_a",
        perm="candidates.view_certification",
        number="certification.number",
    ),
    # --- Portfolios -------------------------------------------------------------------
    "portfolios:list": own(*CANDIDATES),
    "portfolios:start": post(*CANDIDATES, slug="set_free.slug"),
    "portfolios:builder": own("candidate_a", pk="portfolio_draft"),
    "portfolios:narratives": post("candidate_a", pk="portfolio_draft"),
    "portfolios:upload": post("candidate_a", pk="portfolio_draft"),
    "portfolios:pre_review": post("candidate_a", pk="portfolio_draft"),
    "portfolios:submit": post("candidate_a", pk="portfolio_draft"),
    "portfolios:pay": own("candidate_a", pk="portfolio_awaiting"),
    "portfolios:withdraw": post("candidate_a", pk="portfolio_awaiting"),
    "portfolios:link": post("candidate_a", pk="evidence"),
    "portfolios:unlink": post("candidate_a", pk="evidence", competency_id="competency"),
    "portfolios:replace": post("candidate_a", pk="evidence"),
    "portfolios:remove": post("candidate_a", pk="evidence"),
    "portfolios:download": own(
        "candidate_a", perm="portfolios.view_evidence", pk="evidence"
    ),
    # --- Evaluations ------------------------------------------------------------------
    "evaluations:dashboard": own(*EVALUATORS),
    "evaluations:review": own("evaluator", pk="assignment"),
    "evaluations:review_post": post("evaluator", pk="assignment"),
    "evaluations:decline": post("evaluator", pk="assignment"),
    "evaluations:evidence": own(
        "evaluator", pk="assignment", evidence_id="submitted_evidence"
    ),
    "evaluations:feedback": own("candidate_a", portfolio_pk="portfolio_submitted"),
    # --- Courses: candidates ----------------------------------------------------------
    "courses:complete": own(*CANDIDATES, pk="course"),
    "courses:official_form": own(*CANDIDATES, pk="course"),
    "courses:my_courses": own(*CANDIDATES),
    "courses:completion_upload": own("candidate_a", pk="completion"),
    "courses:claim": own(*CANDIDATES, pk="agreement"),
    "courses:file": [
        own(
            "candidate_a",
            perm="courses.view_completion",
            kind="=completion",
            pk="completion",
        ),
        own(
            "candidate_a",
            perm="courses.view_recognitionclaim",
            kind="=claim",
            pk="claim",
        ),
        own(
            perm="courses.view_recognitionagreement", kind="=agreement", pk="agreement"
        ),
    ],
    # --- Courses: providers -----------------------------------------------------------
    "courses:provider_dashboard": also(
        own(*PROVIDERS),
        "acting for no provider: sent to register one",
        **all_but(go("courses:provider_register"), *PROVIDERS),
    ),
    "courses:provider_register": also(
        signed_in(),
        "a provider's contact is sent to their dashboard",
        **each(go("courses:provider_dashboard"), PROVIDERS),
    ),
    "courses:provider_contact_add": post(*PROVIDERS),
    "courses:application_new": post(*PROVIDERS),
    "courses:application": own("provider_a", pk="application_draft"),
    "courses:application_pay": own("provider_a", pk="application_awaiting"),
    "courses:application_withdraw": post("provider_a", pk="application_draft"),
    "courses:application_appeal": own("provider_a", pk="application_rejected"),
    "courses:renew": post("provider_a", pk="course"),
    "courses:roster_confirm": post("provider_a", pk="completion"),
    "courses:roster_import": own("provider_a", pk="course"),
    # --- Renewal ----------------------------------------------------------------------
    "renewals:home": own("candidate_a"),
    "renewals:submit": post("candidate_a"),
    "renewals:pay": own(
        "candidate_a",
        # Nothing awaits payment: the holder is sent to the renewal page.
        ok=go("renewals:home"),
    ),
    "renewals:remove": post("candidate_a", pk="activity"),
    "renewals:evidence": own(
        "candidate_a", perm="renewals.view_activity", pk="activity"
    ),
    # --- Appeals ----------------------------------------------------------------------
    "appeals:list": signed_in(),
    "appeals:new": [
        own("candidate_a", label="=courses.completion", pk="completion_refused"),
        own(
            "candidate_a",
            # Appealed already: the appellant is sent to the appeal.
            ok=go("appeals:detail", pk="appeal"),
            label="=courses.completion",
            pk="appeal.subject_id",
        ),
    ],
    "appeals:detail": own("candidate_a", pk="appeal"),
    "appeals:document": own(
        "candidate_a", perm="appeals.view_appeal", pk="appeal_document"
    ),
    # --- Accounts ---------------------------------------------------------------------
    "account_login": also(
        public(), "signed in already: sent home", **all_but(go("home"))
    ),
    "account_logout": also(signed_in(), "nobody to sign out", anonymous=go("home")),
    "account_inactive": public(),
    "account_signup": also(
        public(), "signed in already: sent home", **all_but(go("home"))
    ),
    "account_reauthenticate": signed_in(),
    "account_email": signed_in(),
    "account_email_verification_sent": public(),
    "account_change_password": signed_in(),
    # Everyone here has a password: sent to change it.
    "account_set_password": signed_in(ok=go("account_change_password")),
    "account_reset_password": public(),
    "account_confirm_login_code": also(
        public(ok=go("home")), "no sign-in under way", anonymous=LOGIN
    ),
    "account_confirm_email": public(key="=no-such-key"),
    "account_reset_password_from_key_done": public(),
    "account_reset_password_from_key": public(uidb36="=1", key="=no-such-key"),
    "account_reset_password_done": public(),
    "mfa_index": signed_in(),
    "mfa_authenticate": also(
        public(ok=go("home")), "no sign-in under way", anonymous=LOGIN
    ),
    # Changing a second factor asks for the password (or the factor) again first:
    # a session the test client signs in is not a recent sign-in.
    "mfa_reauthenticate": also(
        signed_in(ok=go("account_reauthenticate")),
        "with a second factor it is the factor that is asked again",
        **each(200, STAFF_ROLES),
    ),
    "mfa_activate_totp": signed_in(ok=go("account_reauthenticate")),
    # Only an account with an authenticator app has one to remove.
    "mfa_deactivate_totp": own(*STAFF_ROLES, ok=go("account_reauthenticate")),
    # Nobody here has generated recovery codes.
    "mfa_view_recovery_codes": own(),
    "mfa_generate_recovery_codes": signed_in(ok=go("account_reauthenticate")),
    "mfa_download_recovery_codes": own(),
    # --- The admin's own pages (the pages of each model follow ADMIN_MODELS) ----------
    "admin:index": admin_page(),
    "admin:login": also(
        admin_page(ok=go("admin:index")),
        "staff are sent in; a visitor to the site's sign-in; anyone else signed in "
        "is refused rather than asked to sign in again",
        anonymous=LOGIN,
        **each(403, NOT_STAFF),
    ),
    "admin:logout": also(
        admin_page(ok=405),  # signing out is a POST
        "the admin sends those it does not let in to its index",
        anonymous=go("admin:index"),
        **each(go("admin:index"), NOT_STAFF),
    ),
    "admin:password_change": admin_page(),
    "admin:password_change_done": admin_page(),
    # It answers only when told which field of which model it completes.
    "admin:autocomplete": admin_page(ok=403),
    "admin:jsi18n": admin_page(),
    # The object's page on the site, for staff who may see the object.
    "admin:view_on_site": [
        admin_page(
            "competencies.view_competencyset",
            ok=go("competencies:detail", slug="=technology"),
            content_type_id="ct_competencyset",
            object_id="technology",
        ),
        admin_page(
            PAY,
            ok=go("payments:receipt", reference="payment_paid.reference"),
            content_type_id="ct_payment",
            object_id="payment_paid",
        ),
        admin_page(
            # A share link's address holds its token, the key to the record: the
            # admin links it for nobody.
            ok=404,
            content_type_id="ct_sharelink",
            object_id="share_link",
        ),
    ],
    "admin:app_list": ADMIN_APPS,
    "admin/(?P<url>.*)$": admin_page(ok=404, url="=no-such-page/"),
    "admin:auth_user_password_change": admin_page(
        "accounts.change_user", id="applicant_user"
    ),
    "admin:courses_course_roster": admin_page("courses.change_completion", pk="course"),
    "admin:evaluations_evaluator_import": admin_page("evaluations.add_evaluator"),
}

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
    "appeals.appeal",
    "manuals.section",
    "manuals.manual",
    "candidates.application",
    "candidates.candidate",
    "candidates.sharelink",
    "candidates.certification",
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
        "Classify these URLs in the matrix (tests/security/test_permission_matrix.py): "
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
