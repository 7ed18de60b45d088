"""Portfolios as the builder, payments and evaluations leave them: a narrative per
competency and evidence files linked to the competencies, submitted and paid,
frozen in a submission, reviewed by the evaluators assigned (a rating for every
competency, the verdict the pass rule gives), and decided by two agreeing reviews
or a third; a revision requested by the committee and the revised resubmission.
"""

from demo import content
from evaluations.models import (
    Assignment,
    AssignmentState,
    CompetencyRating,
    Decision,
    Outcome,
    Review,
)
from evaluations.rules import Rating, Verdict, verdict
from lssc.fees.models import FeeKind
from portfolios.models import (
    Evidence,
    EvidenceLink,
    EvidenceRole,
    Narrative,
    Portfolio,
    PortfolioStatus,
    Submission,
)

from . import text
from .journeys import Journey, PortfolioPlan, RoundPlan
from .program import Program
from .writes import copy_rows, dates_as_given, insert

DRAFT = PortfolioStatus.DRAFT
WAITING = PortfolioStatus.AWAITING_PAYMENT
REVIEW = PortfolioStatus.UNDER_REVIEW
MODELS = (Portfolio, Narrative, Evidence, Submission, Assignment, Review, Decision)


class Portfolios:
    def __init__(self, program: Program, trail, payments, writing: text.Writing):
        self.program = program
        self.trail = trail
        self.payments = payments
        self.writing = writing

    def write(self, journeys: list[Journey]) -> None:
        plans = [(j, p) for j in journeys for p in j.portfolios]
        if not plans:
            return
        with dates_as_given(*MODELS):
            portfolios = insert(
                Portfolio,
                [
                    Portfolio(
                        candidate_id=j.candidate.pk,
                        competency_set_id=p.set.pk,
                        status=p.reached,
                        created_at=p.opened_at,
                        updated_at=p.changed_at,
                    )
                    for j, p in plans
                ],
            )
            for (j, p), portfolio in zip(plans, portfolios, strict=True):
                p.pk = portfolio.pk
                self._content(j, p)
            self._narratives(plans)
            self._evidence(plans)
            self._fees(plans)
            rounds = [(j, p, r) for j, p in plans for r in p.rounds]
            self._submissions(rounds)
            self._reviews(rounds)
            self._decisions(rounds)
        for j, p in plans:
            self._trail(j, p)

    # Content ---------------------------------------------------------------------

    def _content(self, j: Journey, p: PortfolioPlan) -> None:
        """The narratives and evidence the candidate wrote, on the plan."""
        program = self.program
        rng = program.rng
        c = j.candidate
        written = p.submitted_at or program.now
        p.narratives = {
            cid: self.writing.narrative(cid, c.library, c.position)
            for cid in p.set.competencies[: p.drafted]
        }
        # What the first submission said, before the revision the committee asked.
        p.earlier = dict(p.narratives)
        if p.resubmitted_at:
            for cid in rng.sample(list(p.narratives), min(3, len(p.narratives))):
                p.earlier[cid] = self.writing.narrative(cid, c.library, c.position)
        files = rng.randint(2, 3) if p.submitted_at else rng.randint(0, 2)
        documents = rng.sample(self.writing.evidence_for(p.set.pk, p.set.slug), files)
        uploaded = sorted(
            p.opened_at + (written - p.opened_at) * rng.random() / 2 for _ in documents
        )
        p.evidence = list(zip(documents, uploaded, strict=True))
        p.links = []
        general = [i for i, d in enumerate(documents) if not d.competencies]
        for n, cid in enumerate(p.set.competencies[: p.drafted] if documents else ()):
            # Direct evidence where a file shows the competency; a general one
            # (a supervisor's letter) supports it otherwise.
            shows = [i for i, d in enumerate(documents) if cid in d.competencies]
            primary = (shows or general or [n % len(documents)])[0]
            p.links.append((primary, cid, EvidenceRole.PRIMARY))
            others = [i for i in shows[1:] + general if i != primary]
            if others:
                p.links.append((others[0], cid, EvidenceRole.SECONDARY))

    def _narratives(self, plans) -> None:
        rows = []
        for _, p in plans:
            at = p.resubmitted_at or p.submitted_at or p.opened_at
            rows += [(p.pk, cid, body, at) for cid, body in p.narratives.items()]
        copy_rows(
            Narrative, ["portfolio_id", "competency_id", "text", "updated_at"], rows
        )

    def _evidence(self, plans) -> None:
        field = Evidence._meta.get_field("file")
        rows = []
        for _, p in plans:
            for document, at in p.evidence:
                e = Evidence(
                    portfolio_id=p.pk,
                    name=document.name,
                    kind=document.kind,
                    size=document.size,
                    sha256=document.sha256,
                    title=document.title,
                    description=document.description,
                    uploaded_at=at,
                )
                e.file = self.program.files.store(
                    field.generate_filename(e, document.name),
                    document.data,
                    shared=document.sha256,
                )
                rows.append(e)
        created = iter(insert(Evidence, rows))
        links = []
        for _, p in plans:
            p.evidence_rows = [next(created) for _ in p.evidence]
            links += [(p.evidence_rows[i].pk, cid, role) for i, cid, role in p.links]
        copy_rows(EvidenceLink, ["evidence_id", "competency_id", "role"], links)

    def _fees(self, plans) -> None:
        rows, paying = [], []
        for j, p in plans:
            if p.payment is None:
                continue
            rows.append(
                self.payments.row(
                    p.payment,
                    payer_id=j.candidate.user_id,
                    kind=FeeKind.PORTFOLIO,
                    member=j.candidate.member,
                    description=f"Portfolio: {p.set.name}",
                    purpose_type=self.program.type_of(Portfolio),
                    purpose_id=p.pk,
                    institution=j.candidate.library.name,
                )
            )
            paying.append(p)
        for p, payment in zip(paying, self.payments.write(rows), strict=True):
            p.payment_row = payment

    # Review ----------------------------------------------------------------------

    def _snapshot(self, p: PortfolioPlan, r: RoundPlan) -> dict:
        narratives = p.earlier if r.number == 1 else p.narratives
        links = {}
        for i, cid, role in p.links:
            links.setdefault(i, []).append([cid, role])
        return {
            "narratives": {str(cid): body for cid, body in narratives.items()},
            "evidence": [
                {
                    "id": e.pk,
                    "title": e.title,
                    "description": e.description,
                    "name": e.name,
                    "kind": e.kind,
                    "size": e.size,
                    "sha256": e.sha256,
                    "links": links.get(i, []),
                }
                for i, e in enumerate(p.evidence_rows)
            ],
        }

    def _submissions(self, rounds) -> None:
        submissions = insert(
            Submission,
            [
                Submission(
                    portfolio_id=p.pk,
                    number=r.number,
                    submitted_at=r.frozen_at,
                    snapshot=self._snapshot(p, r),
                )
                for _, p, r in rounds
            ],
        )
        for (_, _, r), submission in zip(rounds, submissions, strict=True):
            r.pk = submission.pk

    def _reviews(self, rounds) -> None:
        due = self.program.rules.REVIEW_DUE_DAYS
        program = self.program
        plans = [(p, r, x) for _, p, r in rounds for x in r.reviews]
        assignments = insert(
            Assignment,
            [
                Assignment(
                    submission_id=r.pk,
                    evaluator_id=x.evaluator.pk,
                    third_reviewer=x.third,
                    state=AssignmentState.SUBMITTED
                    if x.submitted_at
                    else AssignmentState.ASSIGNED,
                    assigned_at=x.assigned_at,
                    due_on=program.local(x.assigned_at) + program.days(due, due),
                    closed_at=x.submitted_at,
                )
                for p, r, x in plans
            ],
        )
        for (_, _, x), assignment in zip(plans, assignments, strict=True):
            x.pk = assignment.pk
        done = [(p, r, x) for p, r, x in plans if x.submitted_at]
        rng = program.rng
        reviews = insert(
            Review,
            [
                Review(
                    assignment_id=x.pk,
                    comments_for_candidate=content.review_comments(
                        x.verdict == Verdict.MET, rng
                    ),
                    verdict=x.verdict,
                    updated_at=x.submitted_at,
                    submitted_at=x.submitted_at,
                )
                for _, _, x in done
            ],
        )
        rows = []
        for (p, r, x), review in zip(done, reviews, strict=True):
            for cid, rating in zip(
                p.set.competencies, self._ratings(p, x.verdict), strict=True
            ):
                comment = (
                    rng.choice(text.RATING_COMMENTS) if rating != Rating.MET else ""
                )
                rows.append((review.pk, cid, rating, comment))
                if rating == Rating.NOT_MET:
                    r.not_met.add(cid)
        copy_rows(
            CompetencyRating, ["review_id", "competency_id", "rating", "comment"], rows
        )

    def _ratings(self, p: PortfolioPlan, wanted: str) -> list[str]:
        """A rating per competency that gives ``wanted`` under the pass rule."""
        rng = self.program.rng
        n = len(p.set.competencies)
        ratings = [Rating.MET] * n
        percent = self.program.rules.PORTFOLIO_PASS_MET_PERCENT
        if wanted == Verdict.MET:
            for i in rng.sample(range(n), rng.randint(0, n * (100 - percent) // 100)):
                ratings[i] = Rating.PARTIALLY_MET
        else:
            marked = rng.sample(range(n), min(n, rng.randint(1, 4)))
            for i in marked:
                ratings[i] = Rating.NOT_MET
            for i in rng.sample(range(n), rng.randint(0, n // 4)):
                if i not in marked:
                    ratings[i] = Rating.PARTIALLY_MET
        if verdict(ratings, pass_percent=percent) != wanted:  # a bug here, not data
            raise ValueError(f"Ratings {ratings} do not give the verdict {wanted}.")
        return ratings

    def _decisions(self, rounds) -> None:
        officer = self.program.officer
        rng = self.program.rng
        decided = [r for _, _, r in rounds if r.outcome]
        numbers = {pk: c.number for pk, c in self.writing.competencies.items()}
        for r in decided:
            named = sorted(numbers[cid] for cid in r.not_met)[:3]
            sent = r.revision_sent_at is not None
            r.message = content.revision_message(rng, named) if sent else ""
        insert(
            Decision,
            [
                Decision(
                    submission_id=r.pk,
                    outcome=r.outcome,
                    by_third_reviewer=r.by_third,
                    decided_at=r.decided_at,
                    revision_message=r.message,
                    recommended_course_id=r.recommended.pk if r.recommended else None,
                    revision_sent_at=r.revision_sent_at,
                    revision_sent_by=officer if r.revision_sent_at else None,
                )
                for r in decided
            ],
        )

    # The audit trail ------------------------------------------------------------

    def _trail(self, j: Journey, p: PortfolioPlan) -> None:
        add = self.trail.add
        user = j.candidate.user_id
        name = p.set.name
        add(
            Portfolio,
            p.pk,
            p.opened_at,
            "portfolio.opened",
            f"Portfolio for {name} started",
            owner=user,
            actor=user,
            target=DRAFT,
        )
        for e in p.evidence_rows:
            add(
                Portfolio,
                p.pk,
                e.uploaded_at,
                "portfolio.evidence_added",
                f"Evidence “{e.title}” added ({e.name})",
                owner=user,
                actor=user,
            )
        if not p.submitted_at:
            return
        add(
            Portfolio,
            p.pk,
            p.submitted_at,
            "portfolio.submitted",
            "Portfolio submitted",
            owner=user,
            actor=user,
            source=DRAFT,
            target=WAITING,
        )
        for r in p.rounds:
            if r.number == 1:
                paid_by = p.payment_row.received_by_id
            else:  # a resubmission costs nothing: sent for review as submitted
                add(
                    Portfolio,
                    p.pk,
                    p.resubmitted_at,
                    "portfolio.submitted",
                    "Portfolio submitted",
                    owner=user,
                    actor=user,
                    source=PortfolioStatus.REVISION_REQUESTED,
                    target=WAITING,
                )
                paid_by = user
            add(
                Portfolio,
                p.pk,
                r.frozen_at,
                "portfolio.under_review",
                f"Portfolio submission {r.number} paid and sent for review",
                owner=user,
                actor=paid_by,
                source=WAITING,
                target=REVIEW,
            )
            self._round_trail(p, r, user)

    def _round_trail(self, p: PortfolioPlan, r: RoundPlan, user) -> None:
        add = self.trail.add
        for x in r.reviews:
            add(
                Portfolio,
                p.pk,
                x.assigned_at,
                "evaluation.assigned",
                "A third evaluator was assigned"
                if x.third
                else "An evaluator was assigned",
                owner=user,
            )
            if x.submitted_at:
                add(
                    Assignment,
                    x.pk,
                    x.submitted_at,
                    "evaluation.review_submitted",
                    "Review submitted",
                    actor=x.evaluator.user_id,
                    source=AssignmentState.ASSIGNED,
                    target=AssignmentState.SUBMITTED,
                )
        if r.outcome == Outcome.ACHIEVED:
            add(
                Portfolio,
                p.pk,
                r.decided_at,
                "portfolio.achieved",
                f"{p.set.name} achieved by portfolio",
                owner=user,
                source=REVIEW,
                target=PortfolioStatus.ACHIEVED,
            )
        elif r.outcome == Outcome.REVISION:
            add(
                Portfolio,
                p.pk,
                r.decided_at,
                "portfolio.revision",
                "The evaluators found the portfolio not yet sufficient",
                owner=user,
                source=REVIEW,
                target=REVIEW,
            )
            if r.revision_sent_at:
                add(
                    Portfolio,
                    p.pk,
                    r.revision_sent_at,
                    "portfolio.revision_requested",
                    "Revision requested by the committee",
                    owner=user,
                    actor=self.program.officer.pk,
                    source=REVIEW,
                    target=PortfolioStatus.REVISION_REQUESTED,
                    reason=r.message,
                )
