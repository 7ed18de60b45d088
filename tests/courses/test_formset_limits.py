"""The course application's instructors and offerings, and the admin's inlines,
take a bounded number of rows: a post claiming a hundred thousand forms is
answered at once with a form error, builds no more forms than the bound, and
changes nothing.

The bound is timed in the server's CPU seconds (``time.process_time``): wall time
on a busy shared runner also counts other processes.
"""

import time

import pytest
from django.urls import reverse

from courses.admin.providers import MAX_PROVIDER_CONTACTS
from courses.forms import MAX_INSTRUCTORS, MAX_OFFERINGS
from courses.models import CourseApplication, Instructor, Offering, ProviderContact
from lssc.accounts.roles import StaffGroup
from tests.courses.conftest import complete_application, contact_of
from tests.courses.view_helpers import application_data, next_offering
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

ROWS = {
    "instructors": (MAX_INSTRUCTORS, f"Name at most {MAX_INSTRUCTORS} instructors."),
    "offerings": (MAX_OFFERINGS, f"List at most {MAX_OFFERINGS} planned offerings."),
}


def timed_post(client, url, data):
    client.get(url)  # templates loaded: the timing is the post's alone
    began = time.process_time()
    response = client.post(url, data)
    return response, time.process_time() - began


def snapshot(application):
    application = CourseApplication.objects.get(pk=application.pk)
    return (
        application.title,
        application.updated_at,
        list(Instructor.objects.values_list("pk", "name")),
        list(Offering.objects.values_list("pk", "starts_on")),
    )


@pytest.fixture
def draft(provider, technology):
    return complete_application(provider, technology)


@pytest.fixture
def signed_in(client, provider):
    client.force_login(contact_of(provider))
    return client


@pytest.mark.parametrize("initial", ["0", "100000"])
@pytest.mark.parametrize("prefix", ROWS)
def test_a_post_claiming_100000_rows_gets_a_form_error_at_once(
    signed_in, draft, prefix, initial
):
    most, message = ROWS[prefix]
    before = snapshot(draft)
    data = application_data(draft, title="Renamed")
    data[f"{prefix}-TOTAL_FORMS"] = "100000"
    data[f"{prefix}-INITIAL_FORMS"] = initial

    url = reverse("courses:application", args=[draft.pk])
    response, elapsed = timed_post(signed_in, url, data)

    assert response.status_code == 200
    assert elapsed < 1
    assert len(response.context[prefix].forms) <= most
    assert message in response.content.decode()
    assert snapshot(draft) == before


def test_the_most_instructors_are_saved_and_one_more_is_refused(signed_in, draft):
    url = reverse("courses:application", args=[draft.pk])
    before = snapshot(draft)
    people = [(f"Instructor {n}", "MLIS") for n in range(MAX_INSTRUCTORS)]
    response = signed_in.post(url, application_data(draft, instructors=people))
    assert response.status_code == 200  # one saved already: one too many
    assert ROWS["instructors"][1] in response.content.decode()
    assert snapshot(draft) == before

    response = signed_in.post(url, application_data(draft, instructors=people[1:]))
    assert response.status_code == 302
    assert draft.instructors.count() == MAX_INSTRUCTORS


def test_the_most_offerings_are_saved_and_one_more_is_refused(signed_in, draft):
    url = reverse("courses:application", args=[draft.pk])
    before = snapshot(draft)
    planned = [next_offering()] * MAX_OFFERINGS
    response = signed_in.post(url, application_data(draft, offerings=planned))
    assert response.status_code == 200
    assert ROWS["offerings"][1] in response.content.decode()
    assert snapshot(draft) == before

    response = signed_in.post(url, application_data(draft, offerings=planned[1:]))
    assert response.status_code == 302
    assert draft.offerings.count() == MAX_OFFERINGS


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_the_admin_refuses_100000_provider_contacts_at_once(officer, provider):
    contacts = list(ProviderContact.objects.values_list("pk", "user"))
    url = reverse("admin:courses_provider_change", args=[provider.pk])
    data = {
        "name": "Renamed",
        "type": provider.type,
        "state": provider.state,
        "website": "",
        "contacts-TOTAL_FORMS": "100000",
        "contacts-INITIAL_FORMS": "100000",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }

    response, elapsed = timed_post(officer, url, data)

    assert response.status_code == 200
    assert elapsed < 1
    formset = response.context["inline_admin_formsets"][0].formset
    assert len(formset.forms) <= MAX_PROVIDER_CONTACTS
    assert f"Please submit at most {MAX_PROVIDER_CONTACTS} forms." in (
        response.content.decode()
    )
    provider.refresh_from_db()
    assert provider.name != "Renamed"
    assert list(ProviderContact.objects.values_list("pk", "user")) == contacts


def test_a_read_only_inline_builds_only_the_saved_rows(officer, draft):
    """Nothing is added through a read-only inline: its forms are the saved rows,
    whatever the post claims."""
    before = snapshot(draft)
    url = reverse("admin:courses_courseapplication_change", args=[draft.pk])
    data = {}
    for prefix in ("instructors", "offerings"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "100000",
            f"{prefix}-INITIAL_FORMS": "100000",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }

    response, elapsed = timed_post(officer, url, data)

    assert response.status_code == 200
    assert elapsed < 1
    inlines = response.context["inline_admin_formsets"]
    assert [len(inline.formset.forms) for inline in inlines] == [1, 1]
    assert snapshot(draft) == before
