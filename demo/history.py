"""A few years of program history for the demo site, so every staff page and report
has something to show: applicants and candidates (from ``generate_dataset``),
approved courses (``generate_courses``), certifications at every stage of the
renewal cycle, evaluated portfolios with their reviews, and the fees they paid.

Rows are written in bulk, as the generators do, with repeatable random choices.
The demo evaluators review the portfolios, so their pages and the evaluator
reports agree.
"""

import datetime
import random
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from candidates.enums import AchievementMethod
from candidates.models import Achievement, Candidate, Certification
from courses.models import Course, Provider, ProviderContact
from evaluations.models import (
    Assignment,
    AssignmentState,
    Decision,
    Evaluator,
    Outcome,
    Review,
)
from evaluations.rules import Verdict
from lssc.accounts.models import User
from lssc.competencies.models import CompetencySet
from lssc.core.dates import add_months
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.payments.models import Payment, PaymentMethod, PaymentStatus
from portfolios.models import Portfolio, PortfolioStatus, Submission
from renewals.models import Renewal, RenewalStatus

from .dataset import dates_as_given

DAY = datetime.timedelta(days=1)


def build(*, officer, candidates=160, courses=60, seed=11) -> None:
    call_command(
        "generate_dataset", candidates=candidates, seed=seed, officer=officer.email,
        stdout=StringIO(),
    )  # fmt: skip
    call_command("generate_courses", courses=courses, seed=seed, stdout=StringIO())
    History(officer, seed).write()


class History:
    def __init__(self, officer, seed):
        self.officer = officer
        self.rng = random.Random(seed)  # noqa: S311 (repeatable fake data)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.evaluators = list(Evaluator.objects.filter(trained_on__isnull=False))
        self.payments = []

    def write(self):
        with (
            transaction.atomic(),
            dates_as_given(Submission, Assignment, Decision, Payment, Renewal),
        ):
            self._certifications()
            if len(self.evaluators) >= 2:
                self._evaluated_portfolios()
                self._portfolios_in_review()
            self._course_fees()
            Payment.objects.bulk_create(self.payments)

    # --- Certifications and renewals ------------------------------------------

    def _certifications(self):
        """One candidate in six admitted over a year ago is certified: spread from
        recent awards to holders in their window, in grace or lapsed."""
        pool = list(
            Candidate.objects.filter(admitted_on__lte=self.today - 365 * DAY)
            .select_related("user")
            .order_by("pk")
        )
        chosen = self.rng.sample(pool, k=max(1, len(pool) // 6))
        certifications = []
        for candidate in chosen:
            room = (self.today - candidate.admitted_on).days
            certified_on = candidate.admitted_on + self.rng.randint(200, room) * DAY
            certifications.append(self._certification(candidate, certified_on))
        # Some holders certified four years ago: in their window, grace or lapsed.
        for months_ago in (40, 44, 47, 49, 50, 53):
            candidate = pool.pop(0) if pool else None
            if candidate is None or candidate in chosen:
                continue
            certified_on = add_months(self.today, -months_ago)
            certifications.append(self._certification(candidate, certified_on))
        created = Certification.objects.bulk_create(certifications)
        self._renewals(created)

    def _certification(self, candidate, certified_on) -> Certification:
        years = rules().CERTIFICATION_YEARS
        return Certification(
            candidate=candidate,
            certified_on=certified_on,
            period_starts_on=certified_on,
            expires_on=add_months(certified_on, 12 * years),
        )

    def _renewals(self, created):
        """Half the holders in their window have applied to renew; most were
        approved."""
        renewal_fee = fee_for(FeeKind.RENEWAL)
        certification_type = ContentType.objects.get_for_model(Certification)
        renewals = []
        for certification in created:
            if certification.expires_on - self.today > 365 * DAY:
                continue
            if self.rng.random() < 0.5:
                continue
            submitted = self.now - self.rng.randint(1, 40) * DAY
            decided = self.rng.random() < 0.6
            renewals.append(
                Renewal(
                    certification=certification,
                    period_expires_on=certification.expires_on,
                    status=RenewalStatus.APPROVED
                    if decided
                    else RenewalStatus.IN_REVIEW,
                    hours=32,
                    technology_hours=6,
                    submitted_at=submitted,
                    in_review_since=submitted,
                    decided_at=submitted + 5 * DAY if decided else None,
                    decided_by=self.officer if decided else None,
                )
            )
            self.payments.append(
                self._payment(
                    certification.candidate.user, FeeKind.RENEWAL, renewal_fee,
                    certification_type, certification.pk, submitted,
                )
            )  # fmt: skip
        Renewal.objects.bulk_create(renewals)

    # --- Portfolios -------------------------------------------------------------

    def _evaluated_portfolios(self):
        """Every set achieved by portfolio has its portfolio, two (or three)
        reviews and the decision; some candidates also have a revision request."""
        achievements = list(
            Achievement.objects.filter(method=AchievementMethod.PORTFOLIO)
            .select_related("candidate__user")
            .order_by("pk")
        )
        revisions = self.rng.sample(achievements, k=len(achievements) // 5)
        portfolios = Portfolio.objects.bulk_create(
            Portfolio(
                candidate=a.candidate,
                competency_set_id=a.competency_set_id,
                status=PortfolioStatus.ACHIEVED,
            )
            for a in achievements
        )
        fee = fee_for(FeeKind.PORTFOLIO)
        portfolio_type = ContentType.objects.get_for_model(Portfolio)
        plans = []
        for achievement, portfolio in zip(achievements, portfolios, strict=True):
            decided = timezone.make_aware(
                datetime.datetime.combine(achievement.achieved_on, datetime.time(11))
            )
            if achievement in revisions:  # a first try sent back, then met
                plans.append((portfolio, 1, decided - 70 * DAY, Outcome.REVISION))
                plans.append((portfolio, 2, decided, Outcome.ACHIEVED))
            else:
                plans.append((portfolio, 1, decided, Outcome.ACHIEVED))
        for portfolio, number, decided, _ in plans:
            if number == 1:
                self.payments.append(
                    self._payment(
                        portfolio.candidate.user, FeeKind.PORTFOLIO, fee,
                        portfolio_type, portfolio.pk, decided - 30 * DAY,
                    )
                )  # fmt: skip
        self._reviews(plans)

    def _reviews(self, plans):
        submissions = Submission.objects.bulk_create(
            Submission(
                portfolio=portfolio, number=number, snapshot={},
                submitted_at=decided - self.rng.randint(25, 40) * DAY,
            )
            for portfolio, number, decided, _ in plans
        )  # fmt: skip
        assignments, verdicts, decisions = [], [], []
        for (_, _, decided, outcome), submission in zip(
            plans, submissions, strict=True
        ):
            third = self.rng.random() < 0.15 and len(self.evaluators) >= 3
            final = Verdict.MET if outcome == Outcome.ACHIEVED else Verdict.NOT_MET
            other = Verdict.NOT_MET if final == Verdict.MET else Verdict.MET
            reviewers = self.rng.sample(self.evaluators, 3 if third else 2)
            given = [final, other, final] if third else [final, final]
            pairs = enumerate(zip(reviewers, given, strict=True))
            for position, (evaluator, verdict) in pairs:
                assigned = submission.submitted_at + (1 + 12 * (position == 2)) * DAY
                took = self.rng.randint(2, 20)
                assignments.append(
                    Assignment(
                        submission=submission, evaluator=evaluator,
                        third_reviewer=position == 2, state=AssignmentState.SUBMITTED,
                        assigned_at=assigned,
                        due_on=(assigned + rules().REVIEW_DUE_DAYS * DAY).date(),
                        closed_at=assigned + took * DAY,
                    )
                )  # fmt: skip
                verdicts.append(verdict)
            decisions.append(
                Decision(
                    submission=submission, outcome=outcome, by_third_reviewer=third,
                    decided_at=decided,
                    revision_message="Please strengthen the evidence for competencies "
                    "2 and 4." if outcome == Outcome.REVISION else "",
                    revision_sent_at=decided if outcome == Outcome.REVISION else None,
                    revision_sent_by=self.officer
                    if outcome == Outcome.REVISION else None,
                )
            )  # fmt: skip
        assignments = Assignment.objects.bulk_create(assignments)
        Review.objects.bulk_create(
            Review(assignment=a, verdict=v, submitted_at=a.closed_at,
                   comments_for_candidate="Clear narratives; good evidence.")
            for a, v in zip(assignments, verdicts, strict=True)
        )  # fmt: skip
        Decision.objects.bulk_create(decisions)

    def _portfolios_in_review(self):
        """Portfolios the evaluators have now: some on time, some overdue."""
        pool = list(
            Candidate.objects.filter(certification=None)
            .exclude(portfolios__isnull=False)
            .order_by("-admitted_on")[:4]
        )
        taken = set(Achievement.objects.filter(candidate__in=pool).values_list(
            "candidate_id", "competency_set_id"
        ))  # fmt: skip
        all_sets = list(CompetencySet.objects.current())
        portfolios = []
        for candidate in pool:
            free = [s for s in all_sets if (candidate.pk, s.pk) not in taken]
            portfolios.append(
                Portfolio(candidate=candidate, competency_set=self.rng.choice(free),
                          status=PortfolioStatus.UNDER_REVIEW)
            )  # fmt: skip
        portfolios = Portfolio.objects.bulk_create(portfolios)
        submissions = Submission.objects.bulk_create(
            Submission(portfolio=p, number=1, snapshot={},
                       submitted_at=self.now - (5 + 6 * i) * DAY)
            for i, p in enumerate(portfolios)
        )  # fmt: skip
        Assignment.objects.bulk_create(
            Assignment(
                submission=s, evaluator=evaluator, assigned_at=s.submitted_at + DAY,
                due_on=(s.submitted_at + DAY + rules().REVIEW_DUE_DAYS * DAY).date(),
            )
            for s in submissions
            for evaluator in self.rng.sample(self.evaluators, 2)
        )  # fmt: skip

    # --- Course approval fees ---------------------------------------------------

    def _course_fees(self):
        """Each generated provider gets a contact, who paid its approval fees."""
        for provider in Provider.objects.filter(contacts=None).order_by("pk"):
            user = User.objects.create_user(
                email=f"contact{provider.pk}@provider.example.org",
                full_name=f"{provider.name} contact",
            )
            ProviderContact.objects.create(provider=provider, user=user)
        course_type = ContentType.objects.get_for_model(Course)
        fee = fee_for(FeeKind.COURSE_APPROVAL)
        for course in Course.objects.select_related("provider").order_by("pk"):
            payer = course.provider.contacts.select_related("user").first()
            if payer is None:
                continue
            paid = (
                timezone.make_aware(
                    datetime.datetime.combine(
                        course.first_approved_on, datetime.time(10)
                    )
                )
                - 20 * DAY
            )
            self.payments.append(
                self._payment(payer.user, FeeKind.COURSE_APPROVAL, fee, course_type,
                              course.pk, paid)
            )  # fmt: skip

    def _payment(self, payer, kind, fee, purpose_type, purpose_id, paid_at):
        method = self.rng.choices(
            [PaymentMethod.CARD, PaymentMethod.CHECK, PaymentMethod.PURCHASE_ORDER],
            [70, 20, 10],
        )[0]
        return Payment(
            payer=payer, kind=kind, fee=fee, amount_cents=fee.amount_cents,
            description=f"LSSC {FeeKind(kind).label.lower()} fee", method=method,
            status=PaymentStatus.PAID, purpose_type=purpose_type,
            purpose_id=purpose_id, created_at=paid_at, paid_at=paid_at,
            received_by=None if method == PaymentMethod.CARD else self.officer,
        )  # fmt: skip
