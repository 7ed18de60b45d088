"""A portfolio from first draft to decision: narratives written and evidence
uploaded through the builder's services, submitted and paid, reviewed by the
evaluators the program assigns (each at their own pace, blind to each other), a
third evaluator where two disagree, the committee's revision request, and the
candidate's revised resubmission."""

from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo import content, files
from evaluations.models import (
    Assignment,
    AssignmentState,
    CompetencyRating,
    Decision,
    Outcome,
)
from evaluations.reviews import Assessment, review_submit, revision_request
from evaluations.rules import Rating
from portfolios.content import evidence_add, evidence_link, narratives_save
from portfolios.models import EvidenceRole, PortfolioStatus
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit

from .payments import pay
from .world import World

# How a round of review goes: the first two evaluators' verdicts, then the third's.
ROUNDS = {
    "met": ("met", "met"),
    "not_met": ("not_met", "not_met"),
    "split-met": ("met", "not_met", "met"),
    "split-not_met": ("not_met", "met", "not_met"),
}
EVIDENCE_FILES = 3


def write(world: World, person, candidate, competency_set):
    """Open the portfolio and write it: a few evidence files and a narrative for
    every competency, each file linked to the competencies it shows."""
    portfolio = portfolio_open(
        candidate=candidate, competency_set=competency_set, by=candidate.user
    )
    user = candidate.user
    items = content.evidence_items(
        competency_set.slug, world.rng, EVIDENCE_FILES, library=person.library,
        author=user.full_name, position=person.position, dated=timezone.localdate(),
    )  # fmt: skip
    evidence = []
    for item in items:
        name, data = files.evidence_file(item)
        evidence.append(
            evidence_add(
                portfolio_id=portfolio.pk, upload=SimpleUploadedFile(name, data),
                title=item.title, description=item.description, by=user,
            )
        )  # fmt: skip
    competencies = list(competency_set.competencies.all())
    texts = {
        c.pk: content.narrative(
            c, library=person.library, position=person.position, rng=world.rng,
            evidence=items,
        )
        for c in competencies
    }  # fmt: skip
    narratives_save(portfolio_id=portfolio.pk, texts=texts, by=user)
    for competency in competencies:
        for item, stored in _supporting(items, evidence, competency.number):
            role = EvidenceRole.PRIMARY if item.competencies else EvidenceRole.SECONDARY
            evidence_link(
                evidence_id=stored.pk, competency_id=competency.pk, role=role, by=user
            )
    return portfolio


def _supporting(items, evidence, number: int) -> list:
    """The file that shows competency ``number``: one written for it, else a
    general one (a supervisor's letter), else the first."""
    pairs = list(zip(items, evidence, strict=True))
    direct = [(i, e) for i, e in pairs if number in i.competencies]
    general = [(i, e) for i, e in pairs if not i.competencies]
    return (direct or general or pairs)[:1]


def revise(world: World, person, portfolio):
    """Strengthen the narratives the committee asked about."""
    competencies = list(portfolio.competency_set.competencies.all())
    chosen = world.rng.sample(competencies, k=min(3, len(competencies)))
    texts = {
        c.pk: content.narrative(
            c, library=person.library, position=person.position, rng=world.rng
        )
        for c in chosen
    }
    narratives_save(portfolio_id=portfolio.pk, texts=texts, by=portfolio.candidate.user)


def journey(
    world: World, person, candidate, competency_set, *, rounds, method, stop="",
    writing=(12, 45),
):  # fmt: skip
    """Write, submit and pay; each of ``rounds`` (keys of ``ROUNDS``) is one review
    of a submission. ``stop="draft"`` leaves it unsubmitted; ``stop="review"``
    leaves the last round with its evaluators; ``"unpaid"`` waits for a check
    that has not come; ``"third"`` waits for the third evaluator; ``"decided"``
    for the committee's revision request; ``"revision"`` ends with the request
    unanswered. ``writing`` is how many days the candidate takes to write it."""
    portfolio = write(world, person, candidate, competency_set)
    yield world.days(*writing)
    if stop == "draft":
        return
    for number, story in enumerate(rounds, start=1):
        portfolio = portfolio_submit(portfolio_id=portfolio.pk, by=candidate.user)
        if portfolio.status == PortfolioStatus.AWAITING_PAYMENT:  # else free
            yield world.days(0, 1)
            if stop == "unpaid":
                portfolio_pay(portfolio=portfolio, method=method, return_url=None)
                return
            yield from pay(
                partial(portfolio_pay, portfolio=portfolio),
                method, clerk=world.clerk,
            )  # fmt: skip
        if stop == "review" and number == len(rounds):
            return
        last = number == len(rounds)
        verdicts = ROUNDS[story][:2] if stop == "third" and last else ROUNDS[story]
        yield from _reviews(world, portfolio, verdicts)
        portfolio.refresh_from_db()
        if portfolio.status != PortfolioStatus.UNDER_REVIEW:
            return  # achieved
        if stop in ("third", "decided") and last:
            return
        decision = Decision.objects.get(
            submission=portfolio.submissions.latest("number"),
            outcome=Outcome.REVISION,
        )
        yield world.days(4, 12)
        weak = _weakest(decision)
        revision_request(
            decision_id=decision.pk, by=world.committee,
            message=content.revision_message(world.rng, competencies=weak),
        )  # fmt: skip
        if stop == "revision":
            return
        yield world.days(20, 60)
        portfolio.refresh_from_db()
        revise(world, person, portfolio)
        yield world.days(1, 10)


def _weakest(decision) -> list[int]:
    """The competencies an evaluator found not met, by number."""
    return sorted(
        set(
            CompetencyRating.objects.filter(
                review__assignment__submission=decision.submission,
                rating=Rating.NOT_MET,
            ).values_list("competency__number", flat=True)
        )
    )[:4]


def _reviews(world: World, portfolio, verdicts):
    """Each assigned evaluator reviews in their own time; a third where needed."""
    submission = portfolio.submissions.latest("number")
    for place, found in enumerate(verdicts):
        third = place == 2
        assignment = None
        for _ in range(6):  # no evaluator free yet: staff assign one within days
            yield world.days(3, 16)
            assignment = (
                Assignment.objects.filter(
                    submission=submission, third_reviewer=third,
                    state=AssignmentState.ASSIGNED,
                )
                .select_related("evaluator__user")
                .order_by("assigned_at", "pk")
                .first()
            )  # fmt: skip
            if assignment is not None:
                break
        if assignment is None:
            return
        review_submit(
            evaluator=assignment.evaluator,
            assignment_id=assignment.pk,
            assessment=_assessment(world, portfolio, met=found == "met"),
        )


def _assessment(world: World, portfolio, *, met: bool) -> Assessment:
    competencies = list(portfolio.competency_set.competencies.all())
    ratings = {}
    for index, competency in enumerate(competencies):
        if met:
            rating = Rating.PARTIALLY_MET if index == 1 else Rating.MET
        else:
            rating = Rating.NOT_MET if index % 2 else Rating.PARTIALLY_MET
        ratings[competency.pk] = (rating, "")
    return Assessment(
        ratings=ratings,
        comments_for_candidate=content.review_comments(met, world.rng),
        comments_for_committee="" if met else "Evidence thin for several competencies.",
    )
