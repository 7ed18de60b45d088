"""The people of the permission matrix and what each of them owns.

Built through the services, as the pages would, so that every URL has a real object
to name: candidate A holds a certification and has a portfolio at every stage;
candidate B has an evaluated portfolio of their own; an applicant is not yet
admitted; one evaluator reviews A's submission and another reviews nothing; two
course providers each act for their own organisation; and program staff sit in
every group, one of them without two-factor.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from candidates.applications import application_pay
from candidates.candidacy import share_link_create
from candidates.certificates import certificate_issue
from candidates.extensions import extension_request
from candidates.models import Certification, StateLibraryAgency
from candidates.state_libraries import state_library_digests_send
from courses.achievements import claim_file, completion_record, completion_reject
from courses.applications import application_reject, application_submit
from evaluations.models import Evaluator
from evaluations.recruitment import evaluator_apply
from evaluations.reviews import Assessment, review_save, review_submit
from evaluations.rules import Rating
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import LateAppeal
from lssc.appeals.services import appeal_notice
from lssc.competencies.models import CompetencySet
from lssc.manuals.models import Manual
from lssc.notifications.models import MailTemplate, OutgoingMail, Reminder
from lssc.notifications.templates import default_text
from lssc.payments.enums import PaymentMethod
from lssc.payments.models import PurchaseOrder, StripeEvent
from lssc.payments.services import payment_confirm
from portfolios.links import web_link_add
from portfolios.prereview import prereview_request
from portfolios.services import (
    portfolio_open,
    portfolio_pay,
    portfolio_submit,
)
from renewals.models import Renewal, RenewalStatus, Unit
from renewals.services import activity_log
from tests.candidates.helpers import admitted_candidate, submitted
from tests.candidates.test_certificates import SIX, certify
from tests.courses.conftest import (
    approved_course,
    complete_application,
    in_review,
    lakeside_agreement,
    make_provider,
)
from tests.factories import UserFactory, staff_user
from tests.portfolios import files
from tests.portfolios.test_submission import complete

DAY = datetime.timedelta(days=1)

# Every role of the matrix, in the order the report lists them.
ROLES = (
    "anonymous",
    "candidate_a",
    "candidate_b",
    "applicant",
    "evaluator",
    "evaluator_other",
    "provider_a",
    "provider_b",
    "staff_no_2fa",
    "officer",
    "assistant",
    "crc",
    "cpc",
)
STAFF_GROUPS = {
    "officer": StaffGroup.PROGRAM_OFFICER,
    "assistant": StaffGroup.PROGRAM_ASSISTANT,
    "crc": StaffGroup.REVIEW_COMMITTEE,
    "cpc": StaffGroup.PROGRAM_COMMITTEE,
}


def _commit():
    """Run the on-commit work of the block (reviewer assignment), as a commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, files.PDF, content_type="application/pdf")


def _submitted_and_paid(candidate, competency_set):
    """A complete portfolio, submitted and paid by check: evaluators are assigned."""
    portfolio = portfolio_open(
        candidate=candidate, competency_set=competency_set, by=None
    )
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method=PaymentMethod.CHECK)
    with _commit():
        payment_confirm(payment_id=payment.pk)
    portfolio.refresh_from_db()
    return portfolio, payment


def _all_met(submission) -> Assessment:
    return Assessment(
        ratings={
            c.pk: (Rating.MET, "Shown.")
            for c in submission.portfolio.competency_set.competencies.all()
        },
        comments_for_candidate="Well documented.",
    )


def build_world() -> SimpleNamespace:
    """The users by role (``users``) and the objects the URL parameters name."""
    w = SimpleNamespace()
    today = timezone.localdate()
    staff = {role: staff_user(group) for role, group in STAFF_GROUPS.items()}
    officer = staff["officer"]
    w.technology = technology = CompetencySet.objects.get(slug="technology")
    electives = list(CompetencySet.objects.current().exclude(slug__in=SIX))
    # A's draft, A's portfolio awaiting payment, A's submission; one left to start.
    w.set_draft, w.set_awaiting, w.set_submitted, w.set_free = electives[:4]

    # Evaluators: two trained for A's and B's sets, one for a set nobody submits.
    evaluators = []
    for name, sets in (
        ("Eva Assigned", [w.set_submitted, technology]),
        ("Ezra Second", [w.set_submitted, technology]),
        ("Edie Idle", [w.set_free]),
    ):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution=f"{name} College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set(sets)
        evaluators.append(evaluator)
    assigned, second, idle = evaluators

    # Course providers: A has an approved course and applications in every state
    # the provider pages show; B has a draft of its own.
    w.provider_a = make_provider("Prairie Library Cooperative", contacts=1)
    w.provider_b = make_provider("Lakeshore Library System", contacts=1)
    w.course = approved_course(w.provider_a, technology, officer=officer)
    w.application_draft = complete_application(w.provider_a, w.set_draft)
    w.application_awaiting = complete_application(w.provider_a, w.set_awaiting)
    application_submit(
        application=w.application_awaiting, by=w.provider_a.contacts.get().user
    )
    w.application_rejected = in_review(
        complete_application(w.provider_a, w.set_free), clerk=staff["assistant"]
    )
    application_reject(
        application=w.application_rejected, by=officer, reason="Too short."
    )
    w.application_b = complete_application(w.provider_b, w.set_draft)

    # Candidate A: certified, with the certificate made, and a portfolio at each stage.
    w.candidate_a = admitted_candidate()
    w.certification = certify(w.candidate_a)
    certificate_issue(w.certification.pk)
    w.certification.refresh_from_db()
    w.portfolio_draft = portfolio_open(
        candidate=w.candidate_a, competency_set=w.set_draft, by=None
    )
    w.evidence = complete(w.portfolio_draft)
    w.web_link = web_link_add(
        portfolio_id=w.portfolio_draft.pk,
        url="https://springfieldlibrary.org/",
        title="The library's page",
        checked_on=today,
        by=None,
    )
    w.competency = w.portfolio_draft.competency_set.competencies.first()
    prereview_request(portfolio_id=w.portfolio_draft.pk, by=None)
    w.portfolio_awaiting = portfolio_open(
        candidate=w.candidate_a, competency_set=w.set_awaiting, by=None
    )
    complete(w.portfolio_awaiting)
    portfolio_submit(portfolio_id=w.portfolio_awaiting.pk, by=None)
    w.payment_pending, _ = portfolio_pay(
        portfolio=w.portfolio_awaiting, method=PaymentMethod.CHECK
    )
    w.portfolio_submitted, w.payment_paid = _submitted_and_paid(
        w.candidate_a, w.set_submitted
    )
    w.payment_paid.refresh_from_db()
    w.submission = w.portfolio_submitted.submissions.get()
    w.assignment = w.submission.assignments.get(evaluator=assigned)
    w.submitted_evidence = w.portfolio_submitted.evidence.get()
    review_save(
        evaluator=assigned,
        assignment_id=w.assignment.pk,
        assessment=_all_met(w.submission),
    )
    w.share_link = share_link_create(
        candidate=w.candidate_a,
        label="Springfield PL hiring",
        expires_on=today + 30 * DAY,
    )
    w.activity = activity_log(
        certification=w.certification,
        by=w.candidate_a.user,
        sets=[technology],
        title="Workshop",
        provider="State library",
        completed_on=today - 30 * DAY,
        amount=Decimal(8),
        unit=Unit.CONTACT_HOURS,
        technology=True,
        evidence=_pdf("certificate.pdf"),
    )
    # An earlier period's renewal, for the admin's renewal pages.
    w.renewal = Renewal.objects.create(
        certification=w.certification,
        period_expires_on=w.certification.expires_on - 4 * 365 * DAY,
        status=RenewalStatus.IN_REVIEW,
        hours=Decimal(45),
        technology_hours=Decimal(10),
    )
    w.completion = completion_record(
        candidate=w.candidate_a,
        course=w.course,
        completed_on=today,
        result="Pass",
        form=_pdf("form.pdf"),
    )
    # Two completions refused: one appealed, one not (yet).
    refused, w.completion_refused = (
        completion_record(
            candidate=w.candidate_a, course=w.course, completed_on=today, result="Pass"
        ),
        completion_record(
            candidate=w.candidate_a, course=w.course, completed_on=today, result="Pass"
        ),
    )
    for completion in (refused, w.completion_refused):
        completion_reject(completion=completion, by=officer, reason="No signed form.")
    w.appeal = appeal_notice(
        appellant=w.candidate_a.user,
        subject=refused,
        decision_appealed="Completion not accepted: no signed form.",
        grounds="The provider signed the form; here it is.",
        documents=[(_pdf("signed.pdf"), "signed.pdf")],
    )
    w.appeal_document = w.appeal.documents.get()
    w.late_appeal = LateAppeal.objects.create(
        appellant=w.candidate_a.user,
        subject=w.completion_refused,
        closed_on=today - DAY,
        open_until=today + 14 * DAY,
        reason="In hospital when the time ran.",
        accepted_by=officer,
    )
    # Candidate A agreed to be announced: this month's digest to Illinois.
    StateLibraryAgency.objects.create(
        name="Illinois State Library", state="IL", email="isl@example.gov"
    )
    Certification.objects.filter(pk=w.certification.pk).update(
        announce_to_state_library=True
    )
    [w.state_digest] = state_library_digests_send()
    w.agreement = lakeside_agreement(
        document=_pdf("agreement.pdf"),
    )
    w.agreement.competency_sets.set([w.set_free])
    w.claim = claim_file(
        candidate=w.candidate_a,
        agreement=w.agreement,
        graduated_on=datetime.date(2025, 5, 20),
        document=_pdf("transcript.pdf"),
    )

    # Candidate B: a Technology portfolio both evaluators passed.
    w.candidate_b = admitted_candidate()
    portfolio_b, _ = _submitted_and_paid(w.candidate_b, technology)
    submission_b = portfolio_b.submissions.get()
    w.extension_request = extension_request(
        candidate=w.candidate_b,
        reason="A year of leave to care for a parent.",
        asked_until=w.candidate_b.deadline + 90 * DAY,
        document=_pdf("leave.pdf"),
    )
    for evaluator in (assigned, second):
        with _commit():
            review_submit(
                evaluator=evaluator,
                assignment_id=submission_b.assignments.get(evaluator=evaluator).pk,
                assessment=_all_met(submission_b),
            )

    # The applicant: submitted, paying by purchase order, not yet admitted.
    applicant = UserFactory()
    application = submitted(applicant)
    po_payment, _ = application_pay(
        application=application,
        method=PaymentMethod.PURCHASE_ORDER,
        institution="Springfield Public Library",
    )
    # The library's order, as staff record it in the admin.
    order = PurchaseOrder.objects.create(
        number="PO-2026-117",
        institution="Springfield Public Library",
        contact_name="Pat Buyer",
        contact_email="buyer@springfield.example.org",
        amount_cents=po_payment.amount_cents,
    )
    po_payment.purchase_order = order
    po_payment.save(update_fields=["purchase_order"])
    evaluator_apply(
        user=UserFactory(),
        sets=[technology],
        institution="Riverside College",
        role="librarian",
        portfolios_per_year=4,
        statement="Twenty years in technical services.",
    )

    w.manual_draft = Manual.objects.create(
        slug="examiners-handbook",
        title="Examiners' handbook",
        summary="Being written.",
        published=False,
    )

    # A mail template as staff edit it in the admin.
    w.mail_template = MailTemplate.objects.create(
        name="admitted", text=default_text("admitted")
    )
    w.outgoing_mail = OutgoingMail.objects.order_by("pk").first()

    # Rows only the program's machinery writes, for the admin's pages.
    StripeEvent.objects.create(
        event_id="evt_matrix", type="checkout.session.completed", outcome="ignored"
    )
    Reminder.objects.create(
        subject_type=ContentType.objects.get_for_model(w.course),
        subject_id=w.course.pk,
        kind="approval_expiring",
        due_on=today + 60 * DAY,
        to=w.provider_a.contacts.get().user.email,
    )

    w.users = {
        "anonymous": None,
        "candidate_a": w.candidate_a.user,
        "candidate_b": w.candidate_b.user,
        "applicant": applicant,
        "evaluator": assigned.user,
        "evaluator_other": idle.user,
        "provider_a": w.provider_a.contacts.get().user,
        "provider_b": w.provider_b.contacts.get().user,
        "staff_no_2fa": staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False),
        **staff,
    }
    w.applicant_user = applicant
    # Content types, for the admin's "view on site" addresses.
    w.ct_competencyset = ContentType.objects.get_for_model(technology)
    w.ct_payment = ContentType.objects.get_for_model(w.payment_paid)
    w.ct_sharelink = ContentType.objects.get_for_model(w.share_link)
    return w
