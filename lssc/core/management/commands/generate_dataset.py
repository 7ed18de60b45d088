"""Fill an empty database with a realistic program at a given scale, fast.

    manage.py generate_dataset --candidates 100000 [--seed 1]

For performance measurements only (see bench/README.md): rows are written with
bulk inserts in batches, every account shares one password hash, and no mail is
sent (nor history rows written). Each kind of row has its own small function,
called per batch from ``_generate_batch``; as the program grows (portfolios,
evidence, reviews, courses, certifications), add a function for its rows there.

It also creates three known accounts for the load script, all with the password
``BENCH_PASSWORD``: an admitted candidate, an applicant with a draft application
and a Program Officer with two-factor authentication.
"""

import datetime
import random
import time
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, ExtractYear, LPad
from django.utils import timezone

from candidates.enums import (
    AchievementMethod,
    ApplicationStatus,
    Education,
    HowHeard,
    LibraryType,
)
from candidates.models import Achievement, Application, Candidate, WorkHistory
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from lssc.core.dates import add_years
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
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


class Command(BaseCommand):
    help = "Fill an empty database with a realistic dataset for performance tests."

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, candidates, seed, **options):
        if User.objects.filter(email=OFFICER_EMAIL).exists():
            raise CommandError(
                "This database already holds a generated dataset; use an empty one."
            )
        started = time.monotonic()
        self.rng = random.Random(seed)  # noqa: S311 (repeatable fake data)
        self.now = timezone.now()
        self.password = make_password(BENCH_PASSWORD)
        self.application_type = ContentType.objects.get_for_model(Application)
        self.fees = {
            member: fee_for(FeeKind.APPLICATION, ala_member=member)
            for member in (False, True)
        }
        self.sets = list(CompetencySet.objects.current())
        done = 0
        while done < candidates:
            size = min(BATCH, candidates - done)
            with transaction.atomic():
                self._generate_batch(first=done, size=size)
            done += size
            elapsed = time.monotonic() - started
            self.stdout.write(f"{done:,} people ({elapsed:.0f} s)", ending="\r")
        self._number_candidates()
        self._known_accounts()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"\n{candidates:,} people generated in {elapsed:.0f} s.")
        )

    # One function per kind of row --------------------------------------------

    def _generate_batch(self, *, first: int, size: int) -> None:
        users = self._users(first, size)
        applications = self._applications(users)
        self._work_history(applications)
        self._payments(applications)
        candidates = self._candidates(applications)
        self._achievements(candidates)
        self._audit_trail(applications)

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

    def _applications(self, users: list[User]) -> list[Application]:
        states = [state for state, _ in STATUS_MIX]
        weights = [weight for _, weight in STATUS_MIX]
        return Application.objects.bulk_create(
            self._application(user, self.rng.choices(states, weights)[0])
            for user in users
        )

    def _application(self, user: User, status: str) -> Application:
        city, state = self.rng.choice(CITIES)
        member = self.rng.random() < 0.35
        submitted = None
        if status != ApplicationStatus.DRAFT:
            days_ago = self.rng.randint(1, 4 * 365)
            submitted = self.now - datetime.timedelta(days=days_ago)
        decided = status in (ApplicationStatus.ADMITTED, ApplicationStatus.REJECTED)
        return Application(
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
            education=self.rng.choice(
                [Education.HIGH_SCHOOL, Education.GED, Education.COLLEGE]
            ),
            how_heard=self.rng.choice(HowHeard.values),
            agreed_to_policies_at=submitted,
            submitted_at=submitted,
            fee_cents=self.fees[member].amount_cents if submitted else None,
            counted_hours=self.rng.randint(1820, 8000) if submitted else None,
            decided_at=submitted if decided else None,
        )

    def _work_history(self, applications: list[Application]) -> None:
        today = self.now.date()

        def days_ago(low, high):
            return today - datetime.timedelta(days=self.rng.randint(low, high))

        WorkHistory.objects.bulk_create(
            WorkHistory(
                application=application,
                library=application.library_name,
                position=self.rng.choice(POSITIONS),
                start_date=days_ago(400, 4000),
                end_date=None if n == 0 else days_ago(1, 399),
                hours_per_week=Decimal(self.rng.choice([15, 20, 25, 30, 37.5, 40])),
            )
            for application in applications
            for n in range(self.rng.randint(1, 4))
        )

    def _payments(self, applications: list[Application]) -> None:
        methods = [
            PaymentMethod.CARD,
            PaymentMethod.CHECK,
            PaymentMethod.PURCHASE_ORDER,
        ]
        Payment.objects.bulk_create(
            Payment(
                reference=new_reference(),
                payer_id=a.user_id,
                kind=FeeKind.APPLICATION,
                fee=self.fees[a.ala_member],
                amount_cents=a.fee_cents,
                description="Application fee",
                method=self.rng.choices(methods, [70, 20, 10])[0],
                status=PAYMENT_STATUS[a.status],
                purpose_type=self.application_type,
                purpose_id=a.pk,
                paid_at=None
                if PAYMENT_STATUS[a.status] == PaymentStatus.PENDING
                else a.submitted_at,
            )
            for a in applications
            if a.status in PAYMENT_STATUS
        )

    def _candidates(self, applications: list[Application]) -> list[Candidate]:
        years = rules().CANDIDACY_YEARS
        return Candidate.objects.bulk_create(
            Candidate(
                user_id=a.user_id,
                application=a,
                number=f"pending-{a.pk}",
                admitted_on=a.submitted_at.date(),
                deadline=add_years(a.submitted_at.date(), years),
            )
            for a in applications
            if a.status == ApplicationStatus.ADMITTED
        )

    def _achievements(self, candidates: list[Candidate]) -> None:
        Achievement.objects.bulk_create(
            Achievement(
                candidate=candidate,
                competency_set=competency_set,
                method=self.rng.choice(AchievementMethod.values),
                achieved_on=candidate.admitted_on
                + datetime.timedelta(days=self.rng.randint(30, 700)),
            )
            for candidate in candidates
            for competency_set in self.rng.sample(self.sets, self.rng.randint(0, 6))
        )

    def _audit_trail(self, applications: list[Application]) -> None:
        AuditEntry.objects.bulk_create(
            AuditEntry(
                subject_type=self.application_type,
                subject_id=a.pk,
                owner_id=a.user_id,
                action=f"application.{step}",
                summary=f"Application {step}",
            )
            for a in applications
            for step in AUDIT_STEPS.get(a.status, ())
        )

    # Finishing touches -----------------------------------------------------

    def _number_candidates(self) -> None:
        """Numbers as the program gives them: year of admission and the row id."""
        Candidate.objects.filter(number__startswith="pending-").update(
            number=Concat(
                Value("LSSC-"),
                Cast(ExtractYear("admitted_on"), CharField()),
                Value("-"),
                LPad(Cast("id", CharField()), 5, Value("0")),
            )
        )

    def _known_accounts(self) -> None:
        candidate = Candidate.objects.select_related("user").order_by("pk").first()
        candidate.user.email = CANDIDATE_EMAIL
        candidate.user.save(update_fields=["email"])
        EmailAddress.objects.filter(user=candidate.user).update(email=CANDIDATE_EMAIL)

        applicant = self._account(APPLICANT_EMAIL, "Bench Applicant")
        Application.objects.create(user=applicant, steps_done=1, phone="555-0100")

        officer = self._account(OFFICER_EMAIL, "Bench Officer", is_staff=True)
        officer.groups.add(Group.objects.get(name=StaffGroup.PROGRAM_OFFICER))
        TOTP.activate(officer, BENCH_TOTP_SECRET)

    def _account(self, email: str, name: str, **extra) -> User:
        user = User.objects.create(
            email=email, full_name=name, password=self.password, **extra
        )
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        return user
