"""Fill an empty database with a realistic program at a given scale, fast.

    manage.py generate_dataset --candidates 100000 [--courses N] [--seed 1]

``--candidates`` is the number of admitted candidates; around them come the other
applications a program of that size holds (drafts, unpaid, under staff review, not
admitted: one in five), so 100,000 candidates make 125,000 people. Each candidate
has come as far as the time since their admission allowed: portfolios written,
paid, reviewed and decided, approved courses completed and verified, recognised
programs claimed, and for those with the three required sets and three electives,
the certification and its PDF. The catalog comes first: ``--courses`` approved
courses (one per ten candidates unless given) from their providers, the
recognition agreements and the evaluators. ``--more`` adds that many people to a
database generated before.

The rows obey every rule ``manage.py check_data`` checks; they are written with
bulk inserts in batches (see ``demo.dataset``), every account shares one
password hash, and no mail is queued nor history rows written.

It also creates three known accounts for the load script, all with the password
``BENCH_PASSWORD``: an admitted candidate, an applicant with a draft application
and a Program Officer with two-factor authentication.
"""

import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from candidates.enums import ApplicationStatus
from candidates.models import Application, Candidate
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup
from lssc.audit.services import audit_log

from ...dataset import (
    APPLICANT_EMAIL,
    BATCH,
    BENCH_PASSWORD,
    BENCH_TOTP_SECRET,
    CANDIDATE_EMAIL,
    CANDIDATES_PER_COURSE,
    OFFICER_EMAIL,
    Dataset,
)


class Command(BaseCommand):
    help = "Fill an empty database with a realistic dataset for performance tests."

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=10_000)
        parser.add_argument(
            "--courses",
            type=int,
            help="Approved courses to add (default: one per ten candidates, on a "
            "database without courses).",
        )
        parser.add_argument(
            "--more",
            action="store_true",
            help="Add people to a dataset generated before (to see how pages scale).",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--officer",
            help="Email of the staff member who acts for the program (receives "
            "checks, verifies, decides); the load script's accounts are then not "
            "made (the demo data uses this).",
        )

    def handle(
        self, *args, candidates, seed, courses=None, more=False, officer=None, **options
    ):
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
        self.password = make_password(BENCH_PASSWORD)
        staff = User.objects.filter(email=officer or OFFICER_EMAIL).first()
        if staff is None:
            if officer:
                raise CommandError(f"No user has the email {officer}.")
            staff = self._account(OFFICER_EMAIL, "Bench Officer", is_staff=True)
        dataset = Dataset(seed=seed, officer=staff, password=self.password)
        if courses is None:
            courses = 0 if last else max(30, candidates // CANDIDATES_PER_COURSE)
        dataset.prepare(candidates=candidates, courses=courses)
        self._progress(started, "catalog, agreements and evaluators")
        statuses = dataset.statuses(candidates)
        with dataset.loading():
            for first in range(0, len(statuses), BATCH):
                dataset.batch(offset + first, statuses[first : first + BATCH])
                done = min(first + BATCH, len(statuses))
                self._progress(started, f"{done:,} people")
            printed = dataset.certificates()
            self._progress(started, f"{printed:,} certificates")
        self._progress(started, "foreign keys checked")
        if not last and not officer:
            self._known_accounts(staff)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather later: without them the
            # planner takes the new tables for empty (sorts on disk, wrong joins).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{candidates:,} candidates among {len(statuses):,} people "
                f"generated in {elapsed:.0f} s."
            )
        )

    def _progress(self, started: float, what: str, ending="\n") -> None:
        self.stdout.write(f"{what} ({time.monotonic() - started:.0f} s)", ending=ending)

    # Finishing touches -----------------------------------------------------

    def _known_accounts(self, officer: User) -> None:
        candidate = Candidate.objects.select_related("user").order_by("pk").first()
        candidate.user.email = CANDIDATE_EMAIL
        candidate.user.save(update_fields=["email"])
        EmailAddress.objects.filter(user=candidate.user).update(email=CANDIDATE_EMAIL)

        applicant = self._account(APPLICANT_EMAIL, "Bench Applicant")
        application = Application.objects.create(
            user=applicant, steps_done=1, phone="555-0100"
        )
        audit_log(
            subject=application,
            action="application.started",
            summary="Application started",
            actor=applicant,
            owner=applicant,
            to_state=ApplicationStatus.DRAFT,
        )

        officer.groups.add(Group.objects.get(name=StaffGroup.PROGRAM_OFFICER))
        TOTP.activate(officer, BENCH_TOTP_SECRET)

    def _account(self, email: str, name: str, **extra) -> User:
        user = User.objects.create(
            email=email, full_name=name, password=self.password, **extra
        )
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        return user
