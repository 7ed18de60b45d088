"""The provider's pages through HTTP: registering, the dashboard, roster
confirmations and contacts. Another provider's objects answer 404."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from courses.achievements import completion_record
from courses.applications import application_start, application_submit
from courses.models import (
    ApplicationStatus,
    Completion,
    CourseApplication,
    Provider,
    ProviderContact,
    ReviewState,
)
from lssc.appeals.models import Appeal
from lssc.core.dates import add_years
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payments_for
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import (
    approved_course,
    complete_application,
    contact_of,
    in_review,
    make_provider,
    submit_and_pay,
)
from tests.courses.view_helpers import messages_of, rejected
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
DAY = datetime.timedelta(days=1)


@pytest.fixture
def signed_in(client, provider):
    client.force_login(contact_of(provider))
    return client


def provider_urls(pk=1):
    return [
        reverse("courses:provider_dashboard"),
        reverse("courses:provider_register"),
        reverse("courses:provider_contact_add"),
        reverse("courses:application_new"),
        reverse("courses:application", args=[pk]),
        reverse("courses:application_pay", args=[pk]),
        reverse("courses:application_withdraw", args=[pk]),
        reverse("courses:application_appeal", args=[pk]),
        reverse("courses:renew", args=[pk]),
        reverse("courses:roster_confirm", args=[pk]),
    ]


# --- Who reaches the provider pages ---------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_from_every_provider_page(
    client, provider
):
    for url in provider_urls():
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"] == f"{LOGIN}?next={url}", url
    assert not CourseApplication.objects.exists()
    assert Provider.objects.count() == 1


def test_a_person_without_a_provider_is_sent_to_register(client):
    client.force_login(UserFactory())
    response = client.get(reverse("courses:provider_dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:provider_register")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Register as a course provider" in page.content.decode()
    # The pages that act for a provider have nothing to show them.
    assert client.post(reverse("courses:application_new")).status_code == 404
    assert client.post(reverse("courses:renew", args=[1])).status_code == 404
    assert not CourseApplication.objects.exists()


def test_registration_with_bad_input_shows_the_errors_and_creates_nothing(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("courses:provider_register"),
        {"name": "", "type": "cooperative", "state": "ZZ", "website": "not a url"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "state", "website"}
    html = response.content.decode()
    assert "This field is required." in html
    assert "Select a valid choice. ZZ is not one of the available choices." in html
    assert "Enter a valid URL." in html
    assert not Provider.objects.exists()
    assert not ProviderContact.objects.exists()


def test_registration_makes_the_person_the_providers_contact(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("courses:provider_register"),
        {
            "name": "Prairie State Library",
            "type": "state_library",
            "state": "IL",
            "website": "https://library.illinois.example.org",
        },
        follow=True,
    )
    assert response.redirect_chain == [(reverse("courses:provider_dashboard"), 302)]
    provider = Provider.objects.get()
    assert (provider.name, provider.type, provider.state) == (
        "Prairie State Library",
        "state_library",
        "IL",
    )
    assert provider.contacts.get().user == user
    assert "Your organisation is registered." in messages_of(response)
    assert "<h1>Prairie State Library</h1>" in response.content.decode()
    # Registering again only leads back to the dashboard.
    again = client.get(reverse("courses:provider_register"))
    assert again["Location"] == reverse("courses:provider_dashboard")
    assert Provider.objects.count() == 1


# --- The dashboard --------------------------------------------------------------------


def test_the_dashboard_lists_applications_courses_and_the_fee_schedule(
    signed_in, provider, technology, cataloging, officer
):
    approved_course(provider, technology, officer=officer, title="Tech basics")
    draft = complete_application(provider, cataloging, title="Cataloging basics")
    withdrawn = application_start(provider=provider, by=contact_of(provider))
    withdrawn.title = "Abandoned idea"
    withdrawn.status = ApplicationStatus.WITHDRAWN
    withdrawn.save()

    response = signed_in.get(reverse("courses:provider_dashboard"))

    assert response.status_code == 200
    html = response.content.decode()
    assert draft.reference in html and "Cataloging basics" in html
    assert "Abandoned idea" not in html
    assert "Tech basics" in html  # the approved course and its application
    assert [a.title for a in response.context["applications"]] == [
        "Cataloging basics",
        "Tech basics",
    ]
    assert [c.title for c in response.context["courses"]] == ["Tech basics"]
    # $100 for the first two courses, $50 from the third.
    assert response.context["fee_schedule"] == [(1, 2, 10000), (3, None, 5000)]
    assert "Approval fees: courses 1 to 2 $100 each; course 3 on $50 each." in html
    for contact in provider.contacts.all():
        assert contact.user.email in html


def test_the_dashboard_groups_courses_by_state_and_lists_fees_due(
    signed_in, provider, technology, cataloging, officer
):
    today = timezone.localdate()
    three_years = add_years(today, 3) - today
    approved_course(provider, technology, officer=officer, title="Current course")
    approved_course(
        provider,
        technology,
        officer=officer,
        day=today - three_years + 60 * DAY,
        title="Lapsing course",
    )
    approved_course(
        provider,
        cataloging,
        officer=officer,
        day=today - three_years - 10 * DAY,
        title="Lapsed course",
    )
    in_review(complete_application(provider, cataloging, title="Reviewed course"))
    unpaid = complete_application(provider, cataloging, title="Unpaid course")
    application_submit(application=unpaid, by=contact_of(provider))

    response = signed_in.get(reverse("courses:provider_dashboard"))

    groups = response.context["groups"]
    assert [c.title for c in groups["approved"]] == ["Current course"]
    assert [c.title for c in groups["lapsing"]] == ["Lapsing course"]
    assert [c.title for c in groups["lapsed"]] == ["Lapsed course"]
    assert [a.title for a in groups["pending"]] == ["Unpaid course", "Reviewed course"]
    html = response.content.decode()
    assert "1 approved · 1 lapsing within 90 days · 2 pending · 1 lapsed." in html
    start, end = html.index("Lapsing within 90 days</h3>"), html.index("Approved</h3>")
    lapsing = html[start:end]
    assert "Lapsing course" in lapsing and "Current course" not in lapsing
    assert [a.title for a in response.context["fees_due"]] == ["Unpaid course"]
    assert reverse("courses:application_pay", args=[unpaid.pk]) in html


# --- Another provider's objects -------------------------------------------------------


def test_another_providers_objects_answer_404(
    signed_in, technology, cataloging, officer
):
    other = make_provider("Lakeside Library School", contacts=1)
    draft = complete_application(other, cataloging, title="Their draft")
    awaiting = complete_application(other, cataloging, title="Their submission")
    submit_and_pay(awaiting)
    refused = rejected(complete_application(other, cataloging), officer)
    course = approved_course(other, technology, officer=officer, title="Their course")
    completion = completion_record(
        candidate=admitted_candidate(),
        course=course,
        completed_on=course.approved_on,
        result="Pass",
    )

    for url in [
        reverse("courses:application", args=[draft.pk]),
        reverse("courses:application", args=[refused.pk]),
        reverse("courses:application_pay", args=[awaiting.pk]),
        reverse("courses:application_appeal", args=[refused.pk]),
    ]:
        assert signed_in.get(url).status_code == 404, url
        posted = {"grounds": "x", "method": "check", "confirm": "yes"}
        assert signed_in.post(url, posted).status_code == 404, url
    post_only = [
        reverse("courses:application_withdraw", args=[draft.pk]),
        reverse("courses:application_withdraw", args=[awaiting.pk]),
        reverse("courses:renew", args=[course.pk]),
        reverse("courses:roster_confirm", args=[completion.pk]),
    ]
    for url in post_only:
        assert signed_in.post(url).status_code == 404, url
        # A GET is refused before anything is looked up: it tells nothing either.
        assert signed_in.get(url).status_code == 405, url

    draft.refresh_from_db()
    awaiting.refresh_from_db()
    completion.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.title == "Their draft"
    assert awaiting.status == ApplicationStatus.AWAITING_PAYMENT
    assert payments_for(awaiting).get().status == PaymentStatus.PENDING
    assert not course.renewal_applications.exists()
    assert completion.state == ReviewState.PENDING
    assert not Appeal.objects.exists()
    assert not Achievement.objects.exists()


# --- Roster and contacts --------------------------------------------------------------


def test_the_provider_confirms_a_completion_on_its_roster_and_the_set_is_achieved(
    signed_in, provider, technology, officer
):
    course = approved_course(provider, technology, officer=officer, title="Tech basics")
    candidate = admitted_candidate()
    completion = completion_record(
        candidate=candidate,
        course=course,
        completed_on=course.approved_on,
        result="A",
    )
    dashboard = signed_in.get(reverse("courses:provider_dashboard")).content.decode()
    assert candidate.number in dashboard
    confirm = reverse("courses:roster_confirm", args=[completion.pk])
    assert confirm in dashboard

    response = signed_in.post(confirm, follow=True)

    assert response.redirect_chain == [(reverse("courses:provider_dashboard"), 302)]
    completion.refresh_from_db()
    assert completion.state == ReviewState.VERIFIED
    assert completion.confirmed_by_provider
    assert completion.decided_by == contact_of(provider)
    achievement = Achievement.objects.get(candidate=candidate)
    assert achievement.competency_set == technology
    assert achievement.method == AchievementMethod.COURSE
    assert (
        f"{candidate.user.full_name}'s completion of Tech basics is confirmed."
        in messages_of(response)
    )
    assert "No one is waiting." in response.content.decode()
    # Confirming twice changes nothing.
    signed_in.post(confirm)
    assert Achievement.objects.filter(candidate=candidate).count() == 1
    assert Completion.objects.get().decided_by == contact_of(provider)


def test_adding_a_contact_by_email(signed_in, provider):
    url = reverse("courses:provider_contact_add")
    count = provider.contacts.count()

    response = signed_in.post(url, {"email": "nobody@example.org"}, follow=True)
    assert response.redirect_chain == [(reverse("courses:provider_dashboard"), 302)]
    assert messages_of(response) == [
        "No account uses that address. Ask them to create an account first, then "
        "add them again."
    ]
    response = signed_in.post(url, {"email": "not an address"}, follow=True)
    assert messages_of(response) == ["Enter a valid email address."]
    assert provider.contacts.count() == count

    colleague = UserFactory(email="colleague@example.org")
    response = signed_in.post(url, {"email": "Colleague@Example.org"}, follow=True)
    assert messages_of(response) == ["colleague@example.org can now act for you."]
    assert provider.contacts.count() == count + 1
    assert ProviderContact.objects.get(user=colleague).provider == provider
    assert "colleague@example.org" in response.content.decode()

    # A person acts for one provider at most.
    other = make_provider("Lakeside Library School", contacts=1)
    response = signed_in.post(url, {"email": contact_of(other).email}, follow=True)
    assert messages_of(response) == [
        f"{contact_of(other).email} already acts for a provider."
    ]
    assert ProviderContact.objects.get(user=contact_of(other)).provider == other


def test_renewing_opens_a_renewal_draft_for_the_same_set(
    signed_in, provider, technology, officer
):
    course = approved_course(provider, technology, officer=officer, title="Tech basics")
    response = signed_in.post(reverse("courses:renew", args=[course.pk]))
    renewal = course.renewal_applications.get()
    assert response["Location"] == reverse("courses:application", args=[renewal.pk])
    assert renewal.competency_set == technology and renewal.title == "Tech basics"
    page = signed_in.get(response["Location"])
    assert "Renew Tech basics" in page.content.decode()
    assert page.context["form"].fields["competency_set"].disabled
    assert page.context["coverage"].rows()[0][1].value() != ""


def test_the_dashboard_costs_the_same_queries_with_more_rows(
    signed_in, provider, technology, cataloging, officer
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert (
                signed_in.get(reverse("courses:provider_dashboard")).status_code == 200
            )
        return len(queries.captured_queries)  # read now: the next request clears it

    def one_of_each(n):
        course = approved_course(provider, technology, officer=officer, title=f"C{n}")
        complete_application(provider, cataloging, title=f"Draft {n}")
        completion_record(
            candidate=admitted_candidate(),
            course=course,
            completed_on=course.approved_on,
            result="Pass",
        )
        make_provider(f"Other {n}", contacts=1)

    one_of_each(0)
    baseline = count()
    for n in range(1, 5):
        one_of_each(n)
    assert count() == baseline
