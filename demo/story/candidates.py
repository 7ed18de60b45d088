"""A candidate's way to certification: admitted, then each chosen set achieved its
own way (a recognised degree, an approved course, a portfolio), each as a journey
of its own running alongside the others."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from candidates.extensions import extension_grant, extension_request
from candidates.forms import ExtensionRequestForm
from candidates.models import Candidate
from demo import content
from lssc.core.dates import add_months
from lssc.payments.enums import PaymentMethod

from .applicants import Person, apply
from .courses import complete, recognise, usable_course
from .holders import continuing_education, publicity, renewal
from .portfolios import journey as portfolio_journey
from .world import DAY, World, filled


@dataclass
class SetPlan:
    """How one set is achieved: ``"course"``, ``"portfolio"`` or ``"recognition"``,
    starting ``after`` admission; the rest says how far it gets."""

    slug: str
    method: str
    after: int  # days after admission; negative: days before today
    rounds: tuple = ("met",)
    # How far it gets: "draft", "unpaid", "review", "third", "decided", "revision"
    # (portfolio), "unverified" (course, recognition); "" is to the end.
    stop: str = ""
    pay: str = PaymentMethod.CARD


@dataclass
class Plan:
    person: Person
    applies_on: datetime.date
    pay: str = PaymentMethod.CARD
    sets: list[SetPlan] = field(default_factory=list)
    # After certification: listed in the registry, CE activities, renewal.
    listed: bool = True
    activities: int = 0
    renew: str = ""  # "", "approved", "in_review"
    accepted: bool = True
    pays: bool = True
    # Past the deadline: "" nothing asked; "asked" more time, waiting for staff;
    # "granted" more time, then a portfolio begun in it.
    more_time: str | None = None


def journey(world: World, plan: Plan):
    yield from apply(
        world, plan.person, method=plan.pay, pays=plan.pays, accepted=plan.accepted
    )
    candidate = Candidate.objects.filter(user__email=plan.person.email).first()
    if candidate is None:
        return
    now = timezone.now()
    for set_plan in plan.sets:
        begins = (
            now + set_plan.after * DAY
            if set_plan.after >= 0
            else world.at(world.today + set_plan.after * DAY)
        )
        world.timeline.start(begins, _achieve(world, plan, candidate, set_plan))
    if plan.more_time is not None and candidate.deadline:
        after_deadline = world.at(candidate.deadline + DAY)
        world.timeline.start(after_deadline, _past_deadline(world, plan, candidate))
    if plan.activities or plan.renew or plan.listed:
        world.timeline.start(
            now + 30 * DAY, _after_certification(world, plan, candidate)
        )


def _free_set(world: World, candidate, slug: str):
    """The planned set, or another one if a recognised degree achieved it since."""
    taken = set(candidate.achievements.values_list("competency_set__slug", flat=True))
    taken |= set(candidate.portfolios.values_list("competency_set__slug", flat=True))
    if slug not in taken:
        return world.sets[slug]
    free = [s for s in world.sets.values() if s.slug not in taken]
    return free[0] if free else None


def _achieve(world: World, plan: Plan, candidate, set_plan: SetPlan):
    competency_set = _free_set(world, candidate, set_plan.slug)
    if competency_set is None and set_plan.method != "recognition":
        return
    if set_plan.method == "portfolio":
        yield from portfolio_journey(
            world, plan.person, candidate, competency_set,
            rounds=set_plan.rounds, method=set_plan.pay, stop=set_plan.stop,
            writing=(2, 4) if set_plan.after < 0 else (12, 45),
        )  # fmt: skip
    elif set_plan.method == "course":
        course = usable_course(world, competency_set.slug, timezone.localdate())
        if course is None:
            raise ValueError(f"No approved course of {set_plan.slug} yet in the demo.")
        yield from complete(
            world, candidate, course,
            roster=world.rng.random() < 0.3, verified=set_plan.stop != "unverified",
        )  # fmt: skip
    else:
        record = next(
            a for a in world.agreements
            if set_plan.slug in {s.slug for s in a.competency_sets.all()}
        )  # fmt: skip
        yield from recognise(
            world, candidate, record,
            graduated_on=max(record.effective_from, timezone.localdate() - 200 * DAY),
            verified=set_plan.stop != "unverified",
        )  # fmt: skip


def _past_deadline(world: World, plan: Plan, candidate):
    """The deadline passed with sets still to achieve: ask for more time (some
    weeks later, so the request is a few days old today), and carry on if granted."""
    if not plan.more_time:
        return
    # Asked a few days ago (still waiting), or long enough ago to have been
    # granted and to have begun a portfolio since.
    asked_ago = world.days(24, 28) if plan.more_time == "granted" else world.days(6, 12)
    yield max(world.at(world.today - asked_ago), world.at(timezone.localdate() + DAY))
    candidate.refresh_from_db()
    asked_until = add_months(candidate.deadline, 8)
    form = ExtensionRequestForm(
        data={"asked_until": asked_until.isoformat(), "reason": content.MORE_TIME},
        earliest=timezone.localdate(),
    )
    filled(form)
    request = extension_request(
        candidate=candidate,
        reason=form.cleaned_data["reason"],
        asked_until=form.cleaned_data["asked_until"],
    )
    if plan.more_time != "granted":
        return
    yield world.days(3, 6)
    extension_grant(
        request=request,
        until=asked_until,
        by=world.officer,
        reason="A year of leave is a good reason; the plan is realistic.",
    )
    yield world.days(3, 6)
    candidate.refresh_from_db()  # its new deadline
    # An elective not begun yet (``_achieve`` picks another if this one was).
    slug = world.electives[-1].slug
    yield from _achieve(
        world, plan, candidate, SetPlan(slug, "portfolio", 0, stop="draft")
    )


def _after_certification(world: World, plan: Plan, candidate):
    """Waits for the certification, then what a holder does with it."""
    for _ in range(40):
        candidate.refresh_from_db()
        if hasattr(candidate, "certification"):
            break
        yield world.days(30)
    else:
        return
    publicity(world, candidate, listed=plan.listed)
    if plan.activities:
        yield from continuing_education(world, candidate, count=plan.activities)
    if plan.renew:
        yield from renewal(
            world, candidate, method=world.rng.choice(
                (PaymentMethod.CARD, PaymentMethod.CARD, PaymentMethod.CHECK)
            ),
            decided=plan.renew == "approved",
        )  # fmt: skip
