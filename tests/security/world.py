"""A small program with one of everything, and the people who use it.

Built through the services, as the pages would, so every page has a row to show:
a candidate who holds a certification and builds two more portfolios (one waiting
for payment), shares their record, logs renewal activities and appeals a refused
course completion; a library educator who evaluates (an open assignment) and acts
for a course provider (an approved course, a draft application); and a Program
Officer with two-factor.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from candidates.candidacy import share_link_create
from courses.achievements import completion_record, completion_reject
from courses.models import ProviderType
from courses.providers import provider_register
from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.appeals.services import appeal_notice
from lssc.competencies.models import CompetencySet
from lssc.manuals.models import Manual
from lssc.reports.base import reports_for
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from renewals.models import Unit
from renewals.services import activity_log
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import SIX, certify
from tests.courses.conftest import (
    approved_course,
    complete_application,
    lakeside_agreement,
)
from tests.evaluations.test_views import submitted_and_paid
from tests.factories import UserFactory, staff_user
from tests.portfolios import files
from tests.portfolios.test_submission import complete

DAY = datetime.timedelta(days=1)


def _commit():
    """Run the on-commit work (reviewer assignment) of the block, as a commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def build_world() -> dict:
    """The people (``users``, by role) and the objects the URL parameters name."""
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    today = timezone.localdate()
    technology = CompetencySet.objects.get(slug="technology")
    electives = list(CompetencySet.objects.current().exclude(slug__in=SIX))

    # Two evaluators; the first also acts for a course provider (a library
    # educator can be both), which has an approved course and a draft application.
    evaluators = []
    for name in ("Eva Educator", "Evan Evaluator"):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution=f"{name} College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set([technology])
        evaluators.append(evaluator)
    provider = provider_register(
        user=evaluators[0].user,
        name="Prairie Library Cooperative",
        type=ProviderType.COOPERATIVE,
        state="IL",
        website="https://prairie.example.org",
    )
    course = approved_course(provider, technology, officer=officer)
    draft = complete_application(provider, electives[0])

    # The candidate: certified, building a portfolio, another awaiting payment.
    candidate = admitted_candidate()
    certification = certify(candidate)
    portfolio = portfolio_open(
        candidate=candidate, competency_set=electives[0], by=None
    )
    evidence = complete(portfolio)
    awaiting = portfolio_open(candidate=candidate, competency_set=electives[1], by=None)
    complete(awaiting)
    portfolio_submit(portfolio_id=awaiting.pk, by=None)
    payment, _ = portfolio_pay(portfolio=awaiting, method="check")
    link = share_link_create(
        candidate=candidate, label="Springfield PL hiring", expires_on=today + 30 * DAY
    )
    activity = activity_log(
        certification=certification,
        by=candidate.user,
        sets=[technology],
        title="Workshop",
        provider="State library",
        completed_on=today - 30 * DAY,
        amount=Decimal(8),
        unit=Unit.CONTACT_HOURS,
        technology=True,
        evidence=SimpleUploadedFile("certificate.pdf", files.PDF),
    )
    completion = completion_record(
        candidate=candidate,
        course=course,
        completed_on=today,
        result="Pass",
        form=SimpleUploadedFile("form.pdf", files.PDF),
    )
    refused = completion_record(
        candidate=candidate, course=course, completed_on=today, result="Pass"
    )
    completion_reject(completion=refused, by=officer, reason="No signed form.")
    refused.refresh_from_db()
    appeal = appeal_notice(
        appellant=candidate.user,
        subject=refused,
        decision_appealed="Completion not accepted: no signed form.",
    )
    agreement = lakeside_agreement(
        document=SimpleUploadedFile("agreement.pdf", files.PDF),
    )
    agreement.competency_sets.set([technology])

    # The educator's open assignment, on another candidate's portfolio.
    submission = submitted_and_paid(admitted_candidate(), technology, _commit)
    assignment = submission.assignments.get(evaluator=evaluators[0])
    submitted_evidence = submission.portfolio.evidence.get()

    return {
        "users": {
            "anonymous": None,
            "candidate": candidate.user,
            "educator": evaluators[0].user,  # an evaluator and a provider's contact
            "staff": officer,
        },
        # URL parameters, by name (or "<route name>.<parameter>" for one route).
        "slug": electives[2].slug,
        "manuals:detail.slug": [m.slug for m in Manual.objects.order_by("pk")],
        "manuals:pdf.slug": [m.slug for m in Manual.objects.order_by("pk")][:1],
        "reports:detail.slug": [r.slug for r in reports_for(officer)],
        "step": "details",
        "reference": payment.reference,
        "token": link.token,
        "number": certification.number,
        "label": "courses.completion",
        "kind": "form",
        "portfolios:start.slug": electives[2].slug,
        "portfolios:builder.pk": portfolio,
        "portfolios:narratives.pk": portfolio,
        "portfolios:upload.pk": portfolio,
        "portfolios:pre_review.pk": portfolio,
        "portfolios:submit.pk": portfolio,
        "portfolios:withdraw.pk": awaiting,
        "portfolios:pay.pk": awaiting,
        "portfolios:link.pk": evidence,
        "portfolios:unlink.pk": evidence,
        "portfolios:replace.pk": evidence,
        "portfolios:remove.pk": evidence,
        "portfolios:download.pk": evidence,
        "competency_id": portfolio.competency_set.competencies.first(),
        "evaluations:review.pk": assignment,
        "evaluations:review_post.pk": assignment,
        "evaluations:review_confirm.pk": assignment,
        "evaluations:decline.pk": assignment,
        "evaluations:evidence.pk": assignment,
        "evidence_id": submitted_evidence,
        "portfolio_pk": portfolio,
        "courses:detail.pk": course,
        "courses:complete.pk": course,
        "courses:official_form.pk": course,
        "courses:completion_upload.pk": completion,
        "courses:claim.pk": agreement,
        "courses:file.pk": completion,
        "courses:application.pk": draft,
        "courses:application_pay.pk": draft,
        "courses:application_withdraw.pk": draft,
        "courses:application_appeal.pk": draft,
        "courses:renew.pk": course,
        "courses:roster_confirm.pk": completion,
        "courses:roster_import.pk": course,
        "admin:courses_course_roster.pk": course,
        "renewals:remove.pk": activity,
        "renewals:evidence.pk": activity,
        "candidates:share_revoke.pk": link,
        "appeals:new.pk": refused,
        "appeals:detail.pk": appeal,
        "appeals:document.pk": appeal,
    }
