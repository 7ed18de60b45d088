"""Reads of the competency catalog shaped for pages."""

from dataclasses import dataclass, field
from itertools import groupby

from .models import Competency, CompetencySet


@dataclass
class KindGroup:
    kind: str
    label: str
    competencies: list[Competency]


@dataclass
class PartGroup:
    part: str
    kinds: list[KindGroup] = field(default_factory=list)


def grouped_competencies(competency_set: CompetencySet) -> list[PartGroup]:
    """The set's competencies grouped by part, then by kind, in numbered order.

    Groups follow the printed order, so a part that lists "will know" then "will be
    able to" shows them in that order.
    """
    labels = dict(Competency.Kind.choices)
    competencies = sorted(competency_set.competencies.all(), key=lambda c: c.number)
    parts = []
    for part, in_part in groupby(competencies, key=lambda c: c.part):
        group = PartGroup(part=part)
        for kind, in_kind in groupby(in_part, key=lambda c: c.kind):
            group.kinds.append(KindGroup(kind, labels[kind], list(in_kind)))
        parts.append(group)
    return parts
