"""Add approved courses, and the providers offering them, to a database.

    manage.py generate_courses --courses 10000 [--seed 1]

``generate_dataset`` makes a catalog of its own (one course per ten candidates);
this adds more, to measure the catalog's pages at another size. The rows are
written as ``generate_dataset`` writes its catalog (``demo.bulk.catalog``): each
approval period granted by a paid application with its coverage, instructor and
offering, renewed before it lapsed or lapsed, with the audit trail of each step.
"""

import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from lssc.accounts.models import User

from ...bulk.audit import Trail
from ...bulk.catalog import Catalog
from ...bulk.payments import Payments
from ...bulk.program import Program
from ...dataset import BENCH_PASSWORD, COURSES_PER_PROVIDER, OFFICER_EMAIL


class Command(BaseCommand):
    help = "Add approved courses (and their providers) for performance tests."

    def add_arguments(self, parser):
        parser.add_argument("--courses", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, courses, seed, **options):
        started = time.monotonic()
        # The staff member who approved them: the load script's officer if any.
        officer = (
            User.objects.filter(email=OFFICER_EMAIL).first()
            or User.objects.filter(is_staff=True).order_by("pk").first()
            or User.objects.create(email="bench-courses@example.org",
                                   full_name="Bench Staff", is_staff=True)
        )  # fmt: skip
        rng = random.Random(seed)  # noqa: S311 (repeatable fake data)
        program = Program(rng, timezone.now(), officer, make_password(BENCH_PASSWORD))
        trail = Trail(program)
        catalog = Catalog(program, trail, Payments(program, trail))
        with transaction.atomic():
            providers = catalog.providers(max(1, courses // COURSES_PER_PROVIDER))
            catalog.courses(courses, providers)
            trail.flush()
            program.files.wait()
        self.stdout.write(
            self.style.SUCCESS(
                f"{courses:,} courses from {len(providers):,} providers in "
                f"{time.monotonic() - started:.0f} s."
            )
        )
