"""Submitting a review: "Submit review" saves the draft and shows it as a summary;
only Confirm submits it, once; a second Confirm changes nothing."""

import pytest
from django.urls import reverse

from evaluations.models import AssignmentState, Decision, Review
from tests.candidates.helpers import admitted_candidate
from tests.evaluations.test_views import form, submitted_and_paid

pytestmark = pytest.mark.django_db

CONFIRM = {"confirm": "yes"}


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


def confirm_url(assignment):
    return reverse("evaluations:review_confirm", args=[assignment.pk])


def review_url(assignment):
    return reverse("evaluations:review", args=[assignment.pk])


def save_for_submitting(client, assignment, data):
    return client.post(
        reverse("evaluations:review_post", args=[assignment.pk]),
        {**data, "submit": "1"},
    )


def test_submit_saves_the_draft_and_shows_the_summary(client, submission, ann):
    response = save_for_submitting(client, ann, form(submission, "met", "Clear work"))
    assert response["Location"] == confirm_url(ann)
    review = Review.objects.get(assignment=ann)
    assert review.comments_for_candidate == "Clear work"  # typed input kept
    assert review.submitted_at is None

    for method in ("get", "post"):
        page = getattr(client, method)(confirm_url(ann))
        assert page.status_code == 200
        html = page.content.decode()
        assert f"Submit your review of portfolio P-{submission.pk:05d}?" in html
        assert "Clear work on 1" in html and "secret Clear work" in html
        assert 'Your verdict</dt><dd class="col-sm-8">Met' in html
        assert "cannot be changed afterwards" in html
        assert f'href="{review_url(ann)}"' in html  # Back to change it
    ann.refresh_from_db()
    assert ann.state == AssignmentState.ASSIGNED
    assert Review.objects.get(assignment=ann).submitted_at is None


def test_confirm_submits_the_saved_draft_once(client, submission, ann):
    save_for_submitting(client, ann, form(submission, "partial", "As saved"))
    first = client.post(confirm_url(ann), CONFIRM, follow=True)
    assert first.redirect_chain[-1][0] == review_url(ann)
    assert "Review submitted: your ratings went to the program." in (
        first.content.decode()
    )
    review = Review.objects.get(assignment=ann)
    submitted_at = review.submitted_at
    assert submitted_at is not None
    assert {r.rating for r in review.ratings.all()} == {"partial"}

    again = client.post(confirm_url(ann), CONFIRM, follow=True)
    assert again.redirect_chain[-1][0] == review_url(ann)
    assert "has been submitted already" in again.content.decode()
    review.refresh_from_db()
    assert review.submitted_at == submitted_at
    assert client.get(confirm_url(ann), follow=True).redirect_chain[-1][0] == (
        review_url(ann)
    )


def test_both_confirmed_reviews_decide_once(client, submission, ann):
    bob = submission.assignments.get(evaluator__user__full_name="Bob Reviewer")
    save_for_submitting(client, ann, form(submission, "met", "Ann"))
    client.post(confirm_url(ann), CONFIRM)
    client.force_login(bob.evaluator.user)
    save_for_submitting(client, bob, form(submission, "met", "Bob"))
    client.post(confirm_url(bob), CONFIRM)
    client.post(confirm_url(bob), CONFIRM)
    assert Decision.objects.filter(submission=submission).count() == 1


def test_an_unrated_draft_is_sent_back_with_what_is_missing(client, submission, ann):
    data = form(submission, "met", "Half done")
    first = submission.portfolio.competency_set.competencies.get(number=1)
    del data[f"rating-{first.pk}"]
    save_for_submitting(client, ann, data)
    for response in (
        client.get(confirm_url(ann), follow=True),
        client.post(confirm_url(ann), CONFIRM, follow=True),
    ):
        assert response.redirect_chain[-1][0] == review_url(ann)
        assert "not yet rated: 1." in response.content.decode()
    ann.refresh_from_db()
    assert ann.state == AssignmentState.ASSIGNED


def test_someone_elses_assignment_answers_404(client, submission, ann):
    save_for_submitting(client, ann, form(submission, "met", "Ann"))
    bob = submission.assignments.get(evaluator__user__full_name="Bob Reviewer")
    client.force_login(bob.evaluator.user)
    assert client.get(confirm_url(ann)).status_code == 404
    assert client.post(confirm_url(ann), CONFIRM).status_code == 404
    missing = reverse("evaluations:review_confirm", args=[ann.pk + 1000])
    assert client.post(missing, CONFIRM).status_code == 404
    ann.refresh_from_db()
    assert ann.state == AssignmentState.ASSIGNED
