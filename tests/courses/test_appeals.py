"""Appeals to the Certification Program Committee, here of a course decision."""

import pytest

from courses.models import ApplicationStatus
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal, AppealStatus
from lssc.appeals.services import AppealError, appeal_decide, appeal_file
from lssc.audit.models import AuditEntry
from lssc.notifications.models import OutgoingMail
from tests.courses.conftest import complete_application, contact_of, in_review, mails_to
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected(provider, technology, officer):
    from courses.applications import application_reject

    application = in_review(complete_application(provider, technology))
    application_reject(application=application, by=officer, reason="Too short.")
    application.refresh_from_db()
    return application


@pytest.fixture
def committee(db):
    return staff_user(StaffGroup.PROGRAM_COMMITTEE)


def file(application, grounds="Competency 4 is taught in week 2; see the syllabus."):
    return appeal_file(
        appellant=contact_of(application.provider),
        subject=application,
        decision_appealed=f"Not approved: {application.decision_reason}",
        grounds=grounds,
    )


def test_an_appeal_needs_grounds(rejected):
    for grounds in ("", "  \n "):
        with pytest.raises(AppealError, match="grounds"):
            file(rejected, grounds=grounds)
    assert not Appeal.objects.exists()


def test_filing_tells_the_appellant_the_officer_and_the_committee(
    rejected, officer, committee
):
    reviewer = staff_user(StaffGroup.REVIEW_COMMITTEE)
    assistant = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    appellant = contact_of(rejected.provider)

    appeal = file(rejected)

    assert appeal.status == AppealStatus.FILED and appeal.is_open
    assert appeal.subject == rejected
    assert appeal.appellant == appellant
    assert appeal.decision_appealed == "Not approved: Too short."
    [mail] = mails_to(appellant.email, "is filed")
    assert appeal.reference in mail.subject
    for member in (officer, committee):
        [mail] = mails_to(member.email, "filed by")
        assert "Competency 4 is taught in week 2" in mail.body
    for other in (reviewer, assistant):
        assert mails_to(other.email) == []
    assert AuditEntry.objects.filter(action="appeal.filed").count() == 1


def test_one_open_appeal_per_decision(rejected):
    file(rejected)
    mails = OutgoingMail.objects.count()
    with pytest.raises(AppealError, match="already under appeal"):
        file(rejected, grounds="Again.")
    assert Appeal.objects.count() == 1
    assert OutgoingMail.objects.count() == mails


def test_an_appeal_is_decided_once(rejected, committee):
    appeal = file(rejected)
    appellant = appeal.appellant

    assert appeal_decide(
        appeal=appeal, by=committee, status=AppealStatus.UPHELD, decision=" Upheld. "
    )
    assert not appeal_decide(
        appeal=appeal, by=committee, status=AppealStatus.DENIED, decision="Denied."
    )

    appeal.refresh_from_db()
    assert (appeal.status, appeal.decision_reason, appeal.decided_by) == (
        AppealStatus.UPHELD,
        "Upheld.",
        committee,
    )
    assert not appeal.is_open
    assert len(mails_to(appellant.email, "the committee's decision")) == 1
    # Notice, grounds (filed together here) and the decision.
    assert AuditEntry.objects.filter(action__startswith="appeal.").count() == 3


def test_a_decision_is_upheld_or_denied_in_words(rejected, committee):
    appeal = file(rejected)
    with pytest.raises(AppealError, match="upheld or denied"):
        appeal_decide(
            appeal=appeal, by=committee, status=AppealStatus.WITHDRAWN, decision="x"
        )
    with pytest.raises(AppealError, match="in words"):
        appeal_decide(
            appeal=appeal, by=committee, status=AppealStatus.DENIED, decision=" "
        )
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.FILED
    assert appeal.decided_at is None


def test_a_decided_appeal_is_final(rejected, committee):
    appeal = file(rejected)
    appeal_decide(
        appeal=appeal, by=committee, status=AppealStatus.DENIED, decision="Stands."
    )
    with pytest.raises(AppealError, match="final"):
        file(rejected, grounds="Once more.")
    assert Appeal.objects.count() == 1


def test_an_upheld_appeal_sends_the_application_back_to_review(rejected, committee):
    appeal = file(rejected)
    appeal_decide(
        appeal=appeal,
        by=committee,
        status=AppealStatus.UPHELD,
        decision="Week 2 teaches competency 4; review again.",
    )
    rejected.refresh_from_db()
    assert rejected.status == ApplicationStatus.IN_REVIEW
    entry = AuditEntry.objects.get(action="course_application.reopened")
    assert entry.reason == "Week 2 teaches competency 4; review again."


def test_a_denied_appeal_leaves_the_rejection(rejected, committee):
    appeal = file(rejected)
    appeal_decide(
        appeal=appeal, by=committee, status=AppealStatus.DENIED, decision="Stands."
    )
    rejected.refresh_from_db()
    assert rejected.status == ApplicationStatus.REJECTED
