"""Bulk providers and approved courses for measuring the catalog (bench/load.py).

Each course has the approval, the application it came from, full coverage of its
set, an instructor and an offering, as the approval service leaves them. About one
course in ten has lapsed, so the catalog's date filter has rows to skip.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from localflavor.us.us_states import STATE_CHOICES

from lssc.accounts.models import User
from lssc.competencies.models import CompetencySet

from ...models import (
    ApplicationStatus,
    Course,
    CourseApplication,
    CourseApproval,
    CourseFormat,
    Coverage,
    Delivery,
    Instructor,
    LengthUnit,
    Offering,
    Pacing,
    Provider,
    ProviderType,
)
from ...rules import approval_expires_on

WORDS = [
    "library",
    "reference",
    "cataloging",
    "youth",
    "services",
    "technology",
    "access",
    "collection",
    "management",
    "supervision",
    "readers",
    "advisory",
    "communication",
    "teamwork",
    "foundations",
    "metadata",
    "outreach",
    "digital",
    "literacy",
    "circulation",
    "instruction",
]
BATCH = 500


class Command(BaseCommand):
    help = "Add approved courses (and their providers) for performance tests."

    def add_arguments(self, parser):
        parser.add_argument("--courses", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, courses, seed, **options):
        if Course.objects.exists():
            raise CommandError("This database already has courses; use an empty one.")
        started = time.monotonic()
        self.rng = random.Random(seed)  # noqa: S311 (repeatable fake data)
        self.today = timezone.localdate()
        self.sets = list(
            CompetencySet.objects.current().prefetch_related("competencies")
        )
        self.staff = User.objects.filter(is_staff=True).first() or User.objects.create(
            email="bench-courses@example.org", full_name="Bench Staff", is_staff=True
        )
        states = [code for code, _ in STATE_CHOICES]
        providers = Provider.objects.bulk_create(
            Provider(
                name=f"{self.rng.choice(WORDS).title()} Learning {n}",
                type=self.rng.choice(ProviderType.values),
                state=self.rng.choice(states),
            )
            for n in range(max(1, courses // 8))
        )
        for first in range(0, courses, BATCH):
            with transaction.atomic():
                self._batch(providers, first, min(BATCH, courses - first))
            self.stdout.write(f"{first + BATCH:,} courses", ending="\r")
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{courses:,} courses from {len(providers):,} providers in "
                f"{time.monotonic() - started:.0f} s."
            )
        )

    def _batch(self, providers, first, size):
        rng = self.rng
        rows = []
        for n in range(first, first + size):
            approved_on = self.today - datetime.timedelta(days=rng.randint(0, 1200))
            competency_set = rng.choice(self.sets)
            words = " ".join(rng.choice(WORDS) for _ in range(3)).title()
            rows.append(
                {
                    "provider": rng.choice(providers),
                    "competency_set": competency_set,
                    "title": f"{words} {n}",
                    "description": " ".join(rng.choice(WORDS) for _ in range(40)),
                    "format": rng.choice(CourseFormat.values),
                    "delivery": rng.choice(Delivery.values),
                    "pacing": rng.choice(Pacing.values),
                    "length": rng.randint(2, 16),
                    "length_unit": LengthUnit.WEEKS,
                    "approved_on": approved_on,
                }
            )
        courses = Course.objects.bulk_create(
            Course(
                **{k: v for k, v in row.items() if k != "approved_on"},
                first_approved_on=row["approved_on"],
                approved_on=row["approved_on"],
                expires_on=approval_expires_on(row["approved_on"], 3),
            )
            for row in rows
        )
        applications = CourseApplication.objects.bulk_create(
            CourseApplication(
                provider=course.provider,
                status=ApplicationStatus.APPROVED,
                competency_set=course.competency_set,
                title=course.title,
                description=course.description,
                format=course.format,
                delivery=course.delivery,
                pacing=course.pacing,
                length=course.length,
                length_unit=course.length_unit,
                assessment="Graded assignments and a final project.",
                completion_certification="The instructor signs the form.",
                created_by=self.staff,
                course=course,
            )
            for course in courses
        )
        CourseApproval.objects.bulk_create(
            CourseApproval(
                course=course,
                application=application,
                starts_on=course.approved_on,
                expires_on=course.expires_on,
                approved_by=self.staff,
            )
            for course, application in zip(courses, applications, strict=True)
        )
        Coverage.objects.bulk_create(
            Coverage(application=a, competency=c, where_taught=f"Week {c.number}")
            for a in applications
            for c in a.competency_set.competencies.all()
        )
        Instructor.objects.bulk_create(
            Instructor(application=a, name="Pat Example", qualifications="MLIS")
            for a in applications
        )
        Offering.objects.bulk_create(
            Offering(
                application=a,
                starts_on=self.today + datetime.timedelta(days=30),
                ends_on=self.today + datetime.timedelta(days=90),
            )
            for a in applications
        )
