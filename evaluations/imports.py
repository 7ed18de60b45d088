"""Importing the committee's list of evaluators from a CSV file (admin)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone

from lssc.competencies.models import CompetencySet
from lssc.core.imports import Checked, Column, Importer, parse_date

from .models import Evaluator
from .recruitment import evaluator_add

MOST_ASSIGNMENTS = 50


class EvaluatorImport(Importer):
    title = "Evaluators"
    columns = (
        Column("email", "The evaluator's email address: their sign-in."),
        Column("name", "Full name (may be empty for someone with an account)."),
        Column("institution", "Library or school."),
        Column("sets", "Competency sets, by name, separated by semicolons."),
        Column(
            "trained_on",
            "Date of the portfolio-assessment training (2026-03-31 or 03/31/2026); "
            "empty if not trained yet.",
            required=False,
        ),
        Column(
            "max_assignments",
            "Most portfolios assigned at once; empty for the program's default.",
            required=False,
        ),
    )

    def prepare(self, rows):
        emails = {r["email"].lower() for r in rows if r["email"]}
        # Emails match whatever their case, as accounts do (and evaluator_add).
        users = (
            get_user_model()
            .objects.alias(email_lower=Lower("email"))
            .filter(email_lower__in=emails)
        )
        self.users = {u.email.lower(): u for u in users}
        self.evaluators = {
            email.lower()
            for email in Evaluator.objects.filter(user__in=users).values_list(
                "user__email", flat=True
            )
        }
        self.sets = {}
        for competency_set in CompetencySet.objects.current():
            self.sets[competency_set.name.lower()] = competency_set
            self.sets[competency_set.slug] = competency_set

    def check_row(self, cells, seen):
        errors = []
        email = cells["email"]
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"“{email}” is not an email address." if email else
                          "The email is missing.")  # fmt: skip
        key = email.lower()
        if key and key in seen:
            errors.append(f"{email} appears twice in the file (line {seen[key]} too).")
        seen.setdefault(key, self.line)
        if key in self.evaluators:
            return Checked(errors=errors, note=f"{email} is an evaluator already: "
                           "left as is.", skip=not errors)  # fmt: skip
        user = self.users.get(key)
        name = cells["name"] or (user.full_name if user else "")
        if not name:
            errors.append("The name is missing.")
        if not cells["institution"]:
            errors.append("The institution is missing.")
        sets, unknown = [], []
        for item in filter(None, (s.strip() for s in cells["sets"].split(";"))):
            found = self.sets.get(item.lower())
            if found is None:
                unknown.append(item)
            elif found not in sets:
                sets.append(found)
        errors += [f"“{item}” is not a competency set." for item in unknown]
        if not sets and not unknown:
            errors.append("Name at least one competency set.")
        trained_on = None
        if cells["trained_on"]:
            trained_on = parse_date(cells["trained_on"])
            if trained_on is None:
                errors.append(
                    f"“{cells['trained_on']}” is not a date: write 2026-03-31 or "
                    "03/31/2026."
                )
            elif trained_on > timezone.localdate():
                errors.append("The training date is in the future.")
        most = None
        if cells["max_assignments"]:
            try:
                most = int(cells["max_assignments"])
            except ValueError:
                most = 0
            if not 1 <= most <= MOST_ASSIGNMENTS:
                errors.append(
                    f"The most assignments must be a whole number from 1 to "
                    f"{MOST_ASSIGNMENTS}."
                )
        value = {
            "email": user.email if user else email,
            "full_name": name,
            "institution": cells["institution"],
            "sets": sets,
            "trained_on": trained_on,
            "max_assignments": most,
        }
        note = "Has an account already." if user else "A new account will be opened."
        return Checked(value=value, errors=errors, note=note)

    def save(self, values, by):
        for value in values:
            evaluator_add(**value, by=by)
        return len(values)
