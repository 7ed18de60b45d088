"""A provider's roster from a CSV file: checked row by row, then each completion
recorded and verified as the provider's confirmation; by the provider on its page
or by staff in admin."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.models import Achievement
from courses.achievements import completion_record
from courses.models import Completion, ReviewState
from tests.courses.conftest import MARCH_10, approved_course, contact_of, make_provider
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "candidate_number,name,completed_on,result\n"


def roster_url(course):
    return reverse("courses:roster_import", args=[course.pk])


def upload(client, url, text):
    file = SimpleUploadedFile("roster.csv", text.encode(), "text/csv")
    return client.post(url, {"file": file})


def line(candidate, day="2026-05-01", result="Pass", name=None):
    return f"{candidate.number},{name or candidate.user.full_name},{day},{result}\n"


def test_the_provider_uploads_a_roster_and_the_sets_are_achieved(
    client, course, candidate, commit
):
    from tests.candidates.helpers import admitted_candidate

    other = admitted_candidate()
    recorded = completion_record(
        candidate=other, course=course, completed_on=datetime.date(2026, 4, 2),
        result="A",
    )  # fmt: skip
    client.force_login(contact_of(course.provider))
    dashboard = client.get(reverse("courses:provider_dashboard"))
    assert roster_url(course) in dashboard.content.decode()

    text = HEADER + line(candidate, "05/01/2026") + line(other, result="A")
    preview = upload(client, roster_url(course), text)
    html = preview.content.decode()
    assert "All 2 rows pass: 2 to save" in html
    assert "confirms the completion the candidate recorded." in html
    assert not Achievement.objects.exists()

    with commit():
        done = client.post(roster_url(course), {"payload": preview.context["payload"]})
    assert done["Location"] == reverse("courses:provider_dashboard")
    new = Completion.objects.get(candidate=candidate)
    assert new.state == ReviewState.VERIFIED
    assert new.confirmed_by_provider
    assert str(new.completed_on) == "2026-05-01"
    recorded.refresh_from_db()
    assert recorded.state == ReviewState.VERIFIED
    assert (
        Achievement.objects.filter(
            competency_set=course.competency_set, method="course"
        ).count()
        == 2
    )

    # The same roster again: verified already, nothing to do, nothing doubled.
    again = upload(client, roster_url(course), text)
    assert "0 to save" in again.content.decode()
    assert "this completion is verified already." in again.content.decode()
    client.post(roster_url(course), {"payload": again.context["payload"]})
    assert Completion.objects.count() == 2
    assert Achievement.objects.count() == 2


def test_bad_rows_are_shown_and_nothing_is_saved(client, course, candidate):
    from tests.candidates.helpers import admitted_candidate

    second = admitted_candidate()
    text = HEADER + (
        line(candidate)
        + line(candidate)  # twice
        + "LSSC-1999-99999,Nobody,2026-05-01,Pass\n"
        + line(second, name="Someone Else")
        + line(second, day="2022-01-01")  # before the retroactive window
        + line(second, day="2026-13-01")
        + line(second, result="")
    )
    client.force_login(contact_of(course.provider))
    response = upload(client, roster_url(course), text)
    html = response.content.decode()
    assert "6 rows of 7 cannot be imported." in html
    assert f"{candidate.number} appears twice in the file (line 2 too)." in html
    assert "No candidate has the number LSSC-1999-99999." in html
    assert f"The name does not match the record of {second.number}" in html
    assert "counts only if completed on or after" in html
    assert "“2026-13-01” is not a date" in html
    assert "The grade or result is missing." in html
    assert 'name="payload"' not in html
    assert not Completion.objects.exists()


def test_another_providers_course_answers_404(client, course, technology, officer):
    stranger = make_provider("Other Cooperative", contacts=1)
    client.force_login(contact_of(stranger))
    assert client.get(roster_url(course)).status_code == 404
    client.force_login(UserFactory())  # not a provider at all
    assert client.get(roster_url(course)).status_code == 404


def test_a_preview_for_one_course_cannot_be_saved_into_another(
    client, course, candidate, technology, officer
):
    second = approved_course(
        course.provider, technology, officer=officer, day=MARCH_10, title="Tech 2"
    )
    client.force_login(contact_of(course.provider))
    preview = upload(client, roster_url(course), HEADER + line(candidate))
    client.post(roster_url(second), {"payload": preview.context["payload"]})
    assert not Completion.objects.exists()


def test_staff_import_a_roster_in_admin(client, course, candidate, clerk):
    url = reverse("admin:courses_course_roster", args=[course.pk])
    client.force_login(clerk)  # the Program Assistant verifies completions
    page = client.get(reverse("admin:courses_course_change", args=[course.pk]))
    assert url in page.content.decode()
    preview = upload(client, url, HEADER + line(candidate))
    assert preview.context["preview"].errors == 0
    client.post(url, {"payload": preview.context["payload"]})
    completion = Completion.objects.get()
    assert completion.state == ReviewState.VERIFIED
    assert completion.decided_by == clerk


def test_staff_who_do_not_verify_completions_may_not(client, course):
    from lssc.accounts.roles import StaffGroup
    from tests.factories import staff_user

    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    url = reverse("admin:courses_course_roster", args=[course.pk])
    assert client.get(url).status_code == 403


def test_a_renewed_course_takes_a_roster_too(client, technology, officer):
    """A course approved twice (first approval and renewal) is one course."""
    from tests.courses.conftest import renew

    provider = make_provider()
    course = approved_course(provider, technology, officer=officer, day=MARCH_10)
    renew(course, officer, day=MARCH_10 + datetime.timedelta(days=900))
    assert course.approvals.count() == 2
    client.force_login(contact_of(provider))
    assert client.get(roster_url(course)).status_code == 200
