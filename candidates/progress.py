"""Where a candidate stands on each competency set: the one interface the CAR reads.

An achieved set comes from ``Achievement``. Work in progress belongs to other apps
(portfolios, courses), which register a *source* at start-up::

    from candidates.progress import register_source
    # fn(candidates) -> {(candidate_id, set_id): SetProgress}
    register_source(portfolio_progress)

A source answers for many candidates at once, in a fixed number of queries, so a page
of candidates never costs a query per row.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models

from lssc.competencies.models import CompetencySet
from lssc.core.program import rules

from .models import Achievement, Candidate


class SetStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    REVISION_REQUESTED = "revision_requested", "Revision requested"
    ACHIEVED = "achieved", "Achieved"


# When several sources speak of one set, the most advanced status is shown.
_RANK = {status: rank for rank, status in enumerate(SetStatus)}


@dataclass(frozen=True)
class SetProgress:
    status: str = SetStatus.NOT_STARTED
    method: str = ""  # for an achieved set: how (AchievementMethod label)
    on: datetime.date | None = None
    detail: str = ""

    @property
    def status_label(self) -> str:
        return SetStatus(self.status).label

    @property
    def achieved(self) -> bool:
        return self.status == SetStatus.ACHIEVED


@dataclass(frozen=True)
class Slot:
    label: str
    competency_set: CompetencySet | None
    progress: SetProgress


Source = Callable[[list[Candidate]], dict[tuple[int, int], SetProgress]]
_sources: list[Source] = []


def register_source(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def progress_for(candidates: Iterable[Candidate]) -> dict[tuple[int, int], SetProgress]:
    """``{(candidate_id, set_id): SetProgress}`` for every set with any news."""
    candidates = list(candidates)
    found: dict[tuple[int, int], SetProgress] = {}
    for source in _sources:
        for key, progress in source(candidates).items():
            current = found.get(key)
            if current is None or _RANK[progress.status] > _RANK[current.status]:
                found[key] = progress
    achievements = Achievement.objects.filter(candidate__in=candidates)
    for achievement in achievements.select_related("carried_from__candidate"):
        # A set carried over from an earlier candidacy reads as it was earned.
        original = achievement.carried_from or achievement
        found[(achievement.candidate_id, achievement.competency_set_id)] = SetProgress(
            status=SetStatus.ACHIEVED,
            method=original.get_method_display(),
            on=original.achieved_on,
            detail=f"carried over from candidacy {original.candidate.number}"
            if achievement.carried_from
            else "",
        )
    return found


def car_slots(candidate: Candidate, sets: list[CompetencySet]) -> dict:
    """The CAR's six slots and the electives in progress beyond them.

    Required sets have a slot each, by name. Elective slots are filled by the
    electives achieved first, then by those in progress.
    """
    program = rules()
    progress = progress_for([candidate])

    def of(competency_set):
        return progress.get((candidate.pk, competency_set.pk), SetProgress())

    required = [
        Slot(competency_set.name, competency_set, of(competency_set))
        for competency_set in sets
        if competency_set.is_required
    ]
    electives = [s for s in sets if not s.is_required]
    achieved = sorted(
        (s for s in electives if of(s).achieved), key=lambda s: (of(s).on, s.position)
    )
    started = [
        s
        for s in electives
        if not of(s).achieved and of(s).status != SetStatus.NOT_STARTED
    ]
    elective_slots = [
        Slot(f"Elective {n}", s, of(s))
        for n, s in enumerate((achieved + started)[: program.ELECTIVE_SETS], start=1)
    ]
    for n in range(len(elective_slots) + 1, program.ELECTIVE_SETS + 1):
        elective_slots.append(Slot(f"Elective {n}", None, SetProgress()))
    return {
        "required": required,
        "electives": elective_slots,
        "more_electives": [
            Slot(s.name, s, of(s))
            for s in (achieved + started)[program.ELECTIVE_SETS :]
        ],
        "achieved_count": sum(slot.progress.achieved for slot in required)
        + min(len(achieved), program.ELECTIVE_SETS),
        "needed_count": program.REQUIRED_SETS + program.ELECTIVE_SETS,
    }
