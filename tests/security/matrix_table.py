"""The rows of the permission matrix: each URL pattern of the site, by name, and the
kind of page it is, with the objects its parameters name (``matrix.py`` explains the
kinds). A page added to the site needs its row here; a model's admin pages need
none, they follow the groups' permissions (``ADMIN_MODELS`` in the test).
"""

from tests.security.matrix import (
    LOGIN,
    STAFF_ROLES,
    Row,
    admin_page,
    also,
    go,
    own,
    post,
    public,
    signed_in,
    staff,
)
from tests.security.matrix_world import ROLES

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


# Where a signed-in role lands when sent "home": their own (``lssc.accounts.homes``).
HOMES = {
    **each(go("candidates:home"), (*CANDIDATES, "applicant")),
    **each(go("evaluations:dashboard"), EVALUATORS),
    **each(go("courses:provider_dashboard"), PROVIDERS),
    **each(go("staff_dashboard"), ("staff_no_2fa", *STAFF_ROLES)),
}


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
    "staff_dashboard": also(
        staff(),
        "a role home: anyone else signed in is sent to the public home, told why",
        **each(go("home"), NOT_STAFF),
    ),
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
    "payments:invoice_pdf": own(
        "candidate_a", perm=PAY, reference="payment_pending.reference"
    ),
    "payments:receipt_pdf": own(
        "candidate_a", perm=PAY, reference="payment_paid.reference"
    ),
    "payments:invoice_bill_to": post(
        "candidate_a", reference="payment_pending.reference"
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
    "candidates:home": also(
        signed_in(),
        "a role home: without an application, sent to the public home, told why",
        **all_but(go("home"), *CANDIDATES, "applicant"),
    ),
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
    # Candidate A holds a certification: the page says no more time is needed.
    "candidates:extension_request": own(*CANDIDATES),
    "candidates:extension_document": own(
        "candidate_b", perm="candidates.view_extensionrequest", pk="extension_request"
    ),
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
    # A summary page (GET), then its Confirm (POST) submits.
    "portfolios:submit": own("candidate_a", pk="portfolio_draft"),
    "portfolios:pay": own("candidate_a", pk="portfolio_awaiting"),
    "portfolios:withdraw": own("candidate_a", pk="portfolio_awaiting"),
    "portfolios:link": post("candidate_a", pk="evidence"),
    "portfolios:unlink": post("candidate_a", pk="evidence", competency_id="competency"),
    "portfolios:replace": post("candidate_a", pk="evidence"),
    "portfolios:remove": post("candidate_a", pk="evidence"),
    "portfolios:download": own(
        "candidate_a", perm="portfolios.view_evidence", pk="evidence"
    ),
    "portfolios:web_link_add": post("candidate_a", pk="portfolio_draft"),
    "portfolios:web_link_checked": post("candidate_a", pk="web_link"),
    # --- Evaluations ------------------------------------------------------------------
    "evaluations:dashboard": also(
        signed_in(),
        "a role home: anyone not an evaluator is sent to the public home, told why",
        **all_but(go("home"), *EVALUATORS),
    ),
    "evaluations:review": own("evaluator", pk="assignment"),
    "evaluations:review_post": post("evaluator", pk="assignment"),
    # The saved draft as a summary (GET), then its Confirm (POST) submits.
    "evaluations:review_confirm": own("evaluator", pk="assignment"),
    "evaluations:decline": post("evaluator", pk="assignment"),
    "evaluations:evidence": own(
        "evaluator", pk="assignment", evidence_id="submitted_evidence"
    ),
    "evaluations:evidence_page": own(
        "evaluator", pk="assignment", evidence_id="submitted_evidence"
    ),
    "evaluations:evidence_inline": own(
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
    "courses:application_new": own(*PROVIDERS),
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
        public(), "signed in already: sent to their own home", **HOMES
    ),
    "account_logout": also(signed_in(), "nobody to sign out", anonymous=go("home")),
    "account_inactive": public(),
    "account_signup": also(
        public(), "signed in already: sent to their own home", **HOMES
    ),
    "account_reauthenticate": signed_in(),
    "account_email": signed_in(),
    "account_email_verification_sent": public(),
    "account_change_password": signed_in(),
    # Everyone here has a password: sent to change it.
    "account_set_password": signed_in(ok=go("account_change_password")),
    "account_reset_password": public(),
    "account_confirm_login_code": also(
        public(), "no sign-in under way: sent home", anonymous=LOGIN, **HOMES
    ),
    "account_confirm_email": public(key="=no-such-key"),
    "account_reset_password_from_key_done": public(),
    "account_reset_password_from_key": public(uidb36="=1", key="=no-such-key"),
    "account_reset_password_done": public(),
    "mfa_index": signed_in(),
    "mfa_authenticate": also(
        public(), "no sign-in under way: sent home", anonymous=LOGIN, **HOMES
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
    # A message's HTML part, framed in its admin page.
    "admin:notifications_outgoingmail_html": admin_page(
        "notifications.view_outgoingmail", pk="outgoing_mail"
    ),
    "admin:notifications_mailtemplate_html": admin_page(
        "notifications.view_mailtemplate", pk="mail_template"
    ),
}
