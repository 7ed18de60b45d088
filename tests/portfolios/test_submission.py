"""Submitting a portfolio: complete, paid once, then frozen for the evaluators."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lssc.fees.models import FeeKind
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.services import payment_confirm, payments_for
from portfolios.content import (
    evidence_add,
    evidence_link,
    evidence_remove,
    narrative_save,
)
from portfolios.errors import PortfolioError
from portfolios.models import PortfolioStatus, Submission
from portfolios.services import portfolio_pay, portfolio_submit, portfolio_withdraw
from portfolios.signals import portfolio_submitted

from . import files

pytestmark = pytest.mark.django_db

FIFTY_WORDS = " ".join(["word"] * 50)


def complete(portfolio, title="Class handout"):
    evidence = evidence_add(
        portfolio_id=portfolio.pk,
        upload=SimpleUploadedFile("handout.pdf", files.PDF),
        title=title,
        by=None,
    )
    for competency in portfolio.competency_set.competencies.all():
        narrative_save(
            portfolio_id=portfolio.pk,
            competency_id=competency.pk,
            text=FIFTY_WORDS,
            by=None,
        )
        evidence_link(
            evidence_id=evidence.pk,
            competency_id=competency.pk,
            role="primary",
            by=None,
        )
    return evidence


def pay_by_check(portfolio):
    payment, _ = portfolio_pay(portfolio=portfolio, method=PaymentMethod.CHECK)
    return payment


def test_an_incomplete_portfolio_cannot_be_submitted(portfolio):
    with pytest.raises(PortfolioError, match="not ready to submit"):
        portfolio_submit(portfolio_id=portfolio.pk, by=None)
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.DRAFT


def test_the_fee_is_the_schedules_and_payment_freezes_the_submission(portfolio, commit):
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment = pay_by_check(portfolio)
    # The candidate applied as a non-member: $60 (FAQ 21).
    assert payment.amount_cents == 6000
    assert payment.kind == FeeKind.PORTFOLIO

    sent = []

    def record(sender, submission, **kwargs):
        sent.append(submission)

    portfolio_submitted.connect(record)
    with commit():
        payment_confirm(payment_id=payment.pk)
        payment_confirm(payment_id=payment.pk)  # a retried confirmation
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.UNDER_REVIEW
    submission = Submission.objects.get()
    assert submission.number == 1
    assert len(submission.snapshot["narratives"]) == 13
    assert submission.snapshot["evidence"][0]["title"] == "Class handout"
    assert sent == [submission]
    portfolio_submitted.disconnect(record)


def test_paying_twice_reuses_the_pending_payment(portfolio):
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    first, second = pay_by_check(portfolio), pay_by_check(portfolio)
    assert first == second
    assert payments_for(portfolio).count() == 1


def test_submitting_twice_is_refused(portfolio):
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    with pytest.raises(PortfolioError, match="can no longer be changed"):
        portfolio_submit(portfolio_id=portfolio.pk, by=None)


def test_an_unpaid_submission_can_be_taken_back_to_edit(portfolio):
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment = pay_by_check(portfolio)
    portfolio_withdraw(portfolio_id=portfolio.pk, by=None)
    portfolio.refresh_from_db()
    payment.refresh_from_db()
    assert portfolio.status == PortfolioStatus.DRAFT
    assert payment.status == PaymentStatus.CANCELLED


def test_the_snapshot_does_not_change_with_a_revision(portfolio):
    evidence = complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment_confirm(payment_id=pay_by_check(portfolio).pk)
    first = Submission.objects.get()
    frozen = first.snapshot

    # The panel asks for a revision; the candidate changes their portfolio.
    portfolio.status = PortfolioStatus.REVISION_REQUESTED
    portfolio.save()
    evidence_remove(evidence_id=evidence.pk, by=None)
    complete(portfolio, title="Better handout")
    # The resubmission fee row is $0 by default: submitted and frozen at once.
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    second = Submission.objects.get(number=2)
    assert second.snapshot["evidence"][0]["title"] == "Better handout"
    assert not payments_for(portfolio).filter(kind=FeeKind.PORTFOLIO_RESUBMISSION)

    first.refresh_from_db()
    assert first.snapshot == frozen
    assert first.snapshot["evidence"][0]["title"] == "Class handout"
    # The removed file is kept: the first submission still refers to it.
    evidence.refresh_from_db()
    assert evidence.file.storage.exists(evidence.file.name)
