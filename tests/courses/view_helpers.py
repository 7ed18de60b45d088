"""Helpers for the courses page tests: the application form's POST data as the page
sends it, courses straight in the catalog, and the text of a generated PDF."""

import datetime

from django.urls import reverse
from django.utils import timezone

from courses.applications import application_reject
from courses.models import (
    Course,
    CourseFormat,
    Delivery,
    LengthUnit,
    Pacing,
    Provider,
    ProviderType,
)
from lssc.core.dates import add_years
from tests.courses.conftest import in_review, pdf

FORM_FIELDS = (
    "title",
    "description",
    "format",
    "delivery",
    "pacing",
    "length",
    "length_unit",
    "assessment",
    "completion_certification",
)


def _management(data, prefix, total, initial):
    data[f"{prefix}-TOTAL_FORMS"] = str(total)
    data[f"{prefix}-INITIAL_FORMS"] = str(initial)
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"


def application_data(
    application,
    *,
    coverage=None,
    instructors=(),
    offerings=(),
    submit=False,
    **fields,
) -> dict:
    """The form as saved (fields, coverage, instructors, offerings), with changes.

    ``coverage`` maps competency ids to text and replaces what is saved;
    ``instructors`` (name, qualifications) and ``offerings`` (start, end, location)
    are added as new rows; ``fields`` override the course fields.
    """
    data = {}
    for name in FORM_FIELDS:
        value = getattr(application, name)
        data[name] = "" if value is None else str(value)
    if application.competency_set_id:
        data["competency_set"] = str(application.competency_set_id)
    saved = list(application.instructors.all())
    _management(data, "instructors", len(saved) + len(instructors), len(saved))
    rows = [(i.pk, i.name, i.qualifications) for i in saved]
    rows += [(None, name, q) for name, q in instructors]
    for n, (pk, name, qualifications) in enumerate(rows):
        data[f"instructors-{n}-id"] = "" if pk is None else str(pk)
        data[f"instructors-{n}-name"] = name
        data[f"instructors-{n}-qualifications"] = qualifications
    saved = list(application.offerings.all())
    _management(data, "offerings", len(saved) + len(offerings), len(saved))
    rows = [(o.pk, o.starts_on, o.ends_on, o.location) for o in saved]
    rows += [(None, *offering) for offering in offerings]
    for n, (pk, starts_on, ends_on, location) in enumerate(rows):
        data[f"offerings-{n}-id"] = "" if pk is None else str(pk)
        data[f"offerings-{n}-starts_on"] = starts_on.isoformat()
        data[f"offerings-{n}-ends_on"] = ends_on.isoformat()
        data[f"offerings-{n}-location"] = location
    if coverage is None:
        coverage = {c.competency_id: c.where_taught for c in application.coverage.all()}
    for competency_id, text in coverage.items():
        data[f"coverage-c{competency_id}"] = text
    data.update({name: str(value) for name, value in fields.items()})
    data["submit" if submit else "save"] = "1"
    return data


def new_application_data(*, submit=False, **fields) -> dict:
    """The blank form of a new course (no application saved yet), with ``fields``."""
    data = dict.fromkeys(FORM_FIELDS, "")
    # One blank row of each, as the page shows them (a place defaults to Online).
    _management(data, "instructors", 1, 0)
    _management(data, "offerings", 1, 0)
    data.update({"instructors-0-id": "", "offerings-0-id": ""})
    data["offerings-0-location"] = "Online"
    data.update({name: str(value) for name, value in fields.items()})
    data["submit" if submit else "save"] = "1"
    return data


COMPLETE_FIELDS = {
    "title": "Library Technology Essentials",
    "description": "Eight weeks on the computers, networks and software of a library.",
    "format": CourseFormat.COURSE,
    "delivery": Delivery.ONLINE,
    "pacing": Pacing.ASYNCHRONOUS,
    "length": 8,
    "length_unit": LengthUnit.WEEKS,
    "assessment": "Weekly lab exercises and a final project.",
    "completion_certification": "The instructor signs the program's form.",
}


def full_coverage(competency_set) -> dict[int, str]:
    return {
        c.pk: f"Week {c.number % 8 + 1}: lab {c.number}"
        for c in competency_set.competencies.all()
    }


def next_offering():
    start = timezone.localdate() + datetime.timedelta(days=60)
    return (start, start + datetime.timedelta(weeks=8), "Online")


def catalog_course(competency_set, *, provider=None, title="A course", **fields):
    """A course in the catalog row by row, as approval leaves it (no approval period
    rows: the catalog reads the course alone)."""
    today = timezone.localdate()
    provider = provider or Provider.objects.create(
        name="Prairie Library Cooperative",
        type=ProviderType.COOPERATIVE,
        state="IL",
    )
    values = {
        "description": "Readings, discussion and practice.",
        "format": CourseFormat.COURSE,
        "delivery": Delivery.ONLINE,
        "pacing": Pacing.ASYNCHRONOUS,
        "length": 6,
        "length_unit": LengthUnit.WEEKS,
        "first_approved_on": today,
        "approved_on": today,
        "expires_on": add_years(today, 3),
        **fields,
    }
    return Course.objects.create(
        provider=provider, competency_set=competency_set, title=title, **values
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def run(client, changelist, action, pks, **form):
    """Run an admin action; with ``form`` the intermediate page is filled in."""
    data = {"action": action, "_selected_action": [str(pk) for pk in pks]}
    if form:
        data.update(apply="1", **form)
    return client.post(changelist, data, follow=True)


def rejected(application, officer, reason="The assessment is not described."):
    in_review(application)
    assert application_reject(application=application, by=officer, reason=reason)
    application.refresh_from_db()
    return application


def claim(client, agreement, graduated_on, upload=None):
    return client.post(
        reverse("courses:claim", args=[agreement.pk]),
        {
            "graduated_on": graduated_on.isoformat(),
            "document": upload or pdf("transcript.pdf"),
        },
    )
