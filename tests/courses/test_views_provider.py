"""The provider's pages through HTTP: registering, the dashboard, the application
form, paying, withdrawing, appeals, roster confirmations and contacts. Another
provider's objects answer 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from courses.achievements import completion_record
from courses.models import (
    ApplicationStatus,
    Completion,
    CourseApplication,
    Provider,
    ProviderContact,
    ReviewState,
)
from courses.services import application_reject, application_start
from lssc.appeals.models import Appeal, AppealStatus
from lssc.payments.enums import PaymentMethod, PaymentStatus
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
from tests.courses.view_helpers import (
    COMPLETE_FIELDS,
    application_data,
    full_coverage,
    next_offering,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


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


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def rejected(application, officer, reason="The assessment is not described."):
    in_review(application)
    assert application_reject(application=application, by=officer, reason=reason)
    application.refresh_from_db()
    return application


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


# --- The application form -------------------------------------------------------------


def test_a_new_application_opens_the_form(signed_in, provider):
    response = signed_in.post(reverse("courses:application_new"))
    application = CourseApplication.objects.get()
    assert response["Location"] == reverse("courses:application", args=[application.pk])
    assert application.provider == provider
    assert application.status == ApplicationStatus.DRAFT
    assert application.created_by == contact_of(provider)
    page = signed_in.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Course approval application" in html
    assert "Choose the competency set above and save" in html
    # A GET starts nothing.
    assert signed_in.get(reverse("courses:application_new")).status_code == 405
    assert CourseApplication.objects.count() == 1


def test_saving_a_set_puts_a_box_for_each_of_its_competencies_on_the_form(
    signed_in, provider, technology
):
    draft = application_start(provider=provider, by=contact_of(provider))
    url = reverse("courses:application", args=[draft.pk])

    response = signed_in.post(
        url,
        application_data(draft, competency_set=technology.pk, title="Tech basics"),
        follow=True,
    )

    assert response.redirect_chain == [(url, 302)]
    assert messages_of(response) == [
        "Draft saved. The competencies of the set you chose are now on the form."
    ]
    draft.refresh_from_db()
    assert draft.competency_set == technology and draft.title == "Tech basics"
    assert draft.status == ApplicationStatus.DRAFT
    html = response.content.decode()
    competencies = list(technology.competencies.all())
    assert len(competencies) == 13
    for competency in competencies:
        assert f'name="coverage-c{competency.pk}"' in html, competency.number
    assert html.count('name="coverage-c') == 13
    assert f"For each competency of {technology.name}" in html


def test_submitting_with_a_competency_uncovered_says_so_and_stays_a_draft(
    signed_in, provider, technology
):
    draft = application_start(provider=provider, by=contact_of(provider))
    draft.competency_set = technology
    draft.save()
    coverage = full_coverage(technology)
    seventh = technology.competencies.get(number=7)
    del coverage[seventh.pk]
    url = reverse("courses:application", args=[draft.pk])

    response = signed_in.post(
        url,
        application_data(
            draft,
            coverage=coverage,
            instructors=[("Ada Lovelace", "MLIS")],
            offerings=[next_offering()],
            submit=True,
            **COMPLETE_FIELDS,
        ),
        follow=True,
    )

    assert response.redirect_chain == [(url, 302)]
    assert messages_of(response) == [
        "The application is not complete yet: Say where the course teaches "
        "competency 7."
    ]
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.submitted_at is None and draft.fee_position is None
    # What was written is kept as a draft.
    assert draft.coverage.count() == 12
    assert draft.title == COMPLETE_FIELDS["title"]
    assert "Say where the course teaches competency 7." in response.content.decode()
    assert not payments_for(draft).exists()


def test_two_competency_sets_at_once_are_refused_and_nothing_changes(
    signed_in, provider, technology, cataloging
):
    draft = application_start(provider=provider, by=contact_of(provider))
    before = CourseApplication.objects.get(pk=draft.pk)
    data = application_data(draft, title="Two sets", submit=True)
    data["competency_set"] = [str(technology.pk), str(cataloging.pk)]

    response = signed_in.post(reverse("courses:application", args=[draft.pk]), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "A course is approved for one competency set: choose only one." in html
    assert "Please correct the fields marked below." in messages_of(response)
    after = CourseApplication.objects.get(pk=draft.pk)
    assert after.competency_set is None and after.title == ""
    assert after.status == ApplicationStatus.DRAFT
    assert after.updated_at == before.updated_at
    assert not after.coverage.exists() and not after.instructors.exists()


def test_a_chosen_set_is_not_emptied_by_a_post_without_one(
    signed_in, provider, technology
):
    draft = complete_application(provider, technology)
    data = application_data(draft, title="Renamed")
    del data["competency_set"]

    signed_in.post(reverse("courses:application", args=[draft.pk]), data)

    draft.refresh_from_db()
    assert draft.title == "Renamed"
    assert draft.competency_set == technology
    assert draft.coverage.count() == technology.competencies.count()


def test_a_complete_form_is_submitted_paid_by_check_and_goes_to_its_instructions(
    signed_in, provider, technology
):
    signed_in.post(reverse("courses:application_new"))
    draft = CourseApplication.objects.get()
    url = reverse("courses:application", args=[draft.pk])
    signed_in.post(url, application_data(draft, competency_set=technology.pk))
    draft.refresh_from_db()

    response = signed_in.post(
        url,
        application_data(
            draft,
            coverage=full_coverage(technology),
            instructors=[("Ada Lovelace", "MLIS; 12 years as a systems librarian.")],
            offerings=[next_offering()],
            submit=True,
            **COMPLETE_FIELDS,
        ),
        follow=True,
    )

    pay_url = reverse("courses:application_pay", args=[draft.pk])
    assert response.redirect_chain == [(pay_url, 302)]
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.AWAITING_PAYMENT
    assert draft.fee_position == 1
    assert draft.coverage.count() == 13
    assert draft.instructors.get().name == "Ada Lovelace"
    assert draft.offerings.count() == 1
    html = response.content.decode()
    assert "Pay the approval fee" in html
    assert "<strong>$100</strong>" in html  # the first course's fee
    assert response.context["amount_cents"] == 10000
    # Once submitted, the form is a status page.
    status = signed_in.get(url).content.decode()
    assert "Submitted, awaiting payment" in status and 'name="submit"' not in status

    response = signed_in.post(pay_url, {"method": "check"}, follow=True)

    payment = payments_for(draft).get()
    assert (payment.method, payment.status) == (
        PaymentMethod.CHECK,
        PaymentStatus.PENDING,
    )
    assert payment.amount_cents == 10000
    assert response.redirect_chain == [(payment.get_absolute_url(), 302)]
    assert response.redirect_chain[0][0] == reverse(
        "payments:instructions", args=[payment.reference]
    )
    html = response.content.decode()
    assert "How to pay by check" in html and payment.reference in html
    # A second click reuses the pending payment.
    signed_in.post(pay_url, {"method": "check"})
    assert payments_for(draft).count() == 1


def test_the_pay_page_only_serves_an_application_awaiting_payment(
    signed_in, provider, technology
):
    draft = complete_application(provider, technology)
    url = reverse("courses:application_pay", args=[draft.pk])
    response = signed_in.post(url, {"method": "check"})
    assert response["Location"] == reverse("courses:application", args=[draft.pk])
    assert not payments_for(draft).exists()


def test_withdrawing_a_draft(signed_in, provider, technology):
    draft = complete_application(provider, technology, title="Never mind")
    response = signed_in.post(
        reverse("courses:application_withdraw", args=[draft.pk]), follow=True
    )
    assert response.redirect_chain == [(reverse("courses:provider_dashboard"), 302)]
    assert f"{draft.reference} withdrawn." in messages_of(response)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.WITHDRAWN
    assert "Never mind" not in response.content.decode()


def test_withdrawing_an_unpaid_submission_cancels_its_payment(
    signed_in, provider, technology
):
    application = complete_application(provider, technology)
    payment = submit_and_pay(application)
    signed_in.post(reverse("courses:application_withdraw", args=[application.pk]))
    application.refresh_from_db()
    payment.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert payment.status == PaymentStatus.CANCELLED


def test_an_application_in_review_cannot_be_withdrawn(signed_in, provider, technology):
    application = in_review(complete_application(provider, technology))
    url = reverse("courses:application", args=[application.pk])
    response = signed_in.post(
        reverse("courses:application_withdraw", args=[application.pk]), follow=True
    )
    assert response.redirect_chain == [(url, 302)]
    assert "An application in review cannot be withdrawn." in messages_of(response)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


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
        assert signed_in.post(url, {"grounds": "x", "method": "check"}).status_code == (
            404
        ), url
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


# --- Appeals --------------------------------------------------------------------------


def test_only_a_rejected_application_can_be_appealed(signed_in, provider, technology):
    draft = complete_application(provider, technology)
    assert (
        signed_in.get(
            reverse("courses:application_appeal", args=[draft.pk])
        ).status_code
        == 404
    )
    in_review(draft)
    url = reverse("courses:application_appeal", args=[draft.pk])
    assert signed_in.get(url).status_code == 404
    assert signed_in.post(url, {"grounds": "Please reconsider."}).status_code == 404
    assert not Appeal.objects.exists()


def test_filing_an_appeal_and_a_second_attempt_is_refused(
    signed_in, provider, technology, officer
):
    application = rejected(
        complete_application(provider, technology, title="Tech basics"),
        officer,
        reason="The assessment is not described.",
    )
    url = reverse("courses:application_appeal", args=[application.pk])
    status_url = reverse("courses:application", args=[application.pk])
    status = signed_in.get(status_url).content.decode()
    assert "Not approved:" in status and "The assessment is not described." in status
    assert url in status
    page = signed_in.get(url)
    assert page.status_code == 200
    assert "The assessment is not described." in page.content.decode()

    empty = signed_in.post(url, {"grounds": "   "})
    assert empty.status_code == 200 and "grounds" in empty.context["form"].errors
    assert not Appeal.objects.exists()

    response = signed_in.post(
        url, {"grounds": "Week 3 is a graded lab: see the syllabus."}, follow=True
    )

    appeal = Appeal.objects.get()
    assert response.redirect_chain == [(status_url, 302)]
    assert appeal.appellant == contact_of(provider)
    assert appeal.subject == application
    assert appeal.status == AppealStatus.FILED
    assert appeal.grounds == "Week 3 is a graded lab: see the syllabus."
    assert "The assessment is not described." in appeal.decision_appealed
    assert (
        f"Appeal {appeal.reference} filed with the Certification Program Committee."
        in messages_of(response)
    )
    assert f"Appeal {appeal.reference}: Filed with the CPC." in (
        response.content.decode()
    )

    for attempt in (signed_in.get, signed_in.post):
        again = attempt(url, {"grounds": "Again."}, follow=True)
        assert again.redirect_chain == [(status_url, 302)]
        assert "This decision has been appealed already." in messages_of(again)
    assert Appeal.objects.count() == 1


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
