"""Building a portfolio: narratives, evidence uploads and what submission needs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from portfolios.content import (
    evidence_add,
    evidence_link,
    evidence_remove,
    narrative_save,
)
from portfolios.errors import PortfolioError
from portfolios.models import Evidence, EvidenceRole, Portfolio, PortfolioStatus
from portfolios.services import portfolio_open, submission_gaps

from . import files

pytestmark = pytest.mark.django_db

FIFTY_WORDS = " ".join(["word"] * 50)


def upload(content=files.PDF, name="minutes.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def add(portfolio, content=files.PDF, name="minutes.pdf", title="Meeting minutes"):
    return evidence_add(
        portfolio_id=portfolio.pk, upload=upload(content, name), title=title, by=None
    )


def test_one_portfolio_per_set_and_opening_again_returns_it(candidate, portfolio):
    again = portfolio_open(
        candidate=candidate, competency_set=portfolio.competency_set, by=None
    )
    assert again == portfolio
    assert Portfolio.objects.count() == 1
    assert AuditEntry.objects.filter(action="portfolio.opened").count() == 1


def test_no_portfolio_for_an_achieved_set(candidate):
    youth = CompetencySet.objects.get(slug="youth-services")
    Achievement.objects.create(
        candidate=candidate,
        competency_set=youth,
        method=AchievementMethod.COURSE,
        achieved_on="2026-01-05",
    )
    with pytest.raises(PortfolioError, match="already achieved"):
        portfolio_open(candidate=candidate, competency_set=youth, by=None)


def test_evidence_is_stored_privately_under_a_random_name(portfolio):
    evidence = add(portfolio, name="../../Reference desk log.pdf")
    assert evidence.kind == "pdf"
    assert evidence.name == "Reference_desk_log.pdf"
    assert evidence.size == len(files.PDF)
    assert "Reference" not in evidence.file.name
    assert evidence.file.name.startswith(f"evidence/{portfolio.pk}/")
    with evidence.file.open("rb") as stored:
        assert stored.read() == files.PDF
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018 (no public URL exists)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (files.EXE, "report.pdf", "not one of the kinds accepted"),
        (files.HTML, "notes.txt", "not one of the kinds accepted"),
        (b"", "empty.pdf", "The file is empty."),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(
    portfolio, content, name, message
):
    with pytest.raises(PortfolioError, match=message):
        add(portfolio, content, name)
    assert not Evidence.objects.exists()


def test_file_and_portfolio_size_limits_are_settings(portfolio, settings):
    settings.LSSC_RULES = {"EVIDENCE_MAX_FILE_MB": 0}
    with pytest.raises(PortfolioError, match="at most 0 MB"):
        add(portfolio)
    settings.LSSC_RULES = {"PORTFOLIO_MAX_TOTAL_MB": 0}
    with pytest.raises(PortfolioError, match="past its 0 MB in all"):
        add(portfolio)
    assert not Evidence.objects.exists()


def test_submission_needs_a_narrative_and_evidence_for_every_competency(portfolio):
    competencies = list(portfolio.competency_set.competencies.all())
    gaps = submission_gaps(portfolio)
    assert len(gaps) == 2 * len(competencies)
    assert "Competency 1: the narrative has 0 of the 50 words needed." in gaps

    evidence = add(portfolio)
    for competency in competencies:
        narrative_save(
            portfolio_id=portfolio.pk,
            competency_id=competency.pk,
            text=FIFTY_WORDS,
            by=None,
        )
        evidence_link(
            evidence_id=evidence.pk,
            competency_id=competency.pk,
            role=EvidenceRole.PRIMARY,
            by=None,
        )
    assert submission_gaps(portfolio) == []

    narrative_save(
        portfolio_id=portfolio.pk,
        competency_id=competencies[0].pk,
        text="Too short.",
        by=None,
    )
    evidence_remove(evidence_id=evidence.pk, by=None)
    gaps = submission_gaps(portfolio)
    assert "Competency 1: the narrative has 2 of the 50 words needed." in gaps
    assert "Competency 1: link at least one evidence file." in gaps


def test_a_competency_of_another_set_cannot_be_used(portfolio):
    other = CompetencySet.objects.get(slug="youth-services").competencies.first()
    with pytest.raises(PortfolioError, match="not part of this set"):
        narrative_save(
            portfolio_id=portfolio.pk, competency_id=other.pk, text="x", by=None
        )


def test_nothing_changes_once_submitted(portfolio):
    evidence = add(portfolio)
    competency = portfolio.competency_set.competencies.first()
    Portfolio.objects.filter(pk=portfolio.pk).update(
        status=PortfolioStatus.UNDER_REVIEW
    )
    for attempt in (
        lambda: add(portfolio),
        lambda: narrative_save(
            portfolio_id=portfolio.pk, competency_id=competency.pk, text="x", by=None
        ),
        lambda: evidence_link(
            evidence_id=evidence.pk,
            competency_id=competency.pk,
            role=EvidenceRole.PRIMARY,
            by=None,
        ),
        lambda: evidence_remove(evidence_id=evidence.pk, by=None),
    ):
        with pytest.raises(PortfolioError, match="can no longer be changed"):
            attempt()
    assert Evidence.objects.filter(retired_at=None).count() == 1
    assert not portfolio.narratives.exists()
