"""Who is in the demo and what their history is: the plans the story runs.

Dates are counted back from today, so the demo always looks current: the program
began five years ago; the first holders are renewing or have lapsed, later ones
are in their period, and candidates and applicants are at every stage. The demo
accounts (``*@demo.lssc.test``) are planned so each one has work waiting.
"""

from candidates.enums import Education, HowHeard
from demo import content
from lssc.core.dates import add_months
from lssc.payments.enums import PaymentMethod

from .accounts import DEMO_PASSWORD
from .applicants import Person
from .candidates import Plan, SetPlan
from .world import DAY, World

CARD, CHECK, ORDER = (
    PaymentMethod.CARD,
    PaymentMethod.CHECK,
    PaymentMethod.PURCHASE_ORDER,
)
REQUIRED = (
    "foundations-of-library-service",
    "communication-and-teamwork",
    "technology",
)


def person(world: World, index: int, *, email=None, name=None, password=None,
           **extra) -> Person:  # fmt: skip
    first = content.FIRST_NAMES[(index * 7) % len(content.FIRST_NAMES)]
    last = content.LAST_NAMES[(index * 11) % len(content.LAST_NAMES)]
    full_name = name or f"{first} {last}"
    library = content.LIBRARIES[index % len(content.LIBRARIES)]
    return Person(
        full_name=full_name,
        email=email or f"{first}.{last}{index}@example.org".lower().replace("'", ""),
        library=library,
        position=content.position_for(library, world.rng),
        days_worked=world.rng.randint(3 * 365, 12 * 365),
        hours_per_week=world.rng.choice((20, 25, 30, 35, 40, 40, 40)),
        ala_member=world.rng.random() < 0.25,
        how_heard=world.rng.choice(list(HowHeard.values)[:-1]),
        password=password,
        **extra,
    )


def _electives(world: World, count=3) -> list[str]:
    electives = [s.slug for s in world.electives]
    return world.rng.sample(electives, count)


def certified(world: World, index: int, *, applies_on, weeks: int, **extra) -> Plan:
    """Six sets within ``weeks`` of admission: a recognised degree or courses for
    most, one or two portfolios (some sent back for revision, some decided by a
    third evaluator)."""
    slugs = [*REQUIRED, *_electives(world)]
    world.rng.shuffle(slugs)
    span = weeks * 7
    sets = []
    portfolios = 1 + (index % 3 == 0)
    for position, slug in enumerate(slugs):
        after = 20 + position * (span - 150) // len(slugs)
        if position < portfolios:
            rounds = world.rng.choice(
                [("met",), ("met",), ("split-met",), ("not_met", "met")]
            )
            sets.append(SetPlan(slug, "portfolio", after, rounds=rounds,
                                pay=world.rng.choice((CARD, CARD, CHECK))))  # fmt: skip
        else:
            sets.append(SetPlan(slug, "course", max(after, 90)))
    return Plan(
        person(world, index, **extra.pop("person", {})),
        applies_on, pay=world.rng.choice((CARD, CARD, CHECK)), sets=sets, **extra,
    )  # fmt: skip


def plans(world: World) -> list[Plan]:
    today = world.today
    plans = []
    index = 100
    # The first holders: renewed, in grace, lapsed; then in their renewal window.
    for months_ago, renew in ((58, "approved"), (57, "approved"), (56, "approved"),
                              (59, ""), (54, "")):  # fmt: skip
        index += 1
        plans.append(certified(
            world, index, applies_on=add_months(today, -months_ago), weeks=34,
            activities=6 if renew else 2, renew=renew,
        ))  # fmt: skip
    for months_ago, renew in ((50, "in_review"), (47, ""), (45, "")):
        index += 1
        plans.append(certified(
            world, index, applies_on=add_months(today, -months_ago), weeks=40,
            activities=6 if renew else 3, renew=renew,
        ))  # fmt: skip
    # Holders certified in the last three years.
    for months_ago in (40, 34, 30, 26, 22, 19, 16):
        index += 1
        plans.append(certified(
            world, index, applies_on=add_months(today, -months_ago), weeks=44,
            activities=world.rng.randint(1, 3), listed=world.rng.random() < 0.8,
        ))  # fmt: skip
    plans += in_progress(world, index)
    plans += past_deadline(world, index + 40)
    plans += applicants(world)
    plans += demo_candidates(world)
    return plans


def in_progress(world: World, index: int) -> list[Plan]:
    """Candidates working on their sets now, with something waiting on staff,
    evaluators or themselves. A step's day is counted after admission, or, when
    negative, back from today (so what waits has the age the queues show)."""
    today = world.today
    plans = []
    stages = [
        # (months since applying, [(method, stop, day)])
        # Near their four-year deadline, with sets still to achieve.
        (44, [("course", "", 120), ("portfolio", "", 300), ("course", "", 700)]),
        (40, [("portfolio", "", 200), ("portfolio", "draft", -45)]),
        (15, [("course", "", 60), ("portfolio", "", 30), ("portfolio", "review", -40)]),
        (13, [("course", "", 90), ("portfolio", "review", -30)]),
        (
            12,
            [("portfolio", "", 40), ("course", "", 100), ("portfolio", "review", -14)],
        ),
        (11, [("course", "unverified", -10), ("portfolio", "review", -6)]),
        (10, [("recognition", "", 60), ("portfolio", "revision", 120)]),
        (9, [("course", "", 80), ("portfolio", "decided", -60)]),
        (9, [("portfolio", "third", -70)]),
        (8, [("course", "", 60), ("portfolio", "draft", -20)]),
        (7, [("portfolio", "unpaid", -12)]),
        (6, [("course", "unverified", -5), ("portfolio", "review", -25)]),
        (5, [("course", "", 60)]),
        (4, [("recognition", "unverified", -9)]),
        (3, [("portfolio", "draft", -30)]),
        (2, []),
        (1, []),
    ]
    recognised = content.RECOGNITION_PROGRAMS
    for number, (months_ago, steps) in enumerate(stages):
        index += 1
        slugs = [*REQUIRED, *_electives(world)]
        world.rng.shuffle(slugs)
        sets = []
        for (method, stop, day), slug in zip(steps, slugs, strict=False):
            if method == "recognition":
                slug = recognised[number % len(recognised)].set_slugs[0]
            rounds = {
                "revision": ("not_met", "met"),
                "decided": ("not_met",),
                "third": ("split-met",),
            }.get(stop, ("met",))
            sets.append(SetPlan(slug, method, day, rounds=rounds, stop=stop,
                                pay=CHECK if stop == "unpaid" else CARD))  # fmt: skip
        plans.append(Plan(
            person(world, index), add_months(today, -months_ago),
            pay=world.rng.choice((CARD, CHECK)), sets=sets,
        ))  # fmt: skip
    return plans


def past_deadline(world: World, index: int) -> list[Plan]:
    """Candidacies whose four years ran out with sets still to achieve: one asked
    for more time and waits for staff, one was granted it and began a portfolio,
    one asked for nothing (staff see it in their queue of ended candidacies)."""
    today = world.today
    plans = []
    for number, (months_ago, more_time) in enumerate(
        ((50, "asked"), (49, "granted"), (51, ""))
    ):
        slugs = [*REQUIRED, *_electives(world)]
        world.rng.shuffle(slugs)
        sets = [
            SetPlan(slug, "course", 120 + 330 * n) for n, slug in enumerate(slugs[:3])
        ]
        plans.append(Plan(
            person(world, index + number), add_months(today, -months_ago),
            pay=CARD, sets=sets, more_time=more_time, listed=False,
        ))  # fmt: skip
    return plans


def applicants(world: World) -> list[Plan]:
    """Applications not (yet) admitted: a check in the mail, a credential to
    assess, one refused."""
    today = world.today
    return [
        Plan(person(world, 201), today - 3 * DAY, pay=CHECK),
        Plan(person(world, 202), today - 2 * DAY, pay=CHECK),
        Plan(person(world, 203, education=Education.OUTSIDE_US), today - 2 * DAY),
        Plan(
            person(world, 204, education=Education.OUTSIDE_US),
            today - 40 * DAY,
            accepted=False,
        ),
        Plan(person(world, 205), today - 1 * DAY, pays=False),
        # Paid by the library's purchase order: invoiced, the payment on its way.
        Plan(person(world, 206), today - 4 * DAY, pay=ORDER),
    ]


def demo_candidates(world: World) -> list[Plan]:
    """candidate1 is half way, with a revision request to answer and a draft;
    candidate2 is certified with the renewal window open."""
    today = world.today
    cara = Plan(
        person(world, 1, email="candidate1@demo.lssc.test", name="Cara Candidate",
               password=DEMO_PASSWORD),
        add_months(today, -14),
        sets=[
            SetPlan("technology", "course", 70),
            SetPlan("foundations-of-library-service", "portfolio", 40),
            SetPlan("communication-and-teamwork", "portfolio", 220,
                    rounds=("not_met", "met"), stop="revision"),
            SetPlan("youth-services", "portfolio", 390, stop="draft"),
        ],
    )  # fmt: skip
    cody = certified(
        world, 2, applies_on=add_months(today, -44), weeks=30, activities=3,
        person={"email": "candidate2@demo.lssc.test", "name": "Cody Candidate",
                "password": DEMO_PASSWORD},
    )  # fmt: skip
    return [cara, cody]
