"""Editing a portfolio's narratives and evidence, while it may still be changed.

Each write locks the portfolio row, checks it is still editable, and records in
the audit trail what the candidate added, replaced or removed. Problems they can
fix raise ``PortfolioError`` with a message for them; nothing is changed then.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.competencies.models import Competency
from lssc.core.program import rules

from .errors import NarrativesTooLong, PortfolioError
from .models import (
    Evidence,
    EvidenceKind,
    EvidenceLink,
    EvidenceRole,
    Narrative,
    Portfolio,
)
from .services import editable_portfolio, narrative_length_problem
from .uploads import checked_upload

MB = 1024 * 1024


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
        portfolio = editable_portfolio(portfolio_id)
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


def _store_evidence(portfolio, checked, *, title, description, freed=0):
    """Write the file and its row (the portfolio is locked); within the total."""
    limit = rules().PORTFOLIO_MAX_TOTAL_MB
    used = (
        portfolio.evidence.filter(retired_at=None).aggregate(total=Sum("size"))["total"]
        or 0
    ) - freed
    if used + checked.size > limit * MB:
        raise PortfolioError(
            f"This file would take the portfolio past its {limit} MB in all "
            f"({used / MB:.1f} MB used)."
        )
    evidence = Evidence(
        portfolio=portfolio,
        name=checked.name,
        kind=checked.kind.extension.lstrip("."),
        size=checked.size,
        sha256=checked.sha256,
        title=title.strip()[:200],
        description=description.strip()[:1000],
    )
    evidence.file.save(evidence.name, checked.content, save=False)
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
    checked = checked_upload(upload)
    with transaction.atomic():
        portfolio = editable_portfolio(portfolio_id)
        evidence = _store_evidence(
            portfolio, checked, title=title, description=description
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

    The old file itself is kept, since a past submission may name it. A link has
    no file to replace.
    """
    if Evidence.objects.filter(pk=evidence_id, kind=EvidenceKind.LINK).exists():
        raise PortfolioError(
            "A link has no file to replace: remove it and add the new link."
        )
    checked = checked_upload(upload)
    with transaction.atomic():
        old = Evidence.objects.get(pk=evidence_id, retired_at=None)
        portfolio = editable_portfolio(old.portfolio_id)
        new = _store_evidence(
            portfolio,
            checked,
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
        portfolio = editable_portfolio(evidence.portfolio_id)
        competency = _competency(portfolio, competency_id)
        link, _ = EvidenceLink.objects.update_or_create(
            evidence=evidence, competency=competency, defaults={"role": role}
        )
    return link


def evidence_unlink(*, evidence_id, competency_id, by) -> None:
    with transaction.atomic():
        evidence = Evidence.objects.get(pk=evidence_id, retired_at=None)
        editable_portfolio(evidence.portfolio_id)
        evidence.links.filter(competency_id=competency_id).delete()


def evidence_remove(*, evidence_id, by) -> None:
    """Take a file out of the portfolio (the file itself goes once nothing needs it)."""
    with transaction.atomic():
        evidence = Evidence.objects.get(pk=evidence_id, retired_at=None)
        portfolio = editable_portfolio(evidence.portfolio_id)
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
