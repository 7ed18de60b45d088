"""Staff pre-review of a draft (FAQ 15): free, comments per competency, editable."""

import pytest
from django.core import mail
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from portfolios.content import narrative_save
from portfolios.errors import PortfolioError
from portfolios.models import PortfolioStatus, PreReview, PreReviewComment
from portfolios.prereview import prereview_request
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def test_ask_staff_comment_and_the_candidate_reads_it(client, portfolio, commit):
    assistant = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    client.force_login(portfolio.candidate.user)
    with commit():
        client.post(reverse("portfolios:pre_review", args=[portfolio.pk]))
    pre_review = PreReview.objects.get()
    assert any(
        "asks for pre-review" in m.subject and assistant.email in m.to
        for m in mail.outbox
    )
    # Asking twice while the first is open changes nothing.
    response = client.post(
        reverse("portfolios:pre_review", args=[portfolio.pk]), follow=True
    )
    assert "already asked" in response.content.decode()
    assert PreReview.objects.count() == 1

    # Still a draft: the candidate keeps editing.
    competency = portfolio.competency_set.competencies.get(number=2)
    narrative_save(
        portfolio_id=portfolio.pk, competency_id=competency.pk, text="Draft", by=None
    )

    client.force_login(assistant)
    assert (
        client.get(
            reverse("admin:portfolios_prereview_change", args=[pre_review.pk])
        ).status_code
        == 200
    )
    PreReviewComment.objects.create(
        pre_review=pre_review,
        competency=competency,
        comment="Say which networking tools you use.",
    )
    with commit():
        client.post(
            reverse("admin:portfolios_prereview_changelist"),
            {"action": "send_to_candidate", "_selected_action": [pre_review.pk]},
        )
    pre_review.refresh_from_db()
    assert pre_review.completed_by == assistant
    assert any("Staff comments on your draft" in m.subject for m in mail.outbox)

    client.force_login(portfolio.candidate.user)
    page = client.get(reverse("portfolios:builder", args=[portfolio.pk]))
    assert "Say which networking tools you use." in page.content.decode()
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.DRAFT
    assert not portfolio.candidate.user.payments.exists()  # no fee


def test_no_pre_review_of_a_submitted_portfolio(portfolio):
    portfolio.status = PortfolioStatus.UNDER_REVIEW
    portfolio.save()
    with pytest.raises(PortfolioError, match="can no longer be changed"):
        prereview_request(portfolio_id=portfolio.pk, by=None)


def test_empty_comments_are_not_sent(client, portfolio):
    prereview_request(portfolio_id=portfolio.pk, by=None)
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    response = client.post(
        reverse("admin:portfolios_prereview_changelist"),
        {
            "action": "send_to_candidate",
            "_selected_action": [PreReview.objects.get().pk],
        },
        follow=True,
    )
    assert "Write a comment before sending." in response.content.decode()
    assert PreReview.objects.get().completed_at is None
