"""Demo accounts for every role and five years of program history, made through the
program's own services (see ``demo.story``), so a newcomer can sign in as each role
locally and find work waiting."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from candidates.models import Candidate

from ...story.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET, ROLES, staff_accounts
from ...story.build import build
from ...story.reset import reset


class Command(BaseCommand):
    help = (
        "Create demo accounts for each role and five years of program history "
        "(once: run again, it changes nothing; --reset rebuilds it). Refuses when "
        "DEBUG is off."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the program's records (keeping the catalog, fees, manuals "
            "and mail templates) and build the demo again.",
        )
        parser.add_argument(
            "--no-history",
            action="store_true",
            help="Only the staff accounts: no applicants, courses or reviews.",
        )

    def handle(self, *args, no_history=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: it sets known passwords."
            )
        started = time.monotonic()
        if options.get("reset"):
            deleted = reset()
            self.stdout.write(f"Deleted {deleted:,} rows of the previous demo.")
        if no_history:
            staff_accounts()
        elif Candidate.objects.exists():
            self.stdout.write("The demo history exists already; nothing changed.")
        else:
            world = build()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write(
                f"Five years of program history made in {world.timeline.steps:,} "
                f"steps, {time.monotonic() - started:.0f} s."
            )
        width = max(len(role) for _, role in ROLES)
        self.stdout.write("Demo accounts (local use only):")
        for email, role in ROLES:
            self.stdout.write(f"  {role:<{width}}  {email}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write(
            f"Staff two-factor secret (add to an authenticator app): {DEMO_TOTP_SECRET}"
        )
