"""What every journey of the demo shares: the clock's end, the repeatable random
choices, the staff who act, the evaluators, the catalog, and the courses and
agreements candidates can use once they exist."""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms

from lssc.competencies.models import CompetencySet

from .timeline import Timeline, moment

DAY = datetime.timedelta(days=1)


class DemoDataError(Exception):
    """The demo's own data broke a rule: a bug in the demo, shown with the reason."""


def filled(form: forms.BaseForm | forms.BaseFormSet):
    """``form`` validated as a person's input would be; the demo's data must pass."""
    if not form.is_valid():
        errors = form.errors if isinstance(form, forms.BaseForm) else [
            *form.errors, form.non_form_errors()
        ]  # fmt: skip
        raise DemoDataError(f"{type(form).__name__} refused the demo data: {errors}")
    return form


@dataclass
class World:
    today: datetime.date
    seed: int
    officer: object = None
    clerk: object = None
    committee: object = None
    evaluators: list = field(default_factory=list)
    # Approved courses by set slug, and the recognition agreements, as they appear.
    courses: dict = field(default_factory=lambda: defaultdict(list))
    agreements: list = field(default_factory=list)

    def __post_init__(self):
        self.rng = random.Random(self.seed)  # noqa: S311 (repeatable demo data)
        self.timeline = Timeline(until=moment(self.today, 17))
        self.sets = {s.slug: s for s in CompetencySet.objects.current()}

    def days(self, low: int, high: int | None = None) -> datetime.timedelta:
        """A pause of ``low`` days, or between ``low`` and ``high``."""
        return DAY * (low if high is None else self.rng.randint(low, high))

    def at(self, day: datetime.date, hour: int | None = None) -> datetime.datetime:
        return moment(day, self.rng.randint(9, 16) if hour is None else hour)

    @property
    def required(self) -> list:
        return [s for s in self.sets.values() if s.is_required]

    @property
    def electives(self) -> list:
        return [s for s in self.sets.values() if not s.is_required]
