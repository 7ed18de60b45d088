"""The appeal procedure: notice of intent, grounds with documents, the CPC's review
and decision; the appellant is emailed at each step; only one's own decisions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.applications import application_reject
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal, AppealDocument, AppealStatus
from lssc.appeals.services import AppealError, appeal_decide
from lssc.notifications.models import OutgoingMail
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user
from tests.portfolios import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected(db):
    application = submitted(UserFactory(full_name="Ada Byron"))
    application_reject(
        application=application,
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Fewer than 1,820 hours in the last five years.",
    )
    application.refresh_from_db()
    return application


def new_url(application):
    return reverse("appeals:new", args=["candidates.application", application.pk])


def steps_mailed(user):
    return list(
        OutgoingMail.objects.filter(to=user.email, subject__contains="appeal")
        .order_by("created_at", "pk")
        .values_list("subject", flat=True)
    )


def test_notice_then_grounds_then_review_then_decision(client, rejected):
    cpc = staff_user(StaffGroup.PROGRAM_COMMITTEE)
    appellant = rejected.user
    client.force_login(appellant)

    page = client.get(new_url(rejected)).content.decode()
    assert "Fewer than 1,820 hours" in page
    response = client.post(new_url(rejected), {"intent": "on", "confirm": "yes"})
    appeal = Appeal.objects.get()
    assert response["Location"] == reverse("appeals:detail", args=[appeal.pk])
    assert appeal.status == AppealStatus.NOTICE
    assert "Fewer than 1,820 hours" in appeal.decision_appealed

    # The grounds, with a document; a disguised web page is refused.
    detail = reverse("appeals:detail", args=[appeal.pk])
    bad = client.post(
        detail,
        {"grounds": "My volunteer hours were left out.",
         "documents": [SimpleUploadedFile("letter.pdf", files.HTML)]},
    )  # fmt: skip
    assert bad.status_code == 200 and "letter.pdf" in bad.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.NOTICE and not AppealDocument.objects.exists()
    summary = client.post(
        detail,
        {"grounds": "My volunteer hours were left out.",
         "documents": [SimpleUploadedFile("letter.pdf", files.PDF),
                       SimpleUploadedFile("log.png", files.PNG)]},
    )  # fmt: skip
    assert "log.png" in summary.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.NOTICE  # filed only on Confirm
    client.post(
        detail, {"grounds": "My volunteer hours were left out.", "confirm": "yes"}
    )
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.FILED
    assert sorted(appeal.documents.values_list("name", flat=True)) == [
        "letter.pdf",
        "log.png",
    ]

    client.force_login(cpc)
    changelist = reverse("admin:appeals_appeal_changelist")
    client.post(changelist, {"action": "start_review", "_selected_action": [appeal.pk]})
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UNDER_REVIEW
    change = client.get(
        reverse("admin:appeals_appeal_change", args=[appeal.pk])
    ).content.decode()
    # Staff act on the original decision from the appeal's page.
    assert reverse("admin:candidates_application_change", args=[rejected.pk]) in change
    assert reverse("appeals:document", args=[appeal.documents.first().pk]) in change
    assert appeal_decide(
        appeal=appeal,
        by=cpc,
        status=AppealStatus.DENIED,
        decision="The log shows 1,200 hours.",
    )
    assert steps_mailed(appellant) == [
        f"Your notice of appeal {appeal.reference} is received",
        f"Your appeal {appeal.reference} is filed",
        f"Your appeal {appeal.reference} is under review",
        f"Your appeal {appeal.reference}: the committee's decision",
    ]


def test_no_decision_on_a_notice_without_grounds(client, rejected):
    client.force_login(rejected.user)
    client.post(new_url(rejected), {"intent": "on", "confirm": "yes"})
    with pytest.raises(AppealError, match="no grounds yet"):
        appeal_decide(
            appeal=Appeal.objects.get(),
            by=staff_user(StaffGroup.PROGRAM_COMMITTEE),
            status=AppealStatus.UPHELD,
            decision="x",
        )


def test_grounds_may_come_with_the_notice(client, rejected):
    client.force_login(rejected.user)
    client.post(
        new_url(rejected),
        {"intent": "on", "grounds": "Hours left out.", "confirm": "yes"},
    )
    assert Appeal.objects.get().status == AppealStatus.FILED


def test_only_ones_own_decision_and_only_a_decision_to_appeal(client, rejected):
    client.force_login(UserFactory())
    assert client.get(new_url(rejected)).status_code == 404
    assert client.post(new_url(rejected), {"intent": "on"}).status_code == 404
    client.force_login(rejected.user)
    for label in ("candidates.nothing", "auth.user"):
        assert (
            client.get(reverse("appeals:new", args=[label, rejected.pk])).status_code
            == 404
        )
    draft = submitted(UserFactory())
    client.force_login(draft.user)
    assert client.get(new_url(draft)).status_code == 404  # not a decision yet
    assert not Appeal.objects.exists()


def test_another_persons_appeal_and_documents_answer_404(client, rejected):
    client.force_login(rejected.user)
    client.post(
        new_url(rejected),
        {"intent": "on", "grounds": "Hours left out.", "confirm": "yes"},
    )
    appeal = Appeal.objects.get()
    client.force_login(UserFactory())
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 404
    assert client.get(reverse("appeals:list")).status_code == 200
