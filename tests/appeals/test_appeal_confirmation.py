"""Giving notice of appeal and filing its grounds: a summary first that keeps what
was typed, the step only on Confirm, once; a second Confirm changes nothing."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lssc.appeals.models import Appeal, AppealDocument, AppealStatus
from lssc.notifications.models import OutgoingMail
from tests.factories import UserFactory
from tests.portfolios import files

from .test_appeal_deadlines import at
from .test_appeal_process import new_url
from .test_appeal_process import rejected as rejected  # the fixture

pytestmark = pytest.mark.django_db

CONFIRM = {"confirm": "yes"}
GROUNDS = 'My volunteer hours "at the branch" were left out.'


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def signed_in(client, rejected):
    client.force_login(rejected.user)
    return client


def test_the_notice_summary_keeps_the_grounds_and_saves_nothing(signed_in, rejected):
    response = signed_in.post(new_url(rejected), {"intent": "on", "grounds": GROUNDS})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Appeal this application decision?</h1>" in html
    assert "Fewer than 1,820 hours" in html  # the decision appealed
    assert "My volunteer hours &quot;at the branch&quot; were left out." in html
    assert "Your grounds cannot be changed after filing." in html
    assert 'name="confirm" value="yes"' in html
    assert not Appeal.objects.exists()

    # Back shows the form again with the grounds as typed.
    back = signed_in.post(
        new_url(rejected), {"intent": "on", "grounds": GROUNDS, "edit": "yes"}
    )
    assert back.status_code == 200
    assert "Give notice of appeal</button>" in back.content.decode()
    assert "&quot;at the branch&quot;" in back.content.decode()
    assert not Appeal.objects.exists()


def test_confirming_the_notice_twice_gives_notice_once(signed_in, rejected):
    data = {"intent": "on", "grounds": "", **CONFIRM}
    first = signed_in.post(new_url(rejected), data)
    appeal = Appeal.objects.get()
    assert first["Location"] == reverse("appeals:detail", args=[appeal.pk])
    assert "notice received. Now file your grounds." in said(first)[0]
    mails = OutgoingMail.objects.count()
    again = signed_in.post(new_url(rejected), data, follow=True)
    assert again.redirect_chain[-1][0] == reverse("appeals:detail", args=[appeal.pk])
    assert "This decision has been appealed already." in again.content.decode()
    assert Appeal.objects.count() == 1
    assert OutgoingMail.objects.count() == mails


def test_a_notice_confirmed_after_the_time_is_refused(signed_in, rejected):
    with at(datetime.date.today() + datetime.timedelta(days=60), 12):
        signed_in.force_login(rejected.user)  # sessions expire: signed in that day
        response = signed_in.post(
            new_url(rejected), {"intent": "on", **CONFIRM}, follow=True
        )
    assert response.redirect_chain[-1][0] == new_url(rejected)
    assert "The time to appeal this decision closed on" in said(response)[0]
    assert not Appeal.objects.exists()


def test_someone_elses_decision_or_appeal_answers_404(client, rejected):
    client.force_login(UserFactory())
    assert (
        client.post(new_url(rejected), {"intent": "on", **CONFIRM}).status_code == 404
    )
    assert not Appeal.objects.exists()
    client.force_login(rejected.user)
    client.post(new_url(rejected), {"intent": "on", **CONFIRM})
    appeal = Appeal.objects.get()
    client.force_login(UserFactory())
    detail = reverse("appeals:detail", args=[appeal.pk])
    assert client.post(detail, {"grounds": GROUNDS, **CONFIRM}).status_code == 404
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.NOTICE


@pytest.fixture
def notice(signed_in, rejected):
    signed_in.post(new_url(rejected), {"intent": "on", **CONFIRM})
    return Appeal.objects.get()


def test_the_grounds_summary_lists_the_documents_and_files_nothing(signed_in, notice):
    detail = reverse("appeals:detail", args=[notice.pk])
    response = signed_in.post(
        detail,
        {"grounds": GROUNDS, "documents": [SimpleUploadedFile("log.png", files.PNG)]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>File appeal {notice.reference}?</h1>" in html
    assert "log.png" in html
    assert "cannot be changed after filing" in html
    notice.refresh_from_db()
    assert notice.status == AppealStatus.NOTICE and notice.grounds == ""
    # The document is kept with the appeal, to go with the grounds on Confirm.
    assert list(notice.documents.values_list("name", flat=True)) == ["log.png"]

    back = signed_in.post(detail, {"grounds": GROUNDS, "edit": "yes"})
    assert "File the appeal</button>" in back.content.decode()
    assert "&quot;at the branch&quot;" in back.content.decode()
    notice.refresh_from_db()
    assert notice.status == AppealStatus.NOTICE


def test_confirming_the_grounds_twice_files_once(signed_in, notice):
    detail = reverse("appeals:detail", args=[notice.pk])
    signed_in.post(
        detail,
        {"grounds": GROUNDS, "documents": [SimpleUploadedFile("log.png", files.PNG)]},
    )
    first = signed_in.post(detail, {"grounds": GROUNDS, **CONFIRM})
    assert first["Location"] == detail
    assert f"Appeal {notice.reference} filed" in said(first)[0]
    notice.refresh_from_db()
    assert notice.status == AppealStatus.FILED and notice.grounds == GROUNDS
    filed_at = notice.grounds_at

    again = signed_in.post(
        detail, {"grounds": "Something else", **CONFIRM}, follow=True
    )
    assert "has been filed already: nothing changed." in again.content.decode()
    notice.refresh_from_db()
    assert notice.grounds == GROUNDS and notice.grounds_at == filed_at
    assert AppealDocument.objects.count() == 1
