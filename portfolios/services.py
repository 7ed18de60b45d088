"""Building a portfolio: every change to narratives and evidence goes through here.

Each write locks the portfolio row, checks it may still be edited, and records
what happened in the audit trail. Problems the candidate can fix raise
``PortfolioError`` with a message for them; nothing is changed then.
"""

import hashlib

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.competencies.models import Competency
from lssc.core.errors import DomainError
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.notifications.services import mail_queue
from lssc.payments.checkout import pay_for
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_cancel, payments_for

from .filetypes import ACCEPTED_LABELS, UnsafeFile, identify, safe_name
from .models import (
    Evidence,
    EvidenceLink,
    EvidenceRole,
    Narrative,
    Portfolio,
    PortfolioStatus,
    PreReview,
    Submission,
)
from .signals import portfolio_submitted

MB = 1024 * 1024


class PortfolioError(DomainError):
    """A change the portfolio's state or the upload does not allow."""


class NarrativesTooLong(PortfolioError):
    """Narratives over the length limit; ``errors`` says which, by competency id."""

    def __init__(self, errors: dict[int, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))


# Reading ------------------------------------------------------------------------------


def word_count(text: str) -> int:
    return len(text.split())


def narrative_length(text: str) -> int:
    """Characters as the candidate's browser counts them: a line break is one."""
    return len(text.replace("\r\n", "\n").strip())


def narrative_length_problem(text: str) -> str | None:
    """Why the narrative is too long to save, or None."""
    limit = rules().PORTFOLIO_NARRATIVE_MAX_CHARS
    length = narrative_length(text)
    if length <= limit:
        return None
    return (
        f"The narrative has {length:,} characters; at most {limit:,} are allowed. "
        f"Shorten it by {length - limit:,}."
    )


def submission_gaps(portfolio: Portfolio) -> list[str]:
    """What stops the portfolio from being submitted, one line per gap."""
    needed = rules().PORTFOLIO_NARRATIVE_MIN_WORDS
    narratives = {n.competency_id: n.text for n in portfolio.narratives.all()}
    evidenced = set(
        EvidenceLink.objects.filter(
            evidence__portfolio=portfolio, evidence__retired_at=None
        ).values_list("competency_id", flat=True)
    )
    gaps = []
    for competency in portfolio.competency_set.competencies.all():
        words = word_count(narratives.get(competency.pk, ""))
        if words < needed:
            gaps.append(
                f"Competency {competency.number}: the narrative has {words} of the "
                f"{needed} words needed."
            )
        if competency.pk not in evidenced:
            gaps.append(
                f"Competency {competency.number}: link at least one evidence file."
            )
    return gaps


# Opening ------------------------------------------------------------------------------


def portfolio_open(*, candidate, competency_set, by) -> Portfolio:
    """The candidate's portfolio for the set, opened now if it does not exist."""
    if candidate.achievements.filter(competency_set=competency_set).exists():
        raise PortfolioError(f"You have already achieved {competency_set.name}.")
    if competency_set.retired_on is not None:
        raise PortfolioError(f"{competency_set.name} is no longer offered.")
    with transaction.atomic():
        portfolio, created = Portfolio.objects.get_or_create(
            candidate=candidate, competency_set=competency_set
        )
        if created:
            audit_log(
                subject=portfolio,
                action="portfolio.opened",
                summary=f"Portfolio for {competency_set.name} started",
                actor=by,
                owner=candidate.user,
                to_state=PortfolioStatus.DRAFT,
            )
    return portfolio


def _editable(portfolio_id) -> Portfolio:
    """The portfolio, locked for this transaction, if it may still be changed."""
    portfolio = (
        Portfolio.objects.select_for_update()
        .select_related("competency_set", "candidate__user")
        .get(pk=portfolio_id)
    )
    if not portfolio.is_editable:
        raise PortfolioError(
            "This portfolio has been submitted and can no longer be changed."
        )
    return portfolio


def _competency(portfolio: Portfolio, competency_id):
    try:
        return portfolio.competency_set.competencies.get(pk=competency_id)
    except (ValueError, Competency.DoesNotExist):
        raise PortfolioError("That competency is not part of this set.") from None


# Narratives ---------------------------------------------------------------------------


def narratives_save(*, portfolio_id, texts: dict, by) -> list[Narrative]:
    """Save narratives by competency id: all of them, or none if one is refused.

    Raises ``NarrativesTooLong`` naming each narrative over the limit.
    """
    with transaction.atomic():
        portfolio = _editable(portfolio_id)
        competencies = [
            (_competency(portfolio, competency_id), text)
            for competency_id, text in texts.items()
        ]
        errors = {
            competency.pk: f"Competency {competency.number}: {problem}"
            for competency, text in competencies
            if (problem := narrative_length_problem(text))
        }
        if errors:
            raise NarrativesTooLong(errors)
        return [
            Narrative.objects.update_or_create(
                portfolio=portfolio,
                competency=competency,
                defaults={"text": text.strip()},
            )[0]
            for competency, text in competencies
        ]


def narrative_save(*, portfolio_id, competency_id, text: str, by) -> Narrative:
    (narrative,) = narratives_save(
        portfolio_id=portfolio_id, texts={competency_id: text}, by=by
    )
    return narrative


# Evidence -----------------------------------------------------------------------------


def _checked_upload(upload):
    """The kind and digest of an acceptable upload; ``PortfolioError`` if not."""
    program = rules()
    if upload.size == 0:
        raise PortfolioError("The file is empty.")
    if upload.size > program.EVIDENCE_MAX_FILE_MB * MB:
        raise PortfolioError(
            f"The file is {upload.size / MB:.1f} MB; each file may be at most "
            f"{program.EVIDENCE_MAX_FILE_MB} MB."
        )
    try:
        kind = identify(upload)
    except UnsafeFile as error:
        raise PortfolioError(str(error)) from None
    if kind is None:
        raise PortfolioError(
            f"This file is not one of the kinds accepted ({ACCEPTED_LABELS}), "
            "whatever its name says."
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return kind, digest.hexdigest()


def _store_evidence(portfolio, upload, kind, digest, *, title, description, freed=0):
    """Write the file and its row (the portfolio is locked); within the total."""
    limit = rules().PORTFOLIO_MAX_TOTAL_MB
    used = (
        portfolio.evidence.filter(retired_at=None).aggregate(total=Sum("size"))["total"]
        or 0
    ) - freed
    if used + upload.size > limit * MB:
        raise PortfolioError(
            f"This file would take the portfolio past its {limit} MB in all "
            f"({used / MB:.1f} MB used)."
        )
    evidence = Evidence(
        portfolio=portfolio,
        name=safe_name(upload.name or "", kind),
        kind=kind.extension.lstrip("."),
        size=upload.size,
        sha256=digest,
        title=title.strip()[:200],
        description=description.strip()[:1000],
    )
    evidence.file.save(evidence.name, upload, save=False)
    try:
        evidence.save()
    except Exception:
        # The row was not written: do not leave its file behind.
        evidence.file.delete(save=False)
        raise
    return evidence


def evidence_add(*, portfolio_id, upload, title: str, description: str = "", by):
    """Store an uploaded file as evidence, once its content has been checked."""
    if not title.strip():
        raise PortfolioError("Give the file a title.")
    kind, digest = _checked_upload(upload)
    with transaction.atomic():
        portfolio = _editable(portfolio_id)
        evidence = _store_evidence(
            portfolio, upload, kind, digest, title=title, description=description
        )
        audit_log(
            subject=portfolio,
            action="portfolio.evidence_added",
            summary=f"Evidence “{evidence.title}” added ({evidence.name})",
            actor=by,
            owner=portfolio.candidate.user,
        )
    return evidence


def evidence_replace(*, evidence_id, upload, by) -> Evidence:
    """A new file in place of an old one: same title and links; the old one retired.

    The old file itself is kept, since a past submission may name it.
    """
    kind, digest = _checked_upload(upload)
    with transaction.atomic():
        old = Evidence.objects.get(pk=evidence_id, retired_at=None)
        portfolio = _editable(old.portfolio_id)
        new = _store_evidence(
            portfolio,
            upload,
            kind,
            digest,
            title=old.title,
            description=old.description,
            freed=old.size,
        )
        EvidenceLink.objects.filter(evidence=old).update(evidence=new)
        old.retired_at = timezone.now()
        old.save(update_fields=["retired_at"])
        audit_log(
            subject=portfolio,
            action="portfolio.evidence_replaced",
            summary=f"Evidence “{old.title}” replaced ({old.name} → {new.name})",
            actor=by,
            owner=portfolio.candidate.user,
        )
    return new


def evidence_link(*, evidence_id, competency_id, role: str, by) -> EvidenceLink:
    if role not in EvidenceRole.values:
        raise PortfolioError(
            "Choose whether the file is primary or secondary evidence."
        )
    with transaction.atomic():
        evidence = Evidence.objects.get(pk=evidence_id, retired_at=None)
        portfolio = _editable(evidence.portfolio_id)
        competency = _competency(portfolio, competency_id)
        link, _ = EvidenceLink.objects.update_or_create(
            evidence=evidence, competency=competency, defaults={"role": role}
        )
    return link


def evidence_unlink(*, evidence_id, competency_id, by) -> None:
    with transaction.atomic():
        evidence = Evidence.objects.get(pk=evidence_id, retired_at=None)
        _editable(evidence.portfolio_id)
        evidence.links.filter(competency_id=competency_id).delete()


def evidence_remove(*, evidence_id, by) -> None:
    """Take a file out of the portfolio (the file itself goes once nothing needs it)."""
    with transaction.atomic():
        evidence = Evidence.objects.get(pk=evidence_id, retired_at=None)
        portfolio = _editable(evidence.portfolio_id)
        evidence.links.all().delete()
        evidence.retired_at = timezone.now()
        evidence.save(update_fields=["retired_at"])
        audit_log(
            subject=portfolio,
            action="portfolio.evidence_removed",
            summary=f"Evidence “{evidence.title}” removed",
            actor=by,
            owner=portfolio.candidate.user,
        )


# Submission ---------------------------------------------------------------------------


def _fee_kind(portfolio: Portfolio) -> str:
    if portfolio.submissions.exists():
        return FeeKind.PORTFOLIO_RESUBMISSION
    return FeeKind.PORTFOLIO


def submission_fee_cents(portfolio: Portfolio) -> int:
    """What submitting costs now: the fee schedule's portfolio or resubmission fee."""
    fee = fee_for(
        _fee_kind(portfolio),
        ala_member=portfolio.candidate.application.pays_member_fee,
    )
    return fee.amount_cents


def portfolio_submit(*, portfolio_id, by) -> Portfolio:
    """Ask to submit: content is locked until paid (or the request withdrawn)."""
    with transaction.atomic():
        portfolio = _editable(portfolio_id)
        gaps = submission_gaps(portfolio)
        if gaps:
            raise PortfolioError(
                f"The portfolio is not ready to submit: {len(gaps)} thing(s) missing."
            )
        previous = portfolio.status
        portfolio.status = PortfolioStatus.AWAITING_PAYMENT
        portfolio.save(update_fields=["status", "updated_at"])
        _audit(portfolio, by, "portfolio.submitted", "Portfolio submitted", previous)
        if submission_fee_cents(portfolio) == 0:
            _freeze(portfolio, by)
    return portfolio


def portfolio_withdraw(*, portfolio_id, by) -> Portfolio:
    """Take back a submission that is not paid yet, to edit again."""
    with transaction.atomic():
        portfolio = Portfolio.objects.select_for_update().get(pk=portfolio_id)
        if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:
            raise PortfolioError(
                "Only a submission waiting for payment can be taken back."
            )
        for payment in payments_for(portfolio).filter(status=PaymentStatus.PENDING):
            payment_cancel(payment=payment, actor=by, reason="Submission taken back")
        back_to = (
            PortfolioStatus.REVISION_REQUESTED
            if portfolio.submissions.exists()
            else PortfolioStatus.DRAFT
        )
        portfolio.status = back_to
        portfolio.save(update_fields=["status", "updated_at"])
        _audit(
            portfolio, by, "portfolio.withdrawn", "Submission taken back to edit",
            PortfolioStatus.AWAITING_PAYMENT,
        )  # fmt: skip
    return portfolio


def portfolio_pay(
    *, portfolio: Portfolio, method: str, institution="", return_url=None
):
    """Start paying the submission fee; returns ``(payment, redirect_url)``.

    As for the application fee: a second click reuses the pending payment of the
    same method, another method cancels it, and a card payment goes to Stripe.
    """
    with transaction.atomic():
        portfolio = (
            Portfolio.objects.select_for_update()
            .select_related("candidate__application", "candidate__user")
            .get(pk=portfolio.pk)
        )
        if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:
            raise PortfolioError("This portfolio is not waiting for a payment.")
        return pay_for(
            purpose=portfolio,
            payer=portfolio.candidate.user,
            method=method,
            kind=_fee_kind(portfolio),
            description=f"Portfolio: {portfolio.competency_set.name}",
            ala_member=portfolio.candidate.application.pays_member_fee,
            institution=institution,
            return_url=return_url,
        )


def portfolio_payment_received(*, portfolio_id, actor=None) -> Submission | None:
    """The fee arrived: freeze the submission, once, however often this is called."""
    portfolio = Portfolio.objects.select_for_update().get(pk=portfolio_id)
    if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:
        return None
    return _freeze(portfolio, actor)


def _snapshot(portfolio: Portfolio) -> dict:
    evidence = portfolio.evidence.filter(retired_at=None).prefetch_related("links")
    return {
        "narratives": {
            str(n.competency_id): n.text for n in portfolio.narratives.all()
        },
        "evidence": [
            {
                "id": item.pk,
                "title": item.title,
                "description": item.description,
                "name": item.name,
                "kind": item.kind,
                "size": item.size,
                "sha256": item.sha256,
                "links": [[link.competency_id, link.role] for link in item.links.all()],
            }
            for item in evidence
        ],
    }


def _freeze(portfolio: Portfolio, actor) -> Submission:
    number = portfolio.submissions.count() + 1
    submission = Submission.objects.create(
        portfolio=portfolio, number=number, snapshot=_snapshot(portfolio)
    )
    previous = portfolio.status
    portfolio.status = PortfolioStatus.UNDER_REVIEW
    portfolio.save(update_fields=["status", "updated_at"])
    _audit(
        portfolio, actor, "portfolio.under_review",
        f"Portfolio submission {number} paid and sent for review", previous,
    )  # fmt: skip
    mail_queue(
        key=f"portfolio-submitted:{submission.pk}",
        to=portfolio.candidate.user.email,
        template="portfolio_submitted",
        context={"portfolio": portfolio, "submission": submission},
    )
    transaction.on_commit(
        lambda: portfolio_submitted.send(sender=Submission, submission=submission)
    )
    return submission


def _audit(portfolio, actor, action, summary, previous):
    audit_log(
        subject=portfolio,
        action=action,
        summary=summary,
        actor=actor,
        owner=portfolio.candidate.user,
        from_state=previous,
        to_state=portfolio.status,
    )


# Staff pre-review (no fee) ----------------------------------------------------------


def prereview_request(*, portfolio_id, by) -> PreReview:
    """Ask program staff to look at the draft; it stays editable meanwhile."""
    with transaction.atomic():
        portfolio = _editable(portfolio_id)
        if portfolio.pre_reviews.filter(completed_at=None).exists():
            raise PortfolioError("You have already asked; staff will reply soon.")
        request = PreReview.objects.create(portfolio=portfolio)
        audit_log(
            subject=portfolio,
            action="portfolio.pre_review_requested",
            summary="Staff pre-review requested",
            actor=by,
            owner=portfolio.candidate.user,
        )
        staff = staff_emails(StaffGroup.PROGRAM_ASSISTANT, StaffGroup.PROGRAM_OFFICER)
        for email in staff:
            mail_queue(
                key=f"pre-review-requested:{request.pk}:{email}",
                to=email,
                template="staff_pre_review_requested",
                context={"pre_review": request},
            )
    return request


def prereview_complete(*, pre_review_id, by) -> PreReview:
    """Send staff's comments to the candidate (written in the admin)."""
    with transaction.atomic():
        pre_review = (
            PreReview.objects.select_for_update()
            .select_related("portfolio__candidate__user", "portfolio__competency_set")
            .get(pk=pre_review_id)
        )
        if pre_review.completed_at is not None:
            raise PortfolioError("These comments have already been sent.")
        if not (pre_review.general_comment.strip() or pre_review.comments.exists()):
            raise PortfolioError("Write a comment before sending.")
        pre_review.completed_at = timezone.now()
        pre_review.completed_by = by
        pre_review.save(update_fields=["completed_at", "completed_by"])
        portfolio = pre_review.portfolio
        audit_log(
            subject=portfolio,
            action="portfolio.pre_review_completed",
            summary="Staff pre-review comments sent",
            actor=by,
            owner=portfolio.candidate.user,
        )
        mail_queue(
            key=f"pre-review-completed:{pre_review.pk}",
            to=portfolio.candidate.user.email,
            template="pre_review_completed",
            context={"pre_review": pre_review, "portfolio": portfolio},
        )
    return pre_review
