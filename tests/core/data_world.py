"""A small database built only through the services users trigger, for
``check_data``: one candidate certified by recognition (four sets), an approved
course (one) and a portfolio reviewed by two evaluators (the sixth), with the
certificate PDF made."""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from candidates.certificates import certificate_issue
from candidates.models import Candidate, Certification
from courses.achievements import (
    claim_file,
    claim_verify,
    completion_record,
    completion_verify,
)
from evaluations.models import Evaluator
from evaluations.reviews import Assessment, review_submit
from evaluations.rules import Rating
from evaluations.services import assign_reviewers
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.payments.enums import PaymentMethod
from lssc.payments.services import payment_confirm
from portfolios.content import evidence_add, evidence_link, narrative_save
from portfolios.models import Portfolio
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import approved_course, lakeside_agreement, make_provider
from tests.factories import UserFactory, staff_user
from tests.portfolios import files

FIFTY_WORDS = " ".join(["word"] * 50)


@dataclass
class World:
    candidate: Candidate
    certification: Certification
    portfolio: Portfolio


def _pdf(name):
    return SimpleUploadedFile(name, files.PDF, content_type="application/pdf")


def _portfolio_achieved(candidate, competency_set) -> Portfolio:
    portfolio = portfolio_open(
        candidate=candidate, competency_set=competency_set, by=None
    )
    evidence = evidence_add(
        portfolio_id=portfolio.pk, upload=_pdf("handout.pdf"), title="Handout", by=None
    )
    for competency in competency_set.competencies.all():
        narrative_save(portfolio_id=portfolio.pk, competency_id=competency.pk,
                       text=FIFTY_WORDS, by=None)  # fmt: skip
        evidence_link(evidence_id=evidence.pk, competency_id=competency.pk,
                      role="primary", by=None)  # fmt: skip
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method=PaymentMethod.CHECK)
    clerk = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    payment_confirm(payment_id=payment.pk, actor=clerk, note="Check 2002")
    submission = portfolio.submissions.get()
    for name in ("Ann Evaluator", "Bob Evaluator"):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution="Lakeside College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set([competency_set])
    assignments = assign_reviewers(submission_id=submission.pk)
    ratings = {c.pk: (Rating.MET, "") for c in competency_set.competencies.all()}
    for assignment in assignments:
        review_submit(
            evaluator=assignment.evaluator,
            assignment_id=assignment.pk,
            assessment=Assessment(ratings=ratings, comments_for_candidate="Clear."),
        )
    portfolio.refresh_from_db()
    return portfolio


def certified_world() -> World:
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    candidate = admitted_candidate()
    required = list(CompetencySet.objects.required())
    electives = list(CompetencySet.objects.electives())
    technology = CompetencySet.objects.get(slug="technology")
    others = [s for s in required if s != technology]
    agreement = lakeside_agreement(document=_pdf("agreement.pdf"))
    agreement.competency_sets.set([*others, *electives[:2]])
    claim = claim_file(candidate=candidate, agreement=agreement,
                       graduated_on=datetime.date(2024, 5, 15),
                       document=_pdf("transcript.pdf"))  # fmt: skip
    claim_verify(claim=claim, by=officer)
    course = approved_course(make_provider(), technology, officer=officer)
    completion = completion_record(
        candidate=candidate, course=course, completed_on=course.approved_on,
        result="Passed", form=_pdf("completion-form.pdf"),
    )  # fmt: skip
    completion_verify(completion=completion, by=officer)
    portfolio = _portfolio_achieved(candidate, electives[2])
    certification = Certification.objects.get(candidate=candidate)
    certificate_issue(certification.pk)
    certification.refresh_from_db()
    return World(candidate, certification, portfolio)
