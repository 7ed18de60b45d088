"""The program's first day in the demo: staff and evaluators, the providers and
their courses, the recognition agreements, the weekly jobs; then every person's
plan is put on the timeline."""

from courses.models import ProviderType
from demo import content
from evaluations.models import EvaluatorRole
from evaluations.recruitment import evaluator_add, evaluator_apply, evaluator_select
from lssc.accounts.services import user_ensure
from lssc.core.dates import add_months
from lssc.payments.enums import PaymentMethod

from .accounts import (
    ASSISTANT,
    COMMITTEE,
    DEMO_PASSWORD,
    EVALUATORS,
    OFFICER,
    PROVIDER_CONTACT,
    staff_accounts,
)
from .candidates import journey
from .cast import plans
from .courses import agreement, course_approval, daily_jobs, register
from .world import DAY, World

DEMO_PROVIDER = content.ProviderInfo(
    name="Prairie State Library",
    type=ProviderType.STATE_LIBRARY,
    state="IL",
    website="https://prairie.example.gov",
)
OFFERS = [
    ("june.park@example.org", "June Park", "Cedar Valley Public Library"),
    ("tomas.reyes@example.org", "Tomás Reyes", "Hillcrest College Library"),
]
OTHER_EVALUATORS = [
    ("dana.whitfield@example.org", "Dana Whitfield", "Northfield University Libraries"),
    ("marcus.bell@example.org", "Marcus Bell", "Gulf Coast Library Cooperative"),
]


def program_start(world: World, start):
    staff = staff_accounts()
    world.officer = staff[OFFICER]
    world.clerk = staff[ASSISTANT]
    world.committee = staff[COMMITTEE]
    _evaluators(world, start)
    providers = _providers(world)
    _courses(world, start, providers)
    world.timeline.start(world.at(start + 20 * DAY), _agreements(world))
    world.timeline.start(world.at(start + 7 * DAY, 6), daily_jobs(world))
    world.timeline.start(world.at(world.today - 9 * DAY), _offers(world))
    for plan in plans(world):
        world.timeline.start(world.at(plan.applies_on, 19), journey(world, plan))
    yield None


def _evaluators(world: World, start) -> None:
    people = [
        (email, name, institution, DEMO_PASSWORD)
        for email, (name, institution) in EVALUATORS.items()
    ] + [(*row, None) for row in OTHER_EVALUATORS]
    for email, name, institution, password in people:
        user_ensure(email=email, full_name=name, password=password)
        world.evaluators.append(
            evaluator_add(
                email=email, full_name=name, institution=institution,
                sets=list(world.sets.values()), trained_on=start, by=world.committee,
            )
        )  # fmt: skip


def _offers(world: World):
    """Two librarians offer to evaluate: one the committee has selected, waiting
    for training; one still waiting for the committee."""
    for number, (email, name, institution) in enumerate(OFFERS):
        user, _ = user_ensure(email=email, full_name=name, password=None)
        offer = evaluator_apply(
            user=user, sets=[world.sets["technology"], world.sets["access-services"]],
            institution=institution, role=EvaluatorRole.LIBRARIAN,
            portfolios_per_year=6,
            statement="I supervise circulation and interlibrary loan staff and have "
            "mentored three colleagues through their own certification.",
        )  # fmt: skip
        if number == 0:
            yield world.days(4)
            evaluator_select(application=offer, by=world.committee)
    yield None


def _providers(world: World) -> list:
    made = [
        register(
            world, DEMO_PROVIDER, contact_email=PROVIDER_CONTACT,
            contact_name="Pat Provider", password=DEMO_PASSWORD,
        )
    ]  # fmt: skip
    for number, info in enumerate(content.PROVIDERS[:6], start=1):
        made.append(
            register(
                world, info, contact_email=f"courses{number}@provider.example.org",
                contact_name=f"{content.FIRST_NAMES[number]} "
                f"{content.LAST_NAMES[-number]}",
            )
        )  # fmt: skip
    return made


def _courses(world: World, start, providers) -> None:
    """Per set: an early course renewed since, an early one that lapsed, a recent
    one; the demo provider also has one waiting for the staff's decision."""
    demo, others = providers[0], providers[1:]
    demo_sets = {"technology": 0, "youth-services": 1, "access-services": 2}
    for number, (slug, competency_set) in enumerate(world.sets.items()):
        titles = content.COURSE_TITLES[slug]
        for kind in range(3):
            provider = demo if demo_sets.get(slug) == kind else others[
                (number + kind) % len(others)
            ]  # fmt: skip
            if kind < 2:
                begins = start + world.days(5, 40)
            else:
                begins = world.today - world.days(180, 700)
            world.timeline.start(
                world.at(begins),
                course_approval(
                    world, provider, competency_set, titles[kind],
                    method=world.rng.choice((PaymentMethod.CARD, PaymentMethod.CHECK)),
                    changes=kind == 2 and number % 3 == 0, renewals=int(kind == 0),
                ),
            )  # fmt: skip
    pending = world.sets["reference-and-information-services"]
    world.timeline.start(
        world.at(world.today - 12 * DAY),
        course_approval(
            world, demo, pending, content.COURSE_TITLES[pending.slug][3],
            method=PaymentMethod.CARD, decided=False,
        ),
    )  # fmt: skip


def _agreements(world: World):
    for program in content.RECOGNITION_PROGRAMS:
        agreement(world, program, signed_on=add_months(world.today, -59))
    yield None
