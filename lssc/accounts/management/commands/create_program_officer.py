from getpass import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lssc.accounts.roles import StaffGroup
from lssc.accounts.services import user_ensure


class Command(BaseCommand):
    help = (
        "Create the first Program Officer: a staff account with a verified email in "
        "the Program Officer group. They set up two-factor authentication at first "
        "sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="Full name")
        parser.add_argument(
            "--superuser",
            action="store_true",
            help="Also grant every permission (for the technical owner only).",
        )

    def handle(self, *args, email, name, superuser, **options):
        password = getpass("Password: ")
        if password != getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        user, created = user_ensure(
            email=email,
            full_name=name,
            password=password,
            groups=(StaffGroup.PROGRAM_OFFICER,),
            is_superuser=superuser,
        )
        if not created:
            raise CommandError(f"{email} already has an account; edit it in admin.")
        self.stdout.write(self.style.SUCCESS(f"Program Officer {user.email} created."))
