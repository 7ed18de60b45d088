"""Audit summaries never overflow their column: an evaluator added for all ten sets
with a training date (a summary of over 300 characters) is recorded, shortened at
a word, with the whole text kept in the entry's reason. PostgreSQL enforces the
column's length, and answered this import with a 500; SQLite does not, so the
length is asserted too."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.audit.services import audit_log, shortened
from lssc.competencies.models import CompetencySet
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

URL = reverse("admin:evaluations_evaluator_import")
SUMMARY_MAX = AuditEntry._meta.get_field("summary").max_length


def test_an_evaluator_for_all_ten_sets_is_imported_with_the_whole_summary(client):
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    names = list(CompetencySet.objects.current().values_list("name", flat=True))
    assert len(names) == 10
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(["email", "name", "institution", "sets", "trained_on",
                   "max_assignments"])  # fmt: skip
    rows.writerow(["all@example.org", "Al Sets", "Lakeside College",
                   "; ".join(names), "2025-09-28", ""])  # fmt: skip
    upload = SimpleUploadedFile("list.csv", out.getvalue().encode(), "text/csv")

    preview = client.post(URL, {"file": upload})
    assert preview.status_code == 200
    assert preview.context["preview"].errors == 0
    done = client.post(URL, {"payload": preview.context["payload"]})

    assert done.status_code == 302
    evaluator = Evaluator.objects.get(user__email="all@example.org")
    assert evaluator.sets.count() == 10
    entry = AuditEntry.objects.get(action="evaluator.added")
    full = (
        f"Added as an evaluator for {', '.join(names)}, trained on September 28, 2025"
    )
    assert len(full) > SUMMARY_MAX  # the case that overflowed
    assert len(entry.summary) <= SUMMARY_MAX
    assert entry.summary.endswith("…")
    assert full.startswith(entry.summary.removesuffix("…"))
    assert entry.reason == full  # nothing lost
    assert entry.owner == evaluator.user


def test_a_long_summary_is_cut_at_a_word_and_kept_whole_before_the_reason():
    subject = UserFactory()
    summary = "word " * 100  # 500 characters
    entry = audit_log(
        subject=subject, action="test.long", summary=summary, reason="Why."
    )
    entry.refresh_from_db()
    assert len(entry.summary) <= SUMMARY_MAX
    assert entry.summary.endswith("word…")
    assert entry.reason == f"{summary}\n\nWhy."


def test_a_summary_that_fits_is_kept_as_it_is():
    entry = audit_log(subject=UserFactory(), action="test.short", summary="x" * 300)
    entry.refresh_from_db()
    assert entry.summary == "x" * 300
    assert entry.reason == ""


def test_shortened_without_a_space_cuts_the_word():
    assert shortened("x" * 400, 300) == "x" * 299 + "…"


@pytest.mark.parametrize(
    ("field", "value"),
    [("action", "a" * 61), ("from_state", "s" * 41), ("to_state", "s" * 41)],
)
def test_a_code_longer_than_its_column_is_refused_on_every_database(field, value):
    fields = {"action": "test.code", field: value}
    with pytest.raises(ValueError, match=field):
        audit_log(subject=UserFactory(), summary="A code too long", **fields)
    assert not AuditEntry.objects.filter(summary="A code too long").exists()
