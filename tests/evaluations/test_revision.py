"""Two "not met": the committee asks for a revision; the candidate resubmits."""

import pytest
from django.core import mail
from django.urls import reverse

from evaluations.models import Decision, Outcome
from evaluations.reviews import (
    Assessment,
    candidate_feedback,
    review_submit,
    revision_request,
)
from evaluations.rules import Rating
from evaluations.services import EvaluationError, assign_reviewers
from lssc.accounts.roles import StaffGroup
from portfolios.content import narrative_save
from portfolios.models import PortfolioStatus, Submission
from portfolios.services import portfolio_submit
from tests.courses.conftest import approved_course, make_provider
from tests.factories import UserFactory, staff_user
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db


def rate(assignment, submission, rating, note):
    competencies = submission.portfolio.competency_set.competencies.all()
    review_submit(
        evaluator=assignment.evaluator,
        assignment_id=assignment.pk,
        assessment=Assessment(
            ratings={c.pk: (rating(c.number), "") for c in competencies},
            comments_for_candidate=note,
            comments_for_committee="only for the committee",
        ),
    )


def test_the_committee_sends_a_revision_and_the_candidate_resubmits(
    client, submission, make_evaluator, commit, technology
):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    course = approved_course(
        make_provider(),
        technology,
        officer=officer,
        title="LIBT 120 Library Technology",
    )
    make_evaluator("Ann Reviewer")
    make_evaluator("Bob Reviewer")
    first, second = assign_reviewers(submission_id=submission.pk)
    rate(
        first, submission, lambda n: Rating.NOT_MET if n == 3 else Rating.MET, "Ann: 3"
    )
    rate(second, submission, lambda n: Rating.PARTIALLY_MET, "Bob: all partial")
    decision = Decision.objects.get()
    assert decision.outcome == Outcome.REVISION

    feedback = candidate_feedback(submission)
    by_number = {
        c.number: feedback["ratings"][c.pk]
        for c in submission.portfolio.competency_set.competencies.all()
    }
    assert by_number[3] == Rating.NOT_MET  # not met by either: not met
    assert by_number[1] == Rating.MET  # met and partially met: the better

    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    with commit():
        response = client.post(
            reverse("admin:evaluations_decision_changelist"),
            {
                "action": "send_revision_request",
                "_selected_action": [decision.pk],
                "apply": "1",
                "message": "Show how you troubleshoot (competency 3).",
                "recommended_course": course.pk,
            },
        )
    assert response.status_code == 302
    portfolio = submission.portfolio
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.REVISION_REQUESTED
    message = next(m for m in mail.outbox if "what to revise" in m.subject)
    assert "LIBT 120 Library Technology" in message.body
    assert course.get_absolute_url() in message.body
    assert "Ann: 3" in message.body and "Bob: all partial" in message.body
    for secret in ("Ann Reviewer", "Bob Reviewer", "only for the committee"):
        assert secret not in message.body
    with pytest.raises(EvaluationError):
        revision_request(decision_id=decision.pk, by=None, message="again")

    # The candidate revises and resubmits (the resubmission fee is $0).
    complete(portfolio)
    competency = portfolio.competency_set.competencies.get(number=3)
    narrative_save(
        portfolio_id=portfolio.pk,
        competency_id=competency.pk,
        text="Revised: " + "troubleshooting " * 60,
        by=None,
    )
    with commit():
        portfolio_submit(portfolio_id=portfolio.pk, by=None)
    second_submission = Submission.objects.get(portfolio=portfolio, number=2)
    assert second_submission.snapshot["narratives"][str(competency.pk)].startswith(
        "Revised"
    )
    assert second_submission.assignments.count() == 2


def test_the_candidate_reads_combined_feedback_without_names(
    client, submission, make_evaluator
):
    make_evaluator("Ann Reviewer")
    make_evaluator("Bob Reviewer")
    first, second = assign_reviewers(submission_id=submission.pk)
    rate(first, submission, lambda n: Rating.MET, "Ann says well done")
    rate(
        second,
        submission,
        lambda n: Rating.PARTIALLY_MET if n <= 3 else Rating.MET,
        "Bob wants more",
    )
    assert Decision.objects.get().outcome == Outcome.ACHIEVED
    client.force_login(submission.portfolio.candidate.user)
    page = client.get(
        reverse("evaluations:feedback", args=[submission.portfolio.pk])
    ).content.decode()
    assert "Submission 1: Set achieved" in page
    assert "Ann says well done" in page and "Bob wants more" in page
    assert "Partially met" not in page  # met and partially met combine to met
    for secret in ("Ann Reviewer", "Bob Reviewer", "only for the committee"):
        assert secret not in page


def test_feedback_of_someone_elses_portfolio_answers_404(client, submission):
    client.force_login(UserFactory())
    url = reverse("evaluations:feedback", args=[submission.portfolio.pk])
    assert client.get(url).status_code == 404


def _two_not_met(submission, make_evaluator):
    make_evaluator("Ann Reviewer")
    make_evaluator("Bob Reviewer")
    for assignment in assign_reviewers(submission_id=submission.pk):
        rate(assignment, submission, lambda n: Rating.NOT_MET, "Not yet")
    return Decision.objects.get()


def test_only_an_approved_course_of_the_same_set_is_recommended(
    submission, make_evaluator, technology, cataloging
):
    decision = _two_not_met(submission, make_evaluator)
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    other_set = approved_course(make_provider("A"), cataloging, officer=officer)
    with pytest.raises(EvaluationError, match="own set"):
        revision_request(
            decision_id=decision.pk,
            by=officer,
            message="Revise 3.",
            recommended_course=other_set,
        )
    decision.refresh_from_db()
    assert decision.revision_sent_at is None


def test_the_form_offers_the_sets_approved_courses(
    client, submission, make_evaluator, technology, cataloging
):
    decision = _two_not_met(submission, make_evaluator)
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    mine = approved_course(
        make_provider("A"),
        technology,
        officer=officer,
        title="Library Technology Basics",
    )
    approved_course(
        make_provider("B"),
        cataloging,
        officer=officer,
        title="Descriptive Cataloging Workshop",
    )
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    page = client.post(
        reverse("admin:evaluations_decision_changelist"),
        {"action": "send_revision_request", "_selected_action": [decision.pk]},
    ).content.decode()
    assert (
        f'value="{mine.pk}"' in page and "Technology: Library Technology Basics" in page
    )
    # A distinctive title: a short one could turn up by chance in a CSRF token.
    assert "Descriptive Cataloging Workshop" not in page
