"""Every CSV the program writes keeps text from running as a spreadsheet formula:
a cell starting with =, +, -, @, a tab or a carriage return comes out with a
leading apostrophe, so a name such as =HYPERLINK(...) is shown, never run.
Numbers stay numbers."""

import csv
import io
import pathlib
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from candidates.models import Application
from evaluations.models import Evaluator
from lssc.accounts.models import User
from lssc.competencies.models import CompetencySet
from lssc.core.csv_export import cell, writer
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify
from tests.factories import UserFactory
from tests.staff.test_exports import export, officer  # noqa: F401

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\tx",
    "\rx",
]


def inert(value):
    return "'" + value


def person(name):
    candidate = admitted_candidate()
    User.objects.filter(pk=candidate.user_id).update(full_name=name)
    Application.objects.filter(pk=candidate.application_id).update(library_name=name)
    return candidate


def test_the_candidate_export_neutralises_formulas(officer):  # noqa: F811
    candidates = [person(name) for name in HOSTILE]
    rows = export(
        officer,
        "admin:candidates_candidate_changelist",
        [c.pk for c in candidates],
    )
    names = {row[0]: (row[1], row[3]) for row in rows[1:]}
    for candidate, name in zip(candidates, HOSTILE, strict=True):
        assert names[candidate.number] == (inert(name), inert(name))


def test_the_certification_export_neutralises_formulas(officer):  # noqa: F811
    certifications = [certify(person(name)) for name in HOSTILE]
    rows = export(
        officer,
        "admin:candidates_certification_changelist",
        [c.pk for c in certifications],
    )
    holders = {row[0]: row[1] for row in rows[1:]}
    for certification, name in zip(certifications, HOSTILE, strict=True):
        assert holders[certification.number] == inert(name)


def test_the_evaluator_export_neutralises_formulas(officer):  # noqa: F811
    evaluators = [
        Evaluator.objects.create(
            user=UserFactory(full_name=name, email=f"e{n}@example.org"),
            institution=name,
        )
        for n, name in enumerate(HOSTILE)
    ]
    rows = export(
        officer,
        "admin:evaluations_evaluator_changelist",
        [e.pk for e in evaluators],
    )
    found = {row[1]: (row[0], row[2], row[-1]) for row in rows[1:]}
    for n, (evaluator, name) in enumerate(zip(evaluators, HOSTILE, strict=True)):
        most = str(evaluator.max_assignments)  # a number, written as it is
        assert found[f"e{n}@example.org"] == (inert(name), inert(name), most)


def test_the_report_csv_neutralises_formulas_and_keeps_numbers(officer):  # noqa: F811
    sets = list(CompetencySet.objects.current()[: len(HOSTILE)])
    for competency_set, name in zip(sets, HOSTILE, strict=True):
        CompetencySet.objects.filter(pk=competency_set.pk).update(name=name)
    response = officer.get(
        reverse("reports:detail", args=["courses"])
        + "?start=2026-01-01&end=2026-01-31&format=csv"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    first_cells = [row[0] for row in rows[1:]]
    for name in HOSTILE:
        assert inert(name) in first_cells
        assert name not in first_cells
    assert all(re.fullmatch(r"\d+", value) for row in rows[1:] for value in row[1:])


def test_numbers_stay_numbers_and_other_text_is_left_alone():
    assert cell(-12) == -12
    assert cell(Decimal("-3.50")) == Decimal("-3.50")
    assert cell(2.5) == 2.5
    assert cell(None) is None
    # The writer leaves a string that is only a number alone, negative or not.
    for value, written in [
        ("-1,234.50", "-1,234.50"),
        ("-2", "-2"),
        ("Lakeside College", "Lakeside College"),
        ("Anne-Marie = 2", "Anne-Marie = 2"),
        ("-2+3", "'-2+3"),
        ("\nx", "'\nx"),
    ]:
        out = io.StringIO()
        writer(out).writerow([value])
        assert next(csv.reader(io.StringIO(out.getvalue()))) == [written]


def test_nothing_else_writes_csv():
    """Every CSV goes through ``lssc.core.csv_export``: no other module of the
    program uses the csv module's writers."""
    root = pathlib.Path(settings.BASE_DIR)
    writers = re.compile(
        r"\bcsv\.(writer|DictWriter)\b|from csv import[^\n]*\b(writer|DictWriter)\b"
    )
    packages = [
        top
        for top in root.iterdir()
        if (top / "__init__.py").exists() and top.name != "tests"
    ]
    assert {"lssc", "candidates", "courses"} <= {p.name for p in packages}
    offenders = [
        str(path.relative_to(root))
        for package in packages
        for path in package.rglob("*.py")
        if path.name != "csv_export.py"
        and writers.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
