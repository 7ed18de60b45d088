"""Each candidate's way to the six sets, planned before any row is written: which
sets, by which route, and when each step happened. Steps after now have not
happened: the candidate is caught wherever today finds them (a draft portfolio, a
fee unpaid, reviews still out, a completion waiting for staff).

The rules the plan keeps are the ones ``check_data`` checks: a set is achieved by
a portfolio decided by two agreeing reviews or a third, by a verified completion
of a course approved for that set on the completion date, or by a verified claim
under an agreement covering it; three required sets and three electives certify,
and a candidate certified stops there, so every holder has exactly those six.
"""

import datetime
from dataclasses import dataclass, field

from candidates.enums import AchievementMethod
from courses.models import ReviewState
from courses.rules import completion_counts
from evaluations.models import Outcome
from evaluations.rules import Verdict
from lssc.core.dates import add_months
from portfolios.models import PortfolioStatus

from . import payments as payment_plans
from .catalog import AgreementInfo, CourseInfo
from .evaluators import EvaluatorInfo, Evaluators
from .people import CandidateInfo
from .program import DAY, Program, SetInfo

# How a round of review goes: the first two verdicts, then the third's if they
# differ; how often each happens on a first and on a later submission.
ROUNDS = {
    "met": (Verdict.MET, Verdict.MET),
    "not_met": (Verdict.NOT_MET, Verdict.NOT_MET),
    "split-met": (Verdict.MET, Verdict.NOT_MET, Verdict.MET),
    "split-not_met": (Verdict.NOT_MET, Verdict.MET, Verdict.NOT_MET),
}
FIRST_ROUND = {"met": 78, "not_met": 8, "split-met": 9, "split-not_met": 5}
LATER_ROUND = {"met": 85, "split-met": 15}
RECOGNITION = 0.05  # candidates who graduated from a recognised LTA program
IDLE = 0.10  # candidates admitted who have not started on any set
BY_COURSE = 0.5  # sets taken by an approved course rather than a portfolio


@dataclass
class ReviewPlan:
    evaluator: EvaluatorInfo
    third: bool
    assigned_at: datetime.datetime
    submitted_at: datetime.datetime | None  # None while the review is still out
    verdict: str | None


@dataclass
class RoundPlan:
    """One submission of a portfolio and its review."""

    number: int
    frozen_at: datetime.datetime
    reviews: list[ReviewPlan] = field(default_factory=list)
    outcome: str | None = None
    by_third: bool = False
    decided_at: datetime.datetime | None = None
    revision_sent_at: datetime.datetime | None = None
    recommended: CourseInfo | None = None
    not_met: set = field(default_factory=set)  # competencies a reviewer rated so


@dataclass
class PortfolioPlan:
    set: SetInfo
    opened_at: datetime.datetime
    reached: str = PortfolioStatus.DRAFT  # the state it is in now
    submitted_at: datetime.datetime | None = None
    payment: payment_plans.PaymentPlan | None = None
    rounds: list[RoundPlan] = field(default_factory=list)
    resubmitted_at: datetime.datetime | None = None
    drafted: int = 0  # competencies with a narrative so far

    @property
    def changed_at(self) -> datetime.datetime:
        times = [self.opened_at, self.submitted_at, self.resubmitted_at]
        for r in self.rounds:
            times += [r.frozen_at, r.revision_sent_at]
            if self.reached == PortfolioStatus.ACHIEVED:
                times.append(r.decided_at)
        return max(t for t in times if t)


@dataclass
class CompletionPlan:
    set: SetInfo
    course: CourseInfo
    completed_on: datetime.date
    recorded_at: datetime.datetime
    form: bool
    decision: str = ReviewState.PENDING
    decided_at: datetime.datetime | None = None
    reason: str = ""


@dataclass
class ClaimPlan:
    agreement: AgreementInfo
    graduated_on: datetime.date
    filed_at: datetime.datetime
    decision: str = ReviewState.PENDING
    decided_at: datetime.datetime | None = None
    reason: str = ""


@dataclass
class Achieved:
    set: SetInfo
    method: str
    at: datetime.datetime
    note: str
    actor: int | None


@dataclass
class Journey:
    candidate: CandidateInfo
    portfolios: list[PortfolioPlan] = field(default_factory=list)
    completions: list[CompletionPlan] = field(default_factory=list)
    claims: list[ClaimPlan] = field(default_factory=list)
    achieved: list[Achieved] = field(default_factory=list)
    certified_at: datetime.datetime | None = None
    listed_at: datetime.datetime | None = None
    revoked_at: datetime.datetime | None = None
    extension: tuple[datetime.date, datetime.datetime] | None = None

    def has(self, s: SetInfo) -> bool:
        return any(a.set is s for a in self.achieved)


class Planner:
    def __init__(
        self,
        program: Program,
        evaluators: Evaluators,
        courses: dict[int, list[CourseInfo]],
        agreements: list[AgreementInfo],
    ):
        self.program = program
        self.evaluators = evaluators
        self.courses = courses
        self.agreements = agreements

    def journey(self, candidate: CandidateInfo) -> Journey:
        program = self.program
        rng = program.rng
        j = Journey(candidate)
        at = program.later(candidate.admitted_at, 3, 60)
        if self.agreements and rng.random() < RECOGNITION:
            at = self._claim(j, at)
        targets = program.required + rng.sample(program.electives, 3)
        rng.shuffle(targets)
        if rng.random() < IDLE:
            targets = []
        pace = rng.randint(30, 300)  # days between one set and the next
        for target in targets:
            if at is None or not program.past(at):
                break
            if j.has(target):
                continue
            done = self._set(j, target, at)
            at = done and program.later(done, 0, pace)
        self._certify(j)
        self._extend(j)
        return j

    # One set ----------------------------------------------------------------------

    def _set(self, j: Journey, s: SetInfo, at) -> datetime.datetime | None:
        """Work on set ``s`` from ``at``; when it was achieved, or ``None``."""
        if self.courses.get(s.pk) and self.program.rng.random() < BY_COURSE:
            turn = self._course(j, s, at)
            if turn is None or j.has(s):
                return turn  # under way or waiting; or when it was achieved
            at = turn  # no course fitted, or it was not accepted: a portfolio
        return self._portfolio(j, s, at)

    def _course(self, j: Journey, s: SetInfo, at) -> datetime.datetime | None:
        """Take a course of the set: ``None`` while it is under way or waiting for
        staff, else when the set was achieved, or when to turn to a portfolio
        (no course fits, or the completion was not accepted)."""
        program = self.program
        rng = program.rng
        retro = program.rules.COURSE_RETROACTIVE_YEARS
        for _ in range(6):
            course = rng.choice(self.courses[s.pk])
            completed_on = program.local(at) + DAY * 7 * course.weeks
            if completion_counts(completed_on, course.periods, retro):
                break
        else:
            return at
        if completed_on > program.today:
            return None
        plan = CompletionPlan(
            s,
            course,
            completed_on,
            program.moment(completed_on + program.days(1, 30)),
            form=rng.random() < 0.65,
        )
        if not program.past(plan.recorded_at):
            return None
        j.completions.append(plan)
        decided = program.later(plan.recorded_at, 2, 25)
        if not program.past(decided):
            return None
        plan.decided_at = decided
        if plan.form and rng.random() < 0.05:
            plan.decision = ReviewState.REJECTED
            plan.reason = "The form is not signed by the instructor."
            return program.later(decided, 7, 60)
        plan.decision = ReviewState.VERIFIED
        actor = program.officer.pk if plan.form else course.contact_id
        note = f"{course.title}, completed {completed_on:%Y-%m-%d}"
        j.achieved.append(Achieved(s, AchievementMethod.COURSE, decided, note, actor))
        return decided

    def _portfolio(self, j: Journey, s: SetInfo, at) -> datetime.datetime | None:
        program = self.program
        rng = program.rng
        p = PortfolioPlan(s, at)
        j.portfolios.append(p)
        submitted = program.later(at, 21, 120)
        if not program.past(submitted):
            p.drafted = rng.randint(0, len(s.competencies))
            return None
        p.drafted = len(s.competencies)
        p.submitted_at = submitted
        p.reached = PortfolioStatus.AWAITING_PAYMENT
        payment = payment_plans.plan(program, program.soon(submitted, 60 * 24 * 5))
        p.payment = payment if program.past(payment.created_at) else None
        if payment.paid_at is None:
            return None
        first = self._round(j, p, 1, payment.paid_at, FIRST_ROUND)
        if first.outcome != Outcome.REVISION:
            return first.decided_at
        sent = program.later(first.decided_at, 2, 14)
        if not program.past(sent):
            return None
        first.revision_sent_at = sent
        if rng.random() < 0.3:
            day = program.local(sent)
            first.recommended = next(
                (
                    c
                    for c in self.courses.get(s.pk, [])
                    if any(a <= day < b for a, b in c.periods)
                ),
                None,
            )
        p.reached = PortfolioStatus.REVISION_REQUESTED
        resubmitted = program.later(sent, 14, 90)
        if not program.past(resubmitted):
            return None
        p.resubmitted_at = resubmitted
        return self._round(
            j, p, 2, program.soon(resubmitted, 2), LATER_ROUND
        ).decided_at

    def _round(self, j, p: PortfolioPlan, number, frozen_at, stories) -> RoundPlan:
        """A submission reviewed: two evaluators, a third if they differ."""
        program = self.program
        rng = program.rng
        story = rng.choices(list(stories), list(stories.values()))[0]
        verdicts = ROUNDS[story]
        r = RoundPlan(number, frozen_at)
        p.rounds.append(r)
        p.reached = PortfolioStatus.UNDER_REVIEW
        assigned = program.soon(frozen_at, 10)
        for verdict in verdicts[:2]:
            self._review(j, p, r, assigned, verdict, third=False)
        done = [x.submitted_at for x in r.reviews if x.submitted_at]
        if len(done) < 2:
            return r
        decided = max(done)
        if len(verdicts) == 3:
            review = self._review(j, p, r, decided, verdicts[2], third=True)
            if review is None or review.submitted_at is None:
                return r
            decided = review.submitted_at
        r.outcome = (
            Outcome.ACHIEVED if verdicts[-1] == Verdict.MET else Outcome.REVISION
        )
        r.by_third = len(verdicts) == 3
        r.decided_at = decided
        if r.outcome == Outcome.ACHIEVED:
            p.reached = PortfolioStatus.ACHIEVED
            j.achieved.append(
                Achieved(p.set, AchievementMethod.PORTFOLIO, decided, "", None)
            )
        return r

    def _review(self, j, p, r, assigned, verdict, *, third) -> ReviewPlan | None:
        program = self.program
        submitted = program.later(assigned, 3, 24 if not third else 20)
        stays_open = not program.past(submitted)
        evaluator = self.evaluators.choose(
            p.set,
            j.candidate.library.name,
            [x.evaluator for x in r.reviews],
            stays_open=stays_open,
        )
        if evaluator is None:
            return None
        review = ReviewPlan(
            evaluator,
            third,
            assigned,
            None if stays_open else submitted,
            None if stays_open else verdict,
        )
        r.reviews.append(review)
        return review

    # Recognition ----------------------------------------------------------------

    def _claim(self, j: Journey, at) -> datetime.datetime | None:
        """A graduate's claim, filed soon after admission. Verified, it achieves the
        six sets its agreement covers; ``None`` then (or while it waits), else when
        to go on by other routes."""
        program = self.program
        rng = program.rng
        graduated = program.local(j.candidate.admitted_at) - program.days(20, 700)
        covering = [a for a in self.agreements if a.covers(graduated)]
        if not covering:
            return at
        claim = ClaimPlan(rng.choice(covering), graduated, at)
        j.claims.append(claim)
        decided = program.later(at, 3, 30)
        if not program.past(decided):
            return None
        claim.decided_at = decided
        if rng.random() < 0.08:
            claim.decision = ReviewState.REJECTED
            claim.reason = (
                "The transcript does not show that the program was completed."
            )
            return program.later(decided, 7, 60)
        claim.decision = ReviewState.VERIFIED
        for s in program.sets:
            if s.pk in claim.agreement.set_pks:
                j.achieved.append(
                    Achieved(
                        s,
                        AchievementMethod.RECOGNITION,
                        decided,
                        claim.agreement.name,
                        program.officer.pk,
                    )
                )
        return None

    # The end of the candidacy -----------------------------------------------------

    def _certify(self, j: Journey) -> None:
        program = self.program
        required = [a for a in j.achieved if a.set.is_required]
        electives = [a for a in j.achieved if not a.set.is_required]
        if (
            len(required) < program.rules.REQUIRED_SETS
            or len(electives) < program.rules.ELECTIVE_SETS
        ):
            return
        j.certified_at = max(a.at for a in j.achieved)
        rng = program.rng
        if rng.random() < 0.4:
            listed = program.later(j.certified_at, 0, 20)
            j.listed_at = listed if program.past(listed) else None
        if rng.random() < 0.003:
            revoked = program.later(j.certified_at, 30, 400)
            j.revoked_at = revoked if program.past(revoked) else None

    def _extend(self, j: Journey) -> None:
        """Staff extend some deadlines that come soon, for candidates not yet
        certified (a leave, an illness), before the deadline passes."""
        program = self.program
        deadline = j.candidate.deadline
        if j.certified_at or (deadline - program.today).days > 180:
            return
        if program.rng.random() < 0.3:
            at = program.moment(deadline - program.days(14, 90))
            if program.past(at):
                new = add_months(deadline, program.rng.choice((6, 12)))
                j.extension = (new, at)
