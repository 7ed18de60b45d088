"""The rows of the performance dataset (``manage.py generate_dataset``): the
program's shares of states, names and places, and one function per kind of row,
called per batch from ``Rows._generate_batch``. As the program grows (portfolios,
evidence, reviews, courses, certifications), add a function for its rows there.
"""

import datetime
import math
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction

from allauth.account.models import EmailAddress

from candidates.eligibility import window
from candidates.enums import (
    AchievementMethod,
    ApplicationStatus,
    Education,
    HowHeard,
    LibraryType,
)
from candidates.models import Achievement, Application, Candidate, WorkHistory
from lssc.accounts.models import User
from lssc.audit.models import AuditEntry
from lssc.core.dates import add_years
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.models import Payment, new_reference

BENCH_PASSWORD = "bench-password-2026"  # noqa: S105 (throwaway measurement data)
BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPBENCHSEC"  # noqa: S105
CANDIDATE_EMAIL = "bench-candidate@example.org"
APPLICANT_EMAIL = "bench-applicant@example.org"
OFFICER_EMAIL = "bench-officer@example.org"
BATCH = 5_000

# fmt: off
FIRST = ("Maria", "Ana", "James", "Lee", "Aisha", "Juan", "Mei", "Olga", "Sam",
         "Priya", "Tom", "Grace", "Omar", "Ruth", "Ivan", "Rosa", "Kim", "Noah",
         "Leah", "Ravi", "Elena", "Hugo", "Amara", "Ben", "Chloe", "Dev")
LAST = ("Garcia", "Smith", "Nguyen", "Johnson", "Okafor", "Brown", "Kowalski",
        "Chen", "Patel", "Davis", "Rossi", "Haddad", "Larsen", "Silva", "Moore",
        "Tanaka", "Walker", "Lopez", "Novak", "Clark", "Ahmed", "Young", "Diaz")
# fmt: on
CITIES = (
    ("Springfield", "IL"),
    ("Madison", "WI"),
    ("Austin", "TX"),
    ("Portland", "OR"),
    ("Albany", "NY"),
    ("Tucson", "AZ"),
    ("Raleigh", "NC"),
    ("Boise", "ID"),
    ("Dayton", "OH"),
    ("Fresno", "CA"),
)
POSITIONS = (
    "Library assistant",
    "Circulation clerk",
    "Library technician",
    "Branch assistant",
    "Cataloging assistant",
    "Youth services associate",
)
# Share of applications in each state, as a mature program would hold them.
STATUS_MIX = (
    (ApplicationStatus.ADMITTED, 80),
    (ApplicationStatus.DRAFT, 6),
    (ApplicationStatus.AWAITING_PAYMENT, 5),
    (ApplicationStatus.STAFF_REVIEW, 2),
    (ApplicationStatus.REJECTED, 7),
)
PAYMENT_STATUS = {
    ApplicationStatus.ADMITTED: PaymentStatus.PAID,
    ApplicationStatus.STAFF_REVIEW: PaymentStatus.PAID,
    ApplicationStatus.AWAITING_PAYMENT: PaymentStatus.PENDING,
    ApplicationStatus.REJECTED: PaymentStatus.REFUNDED,
}
AUDIT_STEPS = {
    ApplicationStatus.AWAITING_PAYMENT: ("submitted",),
    ApplicationStatus.STAFF_REVIEW: ("submitted", "paid"),
    ApplicationStatus.ADMITTED: ("submitted", "paid", "admitted"),
    ApplicationStatus.REJECTED: ("submitted", "paid", "rejected"),
}


DAY = datetime.timedelta(days=1)


def _hours(periods, on: datetime.date) -> int:
    """Hours that count on ``on``, as candidates.eligibility counts them.

    The generated periods never overlap, so no week reaches the weekly cap and the
    count is each period's days inside the window times its hours a day.
    """
    first, last = window(on, rules().ELIGIBILITY_WINDOW_YEARS)
    total = Fraction(0)
    for start, end, hours in periods:
        days = (min(end or last, last) - max(start, first)).days + 1
        total += max(days, 0) * Fraction(str(hours)) / 7
    return math.floor(total)


@contextmanager
def dates_as_given(*models):
    """Let bulk_create keep the dates given (auto_now(_add) would stamp now)."""
    fields = [
        f
        for m in models
        for f in m._meta.fields
        if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class Rows:
    """The row functions of the generate_dataset command: they draw from
    ``self.rng`` and use what ``handle`` prepared (``now``, ``password``, ``fees``,
    ``sets``, ``officer`` and the content types)."""

    # One function per kind of row --------------------------------------------

    def _generate_batch(self, first: int, statuses: list[str]) -> None:
        users = self._users(first, len(statuses))
        applications = self._applications(users, statuses)
        self._work_history(applications)
        payments = self._payments(applications)
        candidates = self._candidates(applications)
        self._achievements(candidates)
        self._audit_trail(applications, payments)

    def _users(self, first: int, size: int) -> list[User]:
        users = User.objects.bulk_create(
            User(
                email=f"person{first + i:07d}@example.org",
                full_name=f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}",
                password=self.password,
                date_joined=self.now,
            )
            for i in range(size)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=u, email=u.email, primary=True, verified=True)
            for u in users
        )
        return users

    def _applications(self, users, statuses) -> list[Application]:
        return Application.objects.bulk_create(
            self._application(user, status)
            for user, status in zip(users, statuses, strict=True)
        )

    def _application(self, user: User, status: str) -> Application:
        city, state = self.rng.choice(CITIES)
        member = self.rng.random() < 0.35
        started = self._days_ago(0, 4 * 365)
        submitted = decided = None
        if status != ApplicationStatus.DRAFT:
            submitted = min(started + self._days(0, 14), self.now)
        if status in (ApplicationStatus.ADMITTED, ApplicationStatus.REJECTED):
            decided = min(submitted + self._days(0, 21), self.now)
        # Education abroad is what sends an application to staff review.
        education = self.rng.choice(
            [Education.HIGH_SCHOOL, Education.GED, Education.COLLEGE]
        )
        if status == ApplicationStatus.STAFF_REVIEW:
            education = Education.OUTSIDE_US
        application = Application(
            user=user,
            status=status,
            steps_done=3 if submitted else self.rng.randint(0, 3),
            phone=f"555-{self.rng.randint(0, 9999):04d}",
            address_line1=f"{self.rng.randint(1, 999)} Main Street",
            city=city,
            state=state,
            postal_code=str(self.rng.randint(10000, 99999)),
            library_name=f"{city} Public Library",
            library_type=self.rng.choice(LibraryType.values),
            job_title=self.rng.choice(POSITIONS),
            ala_member=member,
            ala_member_number=str(self.rng.randint(100000, 999999)) if member else "",
            education=education,
            how_heard=self.rng.choice(HowHeard.values),
            agreed_to_policies_at=submitted,
            created_at=started,
            updated_at=decided or submitted or started,
            submitted_at=submitted,
            fee_cents=self.fees[member].amount_cents if submitted else None,
            decided_at=decided,
            decision_reason="Did not meet the education requirement"
            if status == ApplicationStatus.REJECTED
            else "",
        )
        on = (submitted or started).date()
        application.periods = self._periods(on)
        if submitted:
            application.counted_hours = _hours(application.periods, on)
        return application

    def _periods(self, on: datetime.date) -> list[tuple]:
        """Library work up to ``on``: the current job, and up to three before it."""
        start = on - datetime.timedelta(days=self.rng.randint(900, 3000))
        periods = [(start, None, self.rng.choice([20, 25, 30, 37.5, 40]))]
        for _ in range(self.rng.randint(0, 3)):
            end = start - datetime.timedelta(days=self.rng.randint(1, 200))
            start = end - datetime.timedelta(days=self.rng.randint(100, 1500))
            periods.append((start, end, self.rng.choice([10, 15, 20, 30])))
        return periods

    def _work_history(self, applications: list[Application]) -> None:
        WorkHistory.objects.bulk_create(
            WorkHistory(
                application=application,
                library=application.library_name if end is None else "County Library",
                position=self.rng.choice(POSITIONS),
                start_date=start,
                end_date=end,
                hours_per_week=Decimal(str(hours)),
            )
            for application in applications
            for start, end, hours in application.periods
        )

    def _payments(self, applications: list[Application]) -> list[Payment]:
        methods = [
            PaymentMethod.CARD,
            PaymentMethod.CHECK,
            PaymentMethod.PURCHASE_ORDER,
        ]
        payments = []
        for a in applications:
            if a.status not in PAYMENT_STATUS:
                continue
            status = PAYMENT_STATUS[a.status]
            method = self.rng.choices(methods, [70, 20, 10])[0]
            paid = status != PaymentStatus.PENDING
            payments.append(
                Payment(
                    reference=new_reference(),
                    payer_id=a.user_id,
                    kind=FeeKind.APPLICATION,
                    fee=self.fees[a.ala_member],
                    amount_cents=a.fee_cents,
                    description="LSSC application fee",
                    method=method,
                    status=status,
                    purpose_type=self.application_type,
                    purpose_id=a.pk,
                    created_at=a.submitted_at,
                    paid_at=(a.decided_at or a.submitted_at) if paid else None,
                    received_by=self.officer
                    if paid and method != PaymentMethod.CARD
                    else None,
                    closed_at=a.decided_at
                    if status == PaymentStatus.REFUNDED
                    else None,
                )
            )
        return Payment.objects.bulk_create(payments)

    def _candidates(self, applications: list[Application]) -> list[Candidate]:
        years = rules().CANDIDACY_YEARS
        candidates = Candidate.objects.bulk_create(
            Candidate(
                user_id=a.user_id,
                application=a,
                number=f"pending-{a.pk}",
                admitted_on=a.decided_at.date(),
                deadline=add_years(a.decided_at.date(), years),
            )
            for a in applications
            if a.status == ApplicationStatus.ADMITTED
        )
        # Numbers as the program gives them: the year of admission and the row id.
        for candidate in candidates:
            candidate.number = f"LSSC-{candidate.admitted_on:%Y}-{candidate.pk:05d}"
        Candidate.objects.bulk_update(candidates, ["number"])
        return candidates

    def _achievements(self, candidates: list[Candidate]) -> None:
        today = self.now.date()
        rows = []
        for candidate in candidates:
            days_in = (today - candidate.admitted_on).days
            # About one set every four months, never more than six.
            count = min(6, self.rng.randint(0, 1 + days_in // 120))
            for competency_set in self.rng.sample(self.sets, count):
                achieved = candidate.admitted_on + self._days(0, days_in).days * DAY
                rows.append(
                    Achievement(
                        candidate=candidate,
                        competency_set=competency_set,
                        method=self.rng.choice(AchievementMethod.values),
                        achieved_on=achieved,
                    )
                )
        Achievement.objects.bulk_create(rows)

    def _audit_trail(self, applications, payments) -> None:
        """The entries the services write on the way, in their words."""
        rows = [
            self._entry(a, at, action, summary, states, actor_id)
            for a in applications
            for at, action, summary, states, actor_id in self._milestones(a)
        ]
        for p in payments:
            if p.paid_at:
                rows.append(
                    AuditEntry(
                        subject_type=self.payment_type,
                        subject_id=p.pk,
                        owner_id=p.payer_id,
                        actor=p.received_by,
                        created_at=p.paid_at,
                        action="payment.confirmed",
                        summary=f"Payment {p.reference} of ${p.amount:,.2f} received",
                        from_state=PaymentStatus.PENDING,
                        to_state=PaymentStatus.PAID,
                    )
                )
        AuditEntry.objects.bulk_create(rows)

    def _milestones(self, a: Application) -> list[tuple]:
        draft, waiting = ApplicationStatus.DRAFT, ApplicationStatus.AWAITING_PAYMENT
        steps = [
            (
                a.created_at,
                "application.started",
                "Application started",
                ("", draft),
                None,
            )
        ]
        if a.submitted_at:
            states = (draft, waiting)
            steps.append(
                (a.submitted_at, "application.submitted", "Application submitted",
                 states, a.user_id)
            )  # fmt: skip
        if a.status == ApplicationStatus.ADMITTED:
            steps.append(
                (a.decided_at, "application.admitted", "Admitted as candidate",
                 (waiting, a.status), None)
            )  # fmt: skip
        if a.status == ApplicationStatus.REJECTED:
            steps.append(
                (a.decided_at, "application.rejected", "Application not admitted",
                 (waiting, a.status), self.officer.pk)
            )  # fmt: skip
        return steps

    def _entry(self, application, at, action, summary, states, actor_id):
        return AuditEntry(
            subject_type=self.application_type,
            subject_id=application.pk,
            owner_id=application.user_id,
            actor_id=actor_id,
            created_at=at,
            action=action,
            summary=summary,
            from_state=states[0],
            to_state=states[1],
            reason=application.decision_reason,
        )

    # Dates ---------------------------------------------------------------------

    def _days(self, low: int, high: int) -> datetime.timedelta:
        return datetime.timedelta(days=self.rng.randint(low, high))

    def _days_ago(self, low: int, high: int) -> datetime.datetime:
        return self.now - self._days(low, high)
