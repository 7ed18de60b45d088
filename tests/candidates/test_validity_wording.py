"""One meaning of "valid until" (issue 19): every page says "valid through" the last
valid day, states the grace period and the renewal window by their last days, and
shows the same status on the same day.

Certified on June 15, 2026, the certification is valid through June 14, 2030; the
renewal window runs from June 15, 2029 and the grace period from June 15, 2030, both
through August 14, 2030; on August 15, 2030 it has expired.
"""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from candidates.certificates import certificate_html, render_certificate
from candidates.certification import publicity_choose
from candidates.models import Certification
from candidates.validity import Standing
from lssc.core.dates import add_months
from lssc.core.program import rules
from lssc.notifications.models import OutgoingMail
from tests.pdfs import pdf_text

from .helpers import admitted_candidate
from .test_certificates import certify

pytestmark = pytest.mark.django_db

D = datetime.date
DAY = datetime.timedelta(days=1)
LAST_VALID = "June 14, 2030"
LAST_GRACE = "August 14, 2030"

BOUNDARIES = [
    # (day, status, may apply to renew)
    (D(2029, 6, 14), Standing.VALID, False),  # the day before the window opens
    (D(2029, 6, 15), Standing.VALID, True),  # the window's first day
    (D(2030, 6, 14), Standing.VALID, True),  # the last valid day
    (D(2030, 6, 15), Standing.GRACE, True),  # the first day after: grace begins
    (D(2030, 8, 14), Standing.GRACE, True),  # the last day of grace and window
    (D(2030, 8, 15), Standing.EXPIRED, False),  # the first day after the grace
]
HEADS = {
    Standing.VALID: "Valid.",
    Standing.GRACE: "In its grace period.",
    Standing.EXPIRED: "Expired.",
}


def on(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12)))


def text(response) -> str:
    """The page's words as a reader gets them: tags dropped, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def holder(db, client):
    candidate = admitted_candidate()
    candidate.user.full_name = "Rosa Parks-Lee"
    candidate.user.save()
    certification = certify(candidate)
    publicity_choose(
        certification=certification, listed=True, notify="", by=candidate.user
    )
    return Certification.objects.get(pk=certification.pk)


def test_the_days_people_are_shown(holder):
    assert holder.expires_on == D(2030, 6, 15)  # stored: the first day not valid
    assert holder.last_valid_day == D(2030, 6, 14)
    assert holder.grace_starts_on == D(2030, 6, 15)
    assert holder.renewal_opens_on == D(2029, 6, 15)
    assert holder.last_grace_day == D(2030, 8, 14)


@pytest.mark.parametrize(("day", "status", "may_apply"), BOUNDARIES)
def test_every_page_says_the_same_on_the_boundary_days(
    holder, client, day, status, may_apply
):
    head = HEADS[status]
    with on(day):
        client.force_login(holder.candidate.user)  # a session of that day
        assert holder.standing == status
        verify = text(client.get(holder.get_absolute_url()))
        car = text(client.get(reverse("candidates:car")))
        renewal = text(client.get(reverse("renewals:home")))
        registry = text(client.get(reverse("candidates:registry")))

    # The verification page and the holder's own pages: the same status, the
    # same last valid day, and, past it, the grace period's last day.
    for page in (verify, car, renewal):
        assert head in page, (day, page)
        for other in set(HEADS.values()) - {head}:
            assert other not in page, (day, other)
        assert f"valid through {LAST_VALID}" in page
        if status == Standing.GRACE:
            assert f"renew it through {LAST_GRACE}, the last day of the grace" in page
        if status == Standing.EXPIRED:
            assert f"not renewed by {LAST_GRACE}, the last day of its grace" in page
        assert "valid until" not in page.lower()
    assert f"Valid through {LAST_VALID}" in verify

    # The renewal page states the window and the grace period by their days.
    assert f"current period June 15, 2026 through {LAST_VALID}" in renewal
    assert f"You may apply from June 15, 2029 through {LAST_GRACE}" in renewal
    assert f"a grace period runs from June 15, 2030 through {LAST_GRACE}" in renewal
    assert ("Apply to renew" in renewal) is may_apply

    # The registry lists a holder while valid or in grace, by the same last day.
    if status == Standing.EXPIRED:
        assert "Rosa Parks-Lee" not in registry
    else:
        assert "Rosa Parks-Lee" in registry and LAST_VALID in registry
        assert ("In its grace period" in registry) is (status == Standing.GRACE)


def test_a_renewal_outside_the_window_is_refused_with_its_last_day(holder, client):
    with on(D(2030, 8, 15)):
        client.force_login(holder.candidate.user)
        response = client.post(reverse("renewals:submit"), follow=True)
    assert (
        f"Renewal is open from June 15, 2029 through {LAST_GRACE}, the last day of "
        "the grace period." in text(response)
    )


def test_the_certificate_says_valid_through_its_last_day(holder):
    assert f"Valid through {LAST_VALID}" in certificate_html(holder)
    printed = pdf_text(render_certificate(holder))
    assert f"Valid through {LAST_VALID}" in printed
    assert "Valid until" not in printed and "June 15, 2030" not in printed


def test_the_credential_is_valid_until_the_end_of_the_last_valid_day(holder, client):
    badge = client.get(reverse("candidates:verify_json", args=[holder.number])).json()
    program = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    valid_from = datetime.datetime.fromisoformat(badge["validFrom"])
    valid_until = datetime.datetime.fromisoformat(badge["validUntil"])
    assert valid_from == datetime.datetime(2026, 6, 15, tzinfo=program)
    assert valid_until == datetime.datetime(2030, 6, 14, 23, 59, 59, tzinfo=program)
    # A verifier reading the instant agrees with the verification page: the whole
    # last valid day is inside, the first day after is not.
    next_day = datetime.datetime(2030, 6, 15, tzinfo=program)
    assert valid_until < next_day <= valid_until + datetime.timedelta(seconds=1)
    assert f"valid through {LAST_VALID}" in badge["description"]


def test_the_mails_and_the_history_say_valid_through(holder, client):
    certified = OutgoingMail.objects.get(template="certified")
    assert f"valid through {LAST_VALID}" in certified.body
    assert "until" not in certified.body
    client.force_login(holder.candidate.user)
    car = text(client.get(reverse("candidates:car")))
    assert f"Certified: certificate {holder.number}, valid through {LAST_VALID}" in car


@pytest.mark.parametrize("months", [0, 1, 2, 3])
def test_the_last_days_and_the_status_agree_for_every_expiry_day(settings, months):
    """Month ends and leap days included: the status changes the day after each
    last day shown, never on it."""
    settings.LSSC_RULES = {"RENEWAL_GRACE_MONTHS": months} if months else {}
    program = rules()
    expires_on = D(2031, 1, 1)
    while expires_on < D(2033, 1, 1):
        c = Certification(expires_on=expires_on)
        assert c.standing_on(c.last_valid_day) == Standing.VALID
        if months:
            assert c.standing_on(c.last_valid_day + DAY) == Standing.GRACE
            assert c.standing_on(c.last_grace_day) == Standing.GRACE
        assert c.standing_on(c.last_grace_day + DAY) == Standing.EXPIRED
        assert c.in_renewal_window(c.last_grace_day)
        assert not c.in_renewal_window(c.last_grace_day + DAY)
        assert c.in_renewal_window(c.renewal_opens_on)
        assert not c.in_renewal_window(c.renewal_opens_on - DAY)
        assert c.renewal_opens_on == add_months(
            expires_on, -program.RENEWAL_WINDOW_MONTHS
        )
        expires_on += DAY
