"""Importing a provider's roster of a course: the candidates who completed it.

A roster row counts as the provider's confirmation (as a signed completion form
does): the completion is recorded and verified at once, and the set achieved. A
completion the candidate recorded already is confirmed; one verified already is
left as it is, so the same roster can be uploaded twice.
"""

from candidates.models import Candidate
from lssc.core.imports import Checked, Column, Importer, parse_date

from .achievements import completion_problem, completion_record, completion_verify
from .models import Completion, Course, ReviewState


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


class RosterImport(Importer):
    title = "Roster"
    columns = (
        Column(
            "candidate_number", "The candidate's LSSC number, e.g. LSSC-2026-00042."
        ),
        Column("name", "The candidate's full name, as a check on the number."),
        Column("completed_on", "Date completed (2026-03-31 or 03/31/2026)."),
        Column("result", "The grade or result, e.g. Pass."),
    )

    def __init__(self, course: Course):
        self.course = course

    def prepare(self, rows):
        numbers = {r["candidate_number"].upper() for r in rows if r["candidate_number"]}
        self.candidates = {
            c.number.upper(): c
            for c in Candidate.objects.filter(number__in=numbers).select_related("user")
        }
        self.completions = {}
        for completion in Completion.objects.filter(
            course=self.course, candidate__in=self.candidates.values()
        ).exclude(state=ReviewState.REJECTED):
            self.completions[completion.candidate_id] = completion
        self.problems = {}  # one check of the approval periods per date

    def check_row(self, cells, seen):
        errors = []
        number = cells["candidate_number"].upper()
        candidate = self.candidates.get(number)
        if not number:
            errors.append("The candidate number is missing.")
        elif candidate is None:
            errors.append(f"No candidate has the number {cells['candidate_number']}.")
        elif not _same_name(cells["name"], candidate.user.full_name):
            # The name on record is not shown: the roster may come from outside.
            errors.append(
                f"The name does not match the record of {candidate.number}: check "
                "the number and the spelling."
            )
        if number and number in seen:
            errors.append(
                f"{number} appears twice in the file (line {seen[number]} too)."
            )
        seen.setdefault(number, self.line)
        completed_on = parse_date(cells["completed_on"])
        if completed_on is None:
            errors.append(
                f"“{cells['completed_on']}” is not a date: write 2026-03-31 or "
                "03/31/2026."
                if cells["completed_on"]
                else "The date is missing."
            )
        else:
            if completed_on not in self.problems:
                self.problems[completed_on] = completion_problem(
                    self.course, completed_on
                )
            if self.problems[completed_on]:
                errors.append(self.problems[completed_on])
        if not cells["result"]:
            errors.append("The grade or result is missing.")
        existing = candidate and self.completions.get(candidate.pk)
        if candidate and not existing and candidate.past_deadline():
            errors.append(
                f"The candidacy {candidate.number} ended with its deadline on "
                f"{candidate.deadline:%B %-d, %Y}: a new completion no longer counts "
                "toward it."
            )
        if errors:
            return Checked(errors=errors)
        if existing and existing.state == ReviewState.VERIFIED:
            return Checked(skip=True, note="this completion is verified already.")
        value = {"candidate": candidate, "completed_on": completed_on,
                 "result": cells["result"], "existing": existing}  # fmt: skip
        note = "confirms the completion the candidate recorded." if existing else ""
        return Checked(value=value, note=note)

    def save(self, values, by):
        for value in values:
            completion = value["existing"] or completion_record(
                candidate=value["candidate"],
                course=self.course,
                completed_on=value["completed_on"],
                result=value["result"],
                by=by,
            )
            completion_verify(completion=completion, by=by, roster=True)
        return len(values)
