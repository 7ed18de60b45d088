"""Demo accounts for every role, so a newcomer can sign in as each one locally."""

import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from candidates.models import Candidate
from courses.models import Provider, ProviderContact
from evaluations.models import Evaluator
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup
from lssc.accounts.services import user_ensure
from lssc.competencies.models import CompetencySet

from ...history import build

# Demo evaluators: trained, for every set, each from a different workplace.
DEMO_EVALUATORS = {
    "evaluator1@demo.lssc.test": "Lakeside Community College",
    "evaluator2@demo.lssc.test": "Riverside Public Library",
    "evaluator3@demo.lssc.test": "State Library of Illinois",
}

# The demo provider contact acts for a registered organisation.
DEMO_PROVIDER_CONTACT = "provider@demo.lssc.test"

# Known, local-only credentials. The command refuses to run with DEBUG off.
DEMO_PASSWORD = "lssc-demo-password"  # noqa: S105
# Staff must use two-factor authentication; this base32 secret goes into any
# authenticator app (or ``oathtool --totp -b``) to produce their codes.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPLSSCDEMO"  # noqa: S105

DEMO_PEOPLE = [
    (
        "officer@demo.lssc.test",
        "Olivia Officer",
        (StaffGroup.PROGRAM_OFFICER,),
        "Program Officer",
    ),
    (
        "crc@demo.lssc.test",
        "Carlos Committee",
        (StaffGroup.REVIEW_COMMITTEE,),
        "CRC member",
    ),
    ("evaluator1@demo.lssc.test", "Eva Evaluator", (), "Evaluator"),
    ("evaluator2@demo.lssc.test", "Evan Evaluator", (), "Evaluator"),
    ("evaluator3@demo.lssc.test", "Ezra Evaluator", (), "Evaluator"),
    ("provider@demo.lssc.test", "Pat Provider", (), "Course provider contact"),
    ("candidate1@demo.lssc.test", "Cara Candidate", (), "Candidate"),
    ("candidate2@demo.lssc.test", "Cody Candidate", (), "Candidate"),
]


class Command(BaseCommand):
    help = (
        "Create demo accounts for each role and a few years of program history "
        "(idempotent; refuses when DEBUG is off)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-history",
            action="store_true",
            help="Only the accounts: no generated applicants, courses or reviews.",
        )

    def handle(self, *args, no_history=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: it sets known passwords."
            )
        rows = []
        for email, name, groups, role in DEMO_PEOPLE:
            user, created = user_ensure(
                email=email, full_name=name, password=DEMO_PASSWORD, groups=groups
            )
            if (
                user.is_staff
                and not Authenticator.objects.filter(
                    user=user, type=Authenticator.Type.TOTP
                ).exists()
            ):
                TOTP.activate(user, DEMO_TOTP_SECRET)
            if email in DEMO_EVALUATORS:
                self._evaluator(user, DEMO_EVALUATORS[email])
            if email == DEMO_PROVIDER_CONTACT:
                self._provider(user)
            rows.append((role, email, "created" if created else "exists"))
        if not no_history and not self._has_history():
            build(officer=User.objects.get(email="officer@demo.lssc.test"))
            self.stdout.write(
                "Program history generated (applicants, courses, reviews)."
            )
        width = max(len(role) for role, _, _ in rows)
        self.stdout.write("Demo accounts (local use only):")
        for role, email, state in rows:
            self.stdout.write(f"  {role:<{width}}  {email:<28} {state}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write(
            f"Staff two-factor secret (add to an authenticator app): {DEMO_TOTP_SECRET}"
        )

    def _has_history(self) -> bool:
        return Candidate.objects.exists()

    def _provider(self, user):
        if ProviderContact.objects.filter(user=user).exists():
            return
        provider = Provider.objects.create(
            name="Prairie State Library", type="state_library", state="IL"
        )
        ProviderContact.objects.create(provider=provider, user=user)

    def _evaluator(self, user, institution):
        evaluator, _ = Evaluator.objects.get_or_create(
            user=user,
            defaults={
                "institution": institution,
                "trained_on": datetime.date(2026, 1, 15),
            },
        )
        evaluator.sets.set(CompetencySet.objects.current())
