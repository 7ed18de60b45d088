"""The provider's application pages through HTTP: the form, paying, withdrawing
and appealing a refusal."""

import pytest
from django.urls import reverse

from courses.applications import application_start
from courses.models import (
    ApplicationStatus,
    CourseApplication,
)
from lssc.appeals.models import Appeal, AppealStatus
from lssc.audit.models import AuditEntry
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.services import payments_for
from tests.courses.conftest import (
    complete_application,
    contact_of,
    in_review,
    submit_and_pay,
)
from tests.courses.view_helpers import (
    COMPLETE_FIELDS,
    application_data,
    full_coverage,
    messages_of,
    new_application_data,
    next_offering,
    rejected,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, provider):
    client.force_login(contact_of(provider))
    return client


# --- The application form -------------------------------------------------------------


def test_apply_for_a_new_course_opens_a_blank_form_that_saves_nothing_until_saved(
    signed_in, provider, technology, cataloging
):
    new = reverse("courses:application_new")
    dashboard = signed_in.get(reverse("courses:provider_dashboard"))
    assert f'href="{new}"' in dashboard.content.decode()

    page = signed_in.get(new)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Course approval application" in html
    assert "Nothing is kept until you save." in html
    assert "Choose the competency set above and save" in html
    assert "Withdraw this application" not in html  # there is nothing to withdraw
    signed_in.get(new)
    assert CourseApplication.objects.count() == 0
    assert not AuditEntry.objects.filter(action="course_application.started")

    # A post the form refuses keeps nothing either.
    refused = new_application_data(title="Two sets")
    refused["competency_set"] = [str(technology.pk), str(cataloging.pk)]
    response = signed_in.post(new, refused)
    assert response.status_code == 200
    assert "choose only one" in response.content.decode()
    assert CourseApplication.objects.count() == 0

    response = signed_in.post(
        new,
        new_application_data(
            title="Tech basics",
            competency_set=technology.pk,
            **{
                "instructors-0-name": "Ada Lovelace",
                "instructors-0-qualifications": "MLIS",
            },
        ),
    )
    application = CourseApplication.objects.get()
    assert response["Location"] == reverse("courses:application", args=[application.pk])
    assert application.provider == provider
    assert application.status == ApplicationStatus.DRAFT
    assert application.created_by == contact_of(provider)
    assert application.title == "Tech basics"
    assert application.competency_set == technology
    assert application.instructors.get().name == "Ada Lovelace"
    started = AuditEntry.objects.filter(action="course_application.started")
    assert [e.subject_id for e in started] == [application.pk]
    page = signed_in.get(response["Location"]).content.decode()
    assert f'name="coverage-c{technology.competencies.first().pk}"' in page
    assert "Withdraw this application" in page


def test_a_new_course_saved_and_submitted_at_once_is_kept_with_what_is_missing(
    signed_in, provider
):
    response = signed_in.post(
        reverse("courses:application_new"),
        new_application_data(submit=True, title="Quick start"),
        follow=True,
    )
    application = CourseApplication.objects.get()
    url = reverse("courses:application", args=[application.pk])
    assert response.redirect_chain == [(url, 302)]
    assert application.status == ApplicationStatus.DRAFT
    assert application.title == "Quick start"
    assert messages_of(response)[0].startswith("The application is not complete yet")


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
    signed_in.post(
        reverse("courses:application_new"),
        new_application_data(competency_set=technology.pk),
    )
    draft = CourseApplication.objects.get()
    url = reverse("courses:application", args=[draft.pk])

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

    # The choice shows a summary first; nothing is recorded until Confirm.
    summary = signed_in.post(pay_url, {"method": "check"})
    assert "Confirm your payment" in summary.content.decode()
    assert "$100" in summary.content.decode()
    assert not payments_for(draft).exists()
    response = signed_in.post(
        pay_url, {"method": "check", "confirm": "yes"}, follow=True
    )

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
    signed_in.post(pay_url, {"method": "check", "confirm": "yes"})
    assert payments_for(draft).count() == 1


def test_the_pay_page_only_serves_an_application_awaiting_payment(
    signed_in, provider, technology
):
    draft = complete_application(provider, technology)
    url = reverse("courses:application_pay", args=[draft.pk])
    response = signed_in.post(url, {"method": "check", "confirm": "yes"})
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

    grounds = {"grounds": "Week 3 is a graded lab: see the syllabus."}
    # A summary first: nothing is filed until Confirm; Back shows the grounds again.
    summary = signed_in.post(url, grounds).content.decode()
    assert "File this appeal?" in summary and "Week 3 is a graded lab" in summary
    back = signed_in.post(url, {**grounds, "edit": "yes"}).content.decode()
    assert "Week 3 is a graded lab" in back and "File the appeal</button>" in back
    assert not Appeal.objects.exists()
    response = signed_in.post(url, {**grounds, "confirm": "yes"}, follow=True)

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

    # A confirmation posted again (a double click) files nothing more.
    for attempt in (signed_in.get, signed_in.post):
        again = attempt(url, {"grounds": "Again.", "confirm": "yes"}, follow=True)
        assert again.redirect_chain == [(status_url, 302)]
        assert "This decision has been appealed already." in messages_of(again)
    assert Appeal.objects.count() == 1
