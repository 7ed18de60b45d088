"""The performance dataset (``manage.py generate_dataset``): a program of a given
size whose rows obey every rule ``manage.py check_data`` checks, written in bulk.

``Dataset`` holds the parts (``demo.bulk``): the catalog of courses and
agreements and the evaluators, made once; then, batch by batch, the applicants
and candidates, each candidate's way through the program as ``journeys`` plans
it (portfolios and their reviews, course completions, recognition claims), the
sets achieved, the certifications they award and the audit trail of it all;
meanwhile other processes print every holder's certificate PDF. As the program
grows, give its rows a module in ``demo.bulk`` and call it from ``Dataset.batch``.
"""

import multiprocessing
import random

from allauth.account.models import EmailAddress
from django.db import connection, connections, transaction
from django.utils import timezone

from candidates.enums import ApplicationStatus
from candidates.models import (
    Achievement,
    Application,
    Candidate,
    Certification,
    WorkHistory,
)
from courses.models import Completion, RecognitionClaim
from evaluations.models import Assignment, CompetencyRating, Decision, Review
from lssc.accounts.models import User
from lssc.audit.models import AuditEntry
from lssc.payments.models import Payment
from portfolios.models import (
    Evidence,
    EvidenceLink,
    Narrative,
    Portfolio,
    Submission,
)

from .bulk.achievements import Achievements
from .bulk.audit import Trail
from .bulk.catalog import Catalog, load_agreements, load_courses
from .bulk.certificates import Printer
from .bulk.evaluators import Evaluators
from .bulk.journeys import Planner
from .bulk.payments import Payments
from .bulk.people import STATUS_MIX, People
from .bulk.portfolios import Portfolios
from .bulk.program import Program
from .bulk.text import Writing
from .bulk.writes import dates_as_given, foreign_keys_checked_after

__all__ = ["STATUS_MIX", "Dataset", "dates_as_given"]

BENCH_PASSWORD = "bench-password-2026"  # noqa: S105 (throwaway measurement data)
BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPBENCHSEC"  # noqa: S105
CANDIDATE_EMAIL = "bench-candidate@example.org"
APPLICANT_EMAIL = "bench-applicant@example.org"
OFFICER_EMAIL = "bench-officer@example.org"
BATCH = 5_000
# Providers per course, candidates per course and per evaluator, at any scale.
COURSES_PER_PROVIDER = 8
CANDIDATES_PER_COURSE = 10
CANDIDATES_PER_EVALUATOR = 50
# The tables each batch fills.
LOADED = (
    User,
    EmailAddress,
    Application,
    WorkHistory,
    Payment,
    Candidate,
    Portfolio,
    Narrative,
    Evidence,
    EvidenceLink,
    Submission,
    Assignment,
    Review,
    CompetencyRating,
    Decision,
    Completion,
    RecognitionClaim,
    Achievement,
    Certification,
    AuditEntry,
)


class Dataset:
    def __init__(self, *, seed: int, officer, password: str):
        self.program = Program(random.Random(seed), timezone.now(), officer, password)  # noqa: S311
        self.trail = Trail(self.program)
        self.payments = Payments(self.program, self.trail)
        self.evaluators = Evaluators(self.program)
        self.printer = Printer()

    def prepare(self, *, candidates: int, courses: int) -> None:
        """The catalog (``courses`` more courses, with their providers), the
        recognition agreements and enough evaluators for ``candidates`` more."""
        program = self.program
        total = Candidate.objects.count() + candidates
        with transaction.atomic():
            catalog = Catalog(program, self.trail, self.payments)
            if courses:
                providers = catalog.providers(max(1, courses // COURSES_PER_PROVIDER))
                catalog.courses(courses, providers)
            catalog.agreements()
            self.evaluators.ensure(max(12, total // CANDIDATES_PER_EVALUATOR))
            self.trail.flush()
            program.files.wait()
        self.planner = Planner(
            program, self.evaluators, load_courses(program), load_agreements()
        )
        self.people = People(program, self.trail, self.payments)
        writing = Writing(program.rng)
        self.portfolios = Portfolios(program, self.trail, self.payments, writing)
        self.achievements = Achievements(program, self.trail)
        # Other processes print certificates and write files while this one
        # writes rows. Inside a transaction (a test) they could not see the rows:
        # everything is done here then.
        if not connection.in_atomic_block:
            connections.close_all()  # none may inherit this process's connection
            context = multiprocessing.get_context("fork")
            program.files.start(context)
            self.printer.start(context)

    def batch(self, first: int, statuses: list[str]) -> None:
        """Applicants numbered from ``first``, one per status, and everything the
        candidates among them did since they were admitted."""
        if connection.vendor == "postgresql":
            # Generated data can be generated again: a commit need not wait for
            # the disk, which also keeps file creation from queueing behind it.
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")
        with transaction.atomic(), dates_as_given(Application, Payment):
            candidates = self.people.write(first, statuses)
            journeys = [self.planner.journey(c) for c in candidates]
            self.portfolios.write(journeys)
            certified = self.achievements.write(journeys)
            self.trail.flush()
            self.program.files.wait()
        self.printer.add(certified)

    def loading(self):
        """The context of the batches: the foreign keys of the tables they fill
        are checked once, at its end."""
        return foreign_keys_checked_after(LOADED)

    def certificates(self) -> int:
        """Wait for every certificate awarded to be printed; how many were."""
        self.program.files.stop()
        return self.printer.finish()

    def statuses(self, candidates: int) -> list[str]:
        """Exactly ``candidates`` admitted, the other states in proportion."""
        admitted_share = dict(STATUS_MIX)[ApplicationStatus.ADMITTED]
        statuses = [
            status
            for status, share in STATUS_MIX
            for _ in range(round(candidates * share / admitted_share))
        ]
        self.program.rng.shuffle(statuses)
        return statuses
