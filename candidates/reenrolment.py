"""Applying again after a candidacy ended, and the sets that carry over.

A person whose candidacy ended (its deadline passed without the certification)
applies again like anyone else: a new application, the fee, eligibility checked on
the new day. Admitted, they are a new candidacy (a new ``Candidate`` row, see its
docstring). Each set they achieved in an earlier candidacy within
``CARRY_OVER_YEARS`` before the new admission counts in the new one: it is recorded
as an ``Achievement`` of the new candidacy, method ``carried_over``, dated the
admission day, whose ``carried_from`` is the original achievement (its method and
date say how and when it was earned). A carried set is carried again from its
original, so its age is always the original's. ``check_data``
(``achievement-carried-over``) checks each such row against its original.
"""

import datetime

from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.core.dates import add_years
from lssc.core.program import rules

from .enums import AchievementMethod
from .models import Achievement, Candidate
from .selectors import candidacy_of


def carry_over_since(admitted_on: datetime.date) -> datetime.date | None:
    """The earliest achievement day that still carries over into a candidacy
    admitted on ``admitted_on``; ``None`` when the program carries nothing over."""
    years = rules().CARRY_OVER_YEARS
    return add_years(admitted_on, -years) if years > 0 else None


def earlier_achievements(user, *, before: Candidate | None = None) -> list[Achievement]:
    """The originals of the sets achieved in ``user``'s candidacies (those before
    ``before``, when given), the latest per set, newest first."""
    rows = Achievement.objects.filter(candidate__user=user, carried_from=None)
    if before is not None:
        rows = rows.filter(candidate__admitted_on__lte=before.admitted_on).exclude(
            candidate=before
        )
    latest: dict[int, Achievement] = {}
    for achievement in rows.select_related("competency_set", "candidate").order_by(
        "-achieved_on", "-pk"
    ):
        latest.setdefault(achievement.competency_set_id, achievement)
    return list(latest.values())


def carries_over(achievement: Achievement, admitted_on: datetime.date) -> bool:
    since = carry_over_since(admitted_on)
    return since is not None and achievement.achieved_on >= since


def carry_over(candidate: Candidate) -> list[Achievement]:
    """Record in the new ``candidate`` the earlier sets that carry over; returns the
    new rows (none for a first candidacy). Called when it is admitted, inside that
    transaction."""
    earlier = [
        a
        for a in earlier_achievements(candidate.user, before=candidate)
        if carries_over(a, candidate.admitted_on)
    ]
    carried = []
    for original in earlier:
        note = (
            f"{original.get_method_display()}, {original.achieved_on:%B %-d, %Y}, "
            f"as candidate {original.candidate.number}"
        )
        carried.append(
            Achievement.objects.create(
                candidate=candidate,
                competency_set=original.competency_set,
                method=AchievementMethod.CARRIED_OVER,
                achieved_on=candidate.admitted_on,
                carried_from=original,
                note=note[:200],
            )
        )
    if carried:
        names = ", ".join(a.competency_set.name for a in carried)
        audit_log(
            subject=candidate,
            action="candidate.sets_carried_over",
            summary=f"Carried over from an earlier candidacy: {names}",
            owner=candidate.user,
        )
    return carried


def reenrolment_refusal(user, today: datetime.date | None = None) -> str:
    """Why ``user`` may not apply now, or ``""``: nobody applies while a candidacy
    of theirs is in force, nor once certified."""
    today = today or timezone.localdate()
    latest = candidacy_of(user, related=("certification",))
    if latest is None:
        return ""
    if hasattr(latest, "certification"):
        return (
            "You have been certified: renew your certification rather than apply again."
        )
    if not latest.past_deadline(today):
        return (
            f"You are already a candidate ({latest.number}) until "
            f"{latest.deadline:%B %-d, %Y}: there is no need to apply again."
        )
    return ""
