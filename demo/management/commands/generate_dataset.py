"""Fill an empty database with a realistic program at a given scale, fast.

    manage.py generate_dataset --candidates 100000 [--seed 1]

``--candidates`` is the number of admitted candidates; around them come the other
applications a program of that size holds (drafts, unpaid, under staff review, not
admitted: one in five), so 100,000 candidates make 125,000 people. ``--more`` adds
that many to a database generated before.

For performance measurements only (see bench/README.md): rows are written with
bulk inserts in batches, every account shares one password hash, and no mail is
sent (nor history rows written). Each kind of row has its own small function in
``demo.dataset``.

It also creates three known accounts for the load script, all with the password
``BENCH_PASSWORD``: an admitted candidate, an applicant with a draft application
and a Program Officer with two-factor authentication.
"""

import random
import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from candidates.enums import ApplicationStatus
from candidates.models import Application, Candidate
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.payments.models import Payment

from ...dataset import (
    APPLICANT_EMAIL,
    BATCH,
    BENCH_PASSWORD,
    BENCH_TOTP_SECRET,
    CANDIDATE_EMAIL,
    OFFICER_EMAIL,
    STATUS_MIX,
    Rows,
    dates_as_given,
)


class Command(Rows, BaseCommand):
    help = "Fill an empty database with a realistic dataset for performance tests."

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=10_000)
        parser.add_argument(
            "--more",
            action="store_true",
            help="Add people to a dataset generated before (to see how pages scale).",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--officer",
            help="Email of the staff member recorded as receiving checks; the load "
            "script's accounts are then not made (the demo data uses this).",
        )

    def handle(self, *args, candidates, seed, more=False, officer=None, **options):
        # With --more, new people are numbered after those already generated.
        last = (
            User.objects.filter(email__regex=r"^person[0-9]{7}@example\.org$")
            .order_by("-email")
            .values_list("email", flat=True)
            .first()
        )
        if last and not more:
            raise CommandError(
                "This database already holds a generated dataset; use an empty one."
            )
        offset = int(last[len("person") : -len("@example.org")]) + 1 if last else 0
        started = time.monotonic()
        self.rng = random.Random(seed)  # noqa: S311 (repeatable fake data)
        self.now = timezone.now()
        self.password = make_password(BENCH_PASSWORD)
        self.application_type = ContentType.objects.get_for_model(Application)
        self.payment_type = ContentType.objects.get_for_model(Payment)
        self.fees = {
            member: fee_for(FeeKind.APPLICATION, ala_member=member)
            for member in (False, True)
        }
        self.sets = list(CompetencySet.objects.current())
        # Who received the checks: a staff member given, or the load script's.
        self.officer = User.objects.filter(email=officer or OFFICER_EMAIL).first()
        if self.officer is None:
            if officer:
                raise CommandError(f"No user has the email {officer}.")
            self.officer = self._account(OFFICER_EMAIL, "Bench Officer", is_staff=True)
        statuses = self._statuses(candidates)
        for first in range(0, len(statuses), BATCH):
            with (
                transaction.atomic(),
                dates_as_given(Application, Payment, AuditEntry),
            ):
                self._generate_batch(offset + first, statuses[first : first + BATCH])
            elapsed = time.monotonic() - started
            done = min(first + BATCH, len(statuses))
            self.stdout.write(f"{done:,} people ({elapsed:.0f} s)", ending="\r")
        if not last and not officer:
            self._known_accounts()
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather later: without them the
            # planner takes the new tables for empty (sorts on disk, wrong joins).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{candidates:,} candidates among {len(statuses):,} people "
                f"generated in {elapsed:.0f} s."
            )
        )

    def _statuses(self, candidates: int) -> list[str]:
        """Exactly ``candidates`` admitted, the other states in proportion."""
        admitted_share = dict(STATUS_MIX)[ApplicationStatus.ADMITTED]
        statuses = [
            status
            for status, share in STATUS_MIX
            for _ in range(round(candidates * share / admitted_share))
        ]
        self.rng.shuffle(statuses)
        return statuses

    # Finishing touches -----------------------------------------------------

    def _known_accounts(self) -> None:
        candidate = Candidate.objects.select_related("user").order_by("pk").first()
        candidate.user.email = CANDIDATE_EMAIL
        candidate.user.save(update_fields=["email"])
        EmailAddress.objects.filter(user=candidate.user).update(email=CANDIDATE_EMAIL)

        applicant = self._account(APPLICANT_EMAIL, "Bench Applicant")
        Application.objects.create(user=applicant, steps_done=1, phone="555-0100")

        self.officer.groups.add(Group.objects.get(name=StaffGroup.PROGRAM_OFFICER))
        TOTP.activate(self.officer, BENCH_TOTP_SECRET)

    def _account(self, email: str, name: str, **extra) -> User:
        user = User.objects.create(
            email=email, full_name=name, password=self.password, **extra
        )
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        return user
