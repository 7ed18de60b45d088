"""A review form sent with a rating no one offered, or sent again once submitted, is
answered with a message; it changes nothing and never decides twice."""

import pytest
from django.urls import reverse

from evaluations import views
from evaluations.models import AssignmentState, Decision, Review
from tests.candidates.helpers import admitted_candidate
from tests.evaluations.test_views import form, submitted_and_paid

pytestmark = pytest.mark.django_db

NOT_A_CHOICE = "Rate each competency met, partially met or not met."


@pytest.fixture
def submission(technology, make_evaluator, commit):
    make_evaluator("Ann Reviewer")
    make_evaluator("Bob Reviewer")
    return submitted_and_paid(admitted_candidate(), technology, commit)


@pytest.fixture
def ann(client, submission):
    assignment = submission.assignments.get(evaluator__user__full_name="Ann Reviewer")
    client.force_login(assignment.evaluator.user)
    return assignment


def post(client, assignment, data):
    """Post the review form; a submission saved as a draft is then confirmed on
    its summary page, as the evaluator would."""
    response = client.post(
        reverse("evaluations:review_post", args=[assignment.pk]), data, follow=True
    )
    confirm = reverse("evaluations:review_confirm", args=[assignment.pk])
    if response.redirect_chain and response.redirect_chain[-1][0] == confirm:
        response = client.post(confirm, {"confirm": "yes"}, follow=True)
    return response


def tampered(submission, note):
    data = form(submission, "met", note)
    last = submission.portfolio.competency_set.competencies.order_by("number").last()
    data[f"rating-{last.pk}"] = "excellent"
    return data


@pytest.mark.parametrize("submitting", [True, False], ids=["submit", "draft"])
def test_a_rating_that_is_not_a_choice_is_refused_and_nothing_is_saved(
    client, submission, ann, submitting
):
    data = tampered(submission, "Ann-note")
    if submitting:
        data["submit"] = "1"
    response = post(client, ann, data)
    assert response.status_code == 200
    assert NOT_A_CHOICE in response.content.decode()
    ann.refresh_from_db()
    assert ann.state == AssignmentState.ASSIGNED
    assert not Review.objects.filter(assignment=ann).exists()


def test_a_tampered_post_leaves_the_saved_draft_as_it_was(client, submission, ann):
    post(client, ann, form(submission, "partial", "First draft"))
    response = post(client, ann, {**tampered(submission, "Second"), "submit": "1"})
    assert NOT_A_CHOICE in response.content.decode()
    review = Review.objects.get(assignment=ann)
    assert review.comments_for_candidate == "First draft"
    assert {r.rating for r in review.ratings.all()} == {"partial"}
    assert review.submitted_at is None


def test_a_review_sent_again_after_submission_changes_nothing(client, submission, ann):
    bob = submission.assignments.get(evaluator__user__full_name="Bob Reviewer")
    client.force_login(bob.evaluator.user)
    post(client, bob, {**form(submission, "met", "Bob-note"), "submit": "1"})
    client.force_login(ann.evaluator.user)
    post(client, ann, {**form(submission, "met", "Ann-note"), "submit": "1"})
    decision = Decision.objects.get(submission=submission)
    assert decision.outcome == "achieved"

    for again in ({"submit": "1"}, {}):  # submitted again, or saved as a draft
        response = post(client, ann, {**form(submission, "not_met", "Late"), **again})
        assert response.status_code == 200
        assert "has been submitted already" in response.content.decode()
    assert Decision.objects.filter(submission=submission).get() == decision
    review = Review.objects.get(assignment=ann)
    assert review.comments_for_candidate == "Ann-note"
    assert {r.rating for r in review.ratings.all()} == {"met"}


def test_a_submission_arriving_just_after_another_gets_the_same_message(
    client, submission, ann, monkeypatch
):
    """The page was loaded while the review was open; another request submitted it
    before this one reached the database."""
    post(client, ann, {**form(submission, "met", "Ann-note"), "submit": "1"})
    stale = type(ann).objects.get(pk=ann.pk)
    stale.state = AssignmentState.ASSIGNED
    monkeypatch.setattr(views, "_assignment", lambda request, pk: stale)
    response = post(client, ann, {**form(submission, "not_met", "Late"), "submit": "1"})
    assert "has been submitted already" in response.content.decode()
    review = Review.objects.get(assignment=ann)
    assert review.comments_for_candidate == "Ann-note"


def test_a_comment_with_nul_is_refused_and_nothing_is_saved(client, submission, ann):
    data = {**form(submission, "met", "Ann-note"), "submit": "1"}
    first = submission.portfolio.competency_set.competencies.order_by("number")[0]
    data[f"comment-{first.pk}"] = "Clear\x00 evidence"
    response = client.post(reverse("evaluations:review_post", args=[ann.pk]), data)
    assert response.status_code == 400
    ann.refresh_from_db()
    assert ann.state == AssignmentState.ASSIGNED
    assert not Review.objects.filter(assignment=ann).exists()
