"""``manage.py check_data``: every registered invariant, checked over the whole
database; one line per violation, then a summary; exits non-zero if any. The nightly
task runs the same checks (``lssc.core.data_check``) and mails what they find."""

from django.core.management.base import BaseCommand, CommandError

from lssc.core.data_check import check_all


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
        run = check_all(only, each=lambda violation: self.stdout.write(str(violation)))
        if run.total:
            raise CommandError(run.summary())
        self.stdout.write(self.style.SUCCESS(run.summary()))
