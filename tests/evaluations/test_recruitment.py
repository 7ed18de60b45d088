"""Becoming an evaluator: an offer, the CRC's choice, the training, then work."""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import ApplicationState, Evaluator, EvaluatorApplication
from evaluations.services import eligible_evaluators
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import OutgoingMail
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

JOIN = reverse("evaluations:join")


def offer(client, **changes):
    data = {
        "institution": "Lakeside College",
        "role": "educator",
        "sets": [CompetencySet.objects.get(slug="technology").pk],
        "portfolios_per_year": "6",
        "statement": "I teach the LTA technology course.",
        **changes,
    }
    return client.post(JOIN, data)


def test_a_visitor_is_asked_to_sign_in(client):
    html = client.get(JOIN).content.decode()
    assert "Become a portfolio evaluator" in html and "sign in" in html
    assert client.post(JOIN, {}).status_code == 200
    assert not EvaluatorApplication.objects.exists()


def test_an_offer_goes_to_the_crc_and_bad_input_changes_nothing(client):
    crc = staff_user(StaffGroup.REVIEW_COMMITTEE)
    client.force_login(UserFactory(full_name="Grace Hopper"))
    bad = offer(client, portfolios_per_year="0", sets=[])
    assert bad.status_code == 200
    assert "Give a number from 1 to 50." in bad.content.decode()
    assert not EvaluatorApplication.objects.exists()

    assert offer(client).status_code == 302
    application = EvaluatorApplication.objects.get()
    assert application.state == ApplicationState.PENDING
    assert OutgoingMail.objects.filter(to=crc.email, subject__contains="Grace").exists()
    again = offer(client)
    assert "already with the committee" in again.content.decode()
    assert EvaluatorApplication.objects.count() == 1


def test_selected_then_trained_then_assignable(client, submission):
    client.force_login(UserFactory(full_name="Grace Hopper"))
    offer(client)
    application = EvaluatorApplication.objects.get()
    crc = staff_user(StaffGroup.REVIEW_COMMITTEE)
    client.force_login(crc)
    changelist = reverse("admin:evaluations_evaluatorapplication_changelist")
    client.post(changelist, {"action": "select", "_selected_action": [application.pk]})
    evaluator = Evaluator.objects.get(user=application.user)
    assert evaluator.trained_on is None
    assert list(evaluator.sets.values_list("slug", flat=True)) == ["technology"]
    assert evaluator not in eligible_evaluators(submission)  # not trained yet

    client.post(
        reverse("admin:evaluations_evaluator_changelist"),
        {
            "action": "record_training",
            "_selected_action": [evaluator.pk],
            "apply": "1",
            "trained_on": "2026-11-20",
        },
    )
    evaluator.refresh_from_db()
    assert evaluator.trained_on == datetime.date(2026, 11, 20)
    assert evaluator in eligible_evaluators(submission)


def test_declining_needs_a_reason_and_is_mailed(client):
    applicant = UserFactory()
    client.force_login(applicant)
    offer(client)
    application = EvaluatorApplication.objects.get()
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    changelist = reverse("admin:evaluations_evaluatorapplication_changelist")
    form = {"action": "decline", "_selected_action": [application.pk], "apply": "1"}
    client.post(changelist, {**form, "reason": ""})
    application.refresh_from_db()
    assert application.state == ApplicationState.PENDING
    client.post(changelist, {**form, "reason": "We have enough for Technology."})
    application.refresh_from_db()
    assert application.state == ApplicationState.DECLINED
    assert OutgoingMail.objects.filter(key=f"evaluator-declined:{application.pk}")
