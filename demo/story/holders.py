"""Certified holders: they choose whether the public registry lists them, log
continuing education through their period, and apply to renew when the window
opens; staff approve, and the next period's certificate is made."""

from functools import partial

from django.utils import timezone

from candidates.certification import publicity_choose
from demo import content
from renewals.models import Renewal, RenewalStatus, Unit
from renewals.services import (
    activity_log,
    period_progress,
    renewal_approve,
    renewal_pay,
    renewal_submit,
)

from .payments import pay
from .world import DAY, World


def publicity(world: World, candidate, *, listed: bool):
    certification = candidate.certification
    publicity_choose(certification=certification, listed=listed, by=candidate.user)


def continuing_education(world: World, candidate, *, count: int):
    """Activities logged as they happen, spread over the period's first years."""
    certification = candidate.certification
    start = certification.period_starts_on
    span = max((certification.renewal_opens_on - start).days, count * 30)
    for index, activity in enumerate(content.ce_activities(world.rng, count)):
        day = start + DAY * (span * (index + 1) // (count + 1))
        yield world.at(day + world.days(1, 10))
        _log(world, candidate, activity)


def _log(world: World, candidate, activity) -> None:
    sets = [world.sets[s] for s in activity.set_slugs if s in world.sets]
    activity_log(
        certification=candidate.certification,
        by=candidate.user,
        sets=sets or [world.rng.choice(list(world.sets.values()))],
        title=activity.title,
        provider=activity.provider,
        completed_on=timezone.localdate() - world.days(1, 5),
        amount=activity.amount,
        unit=activity.unit,
        technology=activity.technology,
    )


def _enough_hours(world: World, candidate):
    """Before applying, the hours still missing: a day of the state conference,
    and a technology workshop if the technology hours fall short."""
    progress = period_progress(candidate.certification)
    if progress.hours_short:
        _log(world, candidate, content.ActivityInfo(
            title="State library association annual conference",
            provider="State Library Association", amount=progress.hours_short,
            unit=Unit.CONTACT_HOURS, technology=False, set_slugs=(),
        ))  # fmt: skip
        yield world.days(5, 20)
    progress = period_progress(candidate.certification)
    if progress.technology_short:
        _log(world, candidate, content.ActivityInfo(
            title="Cybersecurity basics for library staff (webinar series)",
            provider="WebJunction", amount=max(progress.technology_short, 2),
            unit=Unit.CONTACT_HOURS, technology=True, set_slugs=("technology",),
        ))  # fmt: skip
        yield world.days(2, 10)


def renewal(world: World, candidate, *, method, decided=True):
    """Apply once the window opens, pay, and have staff approve."""
    certification = candidate.certification
    certification.refresh_from_db()
    yield world.at(certification.renewal_opens_on + world.days(10, 60))
    yield from _enough_hours(world, candidate)
    renewal_submit(certification=certification, by=candidate.user)
    record = Renewal.objects.get(
        certification=certification, period_expires_on=certification.expires_on
    )
    if record.status == RenewalStatus.AWAITING_PAYMENT:  # else no fee in force
        yield world.days(0, 1)
        yield from pay(
            partial(renewal_pay, renewal=record, payer=candidate.user),
            method, clerk=world.clerk,
        )  # fmt: skip
    if not decided:
        return
    yield world.days(3, 14)
    renewal_approve(renewal=record, by=world.officer)
