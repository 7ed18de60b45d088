"""Every view that hands out a private file answers as a download the browser
saves: an attachment, its type not to be guessed, and sandboxed with nothing
allowed should it be opened anyway."""

import datetime
import inspect
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from candidates.applications import application_pay, application_reject
from candidates.extensions import extension_request
from courses.achievements import claim_file, completion_record
from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.appeals.services import appeal_notice
from lssc.competencies.models import CompetencySet
from lssc.payments.services import payment_confirm
from portfolios.content import evidence_add
from portfolios.services import portfolio_open
from renewals.services import activity_log
from tests.candidates.helpers import admitted_candidate, submitted
from tests.candidates.test_certificates import certify
from tests.courses.conftest import approved_course, lakeside_agreement, make_provider
from tests.evaluations.test_views import submitted_and_paid
from tests.factories import UserFactory, staff_user
from tests.portfolios import files

pytestmark = pytest.mark.django_db


def technology():
    return CompetencySet.objects.get(slug="technology")


def pdf(name="file.pdf"):
    return SimpleUploadedFile(name, files.PDF, content_type="application/pdf")


# Each case makes a file and answers (who may download it, the URL).


def portfolio_evidence(commit):
    candidate = admitted_candidate()
    portfolio = portfolio_open(
        candidate=candidate, competency_set=technology(), by=None
    )
    evidence = evidence_add(
        portfolio_id=portfolio.pk,
        upload=SimpleUploadedFile("notes.txt", files.TEXT),
        title="Notes",
        by=None,
    )
    return candidate.user, reverse("portfolios:download", args=[evidence.pk])


def evaluator_evidence(commit):
    for name in ("Ann Reviewer", "Bob Reviewer"):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution="Lakeside College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set([technology()])
    submission = submitted_and_paid(admitted_candidate(), technology(), commit)
    assignment = submission.assignments.first()
    evidence_id = submission.snapshot["evidence"][0]["id"]
    url = reverse("evaluations:evidence", args=[assignment.pk, evidence_id])
    return assignment.evaluator.user, url


def renewal_proof(commit):
    certification = certify(admitted_candidate())
    with time_machine.travel(datetime.datetime(2028, 6, 1, 12)):
        activity = activity_log(
            certification=certification,
            by=None,
            sets=[technology()],
            evidence=pdf("proof.pdf"),
            evidence_name="proof.pdf",
            title="Workshop",
            provider="State library",
            completed_on=datetime.date(2028, 3, 1),
            amount=Decimal(8),
            unit="contact_hours",
        )
    user = certification.candidate.user
    return user, reverse("renewals:evidence", args=[activity.pk])


def appeal_document(commit):
    application = submitted(UserFactory())
    application_reject(
        application=application,
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Fewer than 1,820 hours in the last five years.",
    )
    appeal = appeal_notice(
        appellant=application.user,
        subject=application,
        decision_appealed="Rejected",
        grounds="My volunteer hours were left out.",
        documents=[(pdf("letter.pdf"), "letter.pdf")],
    )
    document = appeal.documents.get()
    return application.user, reverse("appeals:document", args=[document.pk])


def certificate(commit):
    candidate = admitted_candidate()
    with commit():
        certification = certify(candidate)
    return candidate.user, reverse(
        "candidates:certificate_download", args=[certification.number]
    )


def _course_and_candidate():
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    course = approved_course(make_provider(), technology(), officer=officer)
    return course, admitted_candidate()


def completion_form(commit):
    course, candidate = _course_and_candidate()
    completion = completion_record(
        candidate=candidate,
        course=course,
        completed_on=timezone.localdate() - datetime.timedelta(days=1),
        result="Pass",
        form=pdf("signed.pdf"),
    )
    return candidate.user, reverse("courses:file", args=["completion", completion.pk])


def _agreement():
    agreement = lakeside_agreement(
        effective_until=datetime.date(2024, 12, 31),
        document=pdf("agreement.pdf"),
    )
    agreement.competency_sets.set(CompetencySet.objects.order_by("position")[:6])
    return agreement


def graduation_claim(commit):
    candidate = admitted_candidate()
    claim = claim_file(
        candidate=candidate,
        agreement=_agreement(),
        graduated_on=datetime.date(2022, 5, 15),
        document=pdf("diploma.pdf"),
    )
    return candidate.user, reverse("courses:file", args=["claim", claim.pk])


def recognition_agreement(commit):
    agreement = _agreement()
    user = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    return user, reverse("courses:file", args=["agreement", agreement.pk])


def official_form(commit):
    course, candidate = _course_and_candidate()
    return candidate.user, reverse("courses:official_form", args=[course.pk])


def invoice(commit):
    payer = UserFactory()
    payment, _ = application_pay(
        application=submitted(payer), method="purchase_order", institution="SLS"
    )
    return payer, reverse("payments:invoice_pdf", args=[payment.reference])


def receipt(commit):
    payer = UserFactory()
    payment, _ = application_pay(application=submitted(payer), method="check")
    payment_confirm(payment_id=payment.pk, note="Check 1001")
    return payer, reverse("payments:receipt_pdf", args=[payment.reference])


def extension_document(commit):
    candidate = admitted_candidate()
    request = extension_request(
        candidate=candidate,
        reason="A long illness kept me from my portfolio.",
        asked_until=candidate.deadline + datetime.timedelta(days=180),
        document=pdf("doctor.pdf"),
    )
    return candidate.user, reverse("candidates:extension_document", args=[request.pk])


CASES = {
    "portfolios:download": portfolio_evidence,
    "evaluations:evidence": evaluator_evidence,
    "renewals:evidence": renewal_proof,
    "appeals:document": appeal_document,
    "candidates:certificate_download": certificate,
    "courses:file": completion_form,
    "courses:file (claim)": graduation_claim,
    "courses:file (agreement)": recognition_agreement,
    "courses:official_form": official_form,
    "payments:invoice_pdf": invoice,
    "payments:receipt_pdf": receipt,
    "candidates:extension_document": extension_document,
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_private_files_are_sandboxed_attachments(client, commit, make):
    user, url = make(commit)
    client.force_login(user)

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert body  # the file itself, not an empty answer


def _routes(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            prefix = f"{namespace}:{inner}".strip(":") if inner else namespace
            yield from _routes(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}".strip(":"), entry.callback


def test_every_view_that_serves_a_file_is_walked_above():
    """A new download view must answer through ``attachment`` and be listed here."""
    serving = set()
    for name, view in _routes(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue  # the admin links to the views above for its files
        try:
            source = inspect.getsource(inspect.unwrap(view))
        except (OSError, TypeError):
            continue  # Django's own class-based views
        if "FileResponse" in source or "Content-Disposition" in source:
            pytest.fail(f"{name} builds its own file response: use attachment().")
        if "attachment(" in source:
            serving.add(name)
    assert serving == {name.split(" ")[0] for name in CASES}
