"""Demo accounts for every role, so a newcomer can sign in as each one locally."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lssc.accounts.roles import StaffGroup
from lssc.accounts.services import user_ensure

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
    ("provider@demo.lssc.test", "Pat Provider", (), "Course provider contact"),
    ("candidate1@demo.lssc.test", "Cara Candidate", (), "Candidate"),
    ("candidate2@demo.lssc.test", "Cody Candidate", (), "Candidate"),
]


class Command(BaseCommand):
    help = "Create demo accounts for each role (idempotent; refuses when DEBUG is off)."

    def handle(self, *args, **options):
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
            rows.append((role, email, "created" if created else "exists"))
        width = max(len(role) for role, _, _ in rows)
        self.stdout.write("Demo accounts (local use only):")
        for role, email, state in rows:
            self.stdout.write(f"  {role:<{width}}  {email:<28} {state}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write(
            f"Staff two-factor secret (add to an authenticator app): {DEMO_TOTP_SECRET}"
        )
