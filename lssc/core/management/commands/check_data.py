"""``manage.py check_data``: every registered invariant, checked over the whole
database; one line per violation, then a summary; exits non-zero if any."""

import time

from django.core.management.base import BaseCommand, CommandError

from lssc.core.invariants import invariants


class Command(BaseCommand):
    help = (
        "Check the data against the program's rules (six sets per certification, a "
        "source for every achievement, fees, audit trails, files, dates…)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", action="append", default=[], help="Check only this invariant."
        )

    def handle(self, *args, only, **options):
        started = time.monotonic()
        checks = [i for i in invariants() if not only or i.name in only]
        counts = {}
        for invariant in checks:
            counts[invariant.name] = 0
            for violation in invariant.check():
                counts[invariant.name] += 1
                self.stdout.write(str(violation))
        elapsed = time.monotonic() - started
        total = sum(counts.values())
        broken = [f"{name}: {n}" for name, n in counts.items() if n]
        summary = (
            f"{len(checks)} invariants checked in {elapsed:.1f} s: "
            f"{total} violation{'' if total == 1 else 's'}"
            + (f" ({', '.join(broken)})" if broken else ".")
        )
        if total:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
