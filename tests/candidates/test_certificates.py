"""The certificate PDF, the public verification page and the credential JSON."""

import datetime
from datetime import UTC

import pytest
import time_machine
from django.urls import reverse

from candidates.certificates import Status, certificate_issue, certification_status
from candidates.certification import achievement_record, certification_revoke
from candidates.enums import AchievementMethod
from candidates.models import Certification
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import OutgoingMail
from tests.factories import UserFactory, staff_user
from tests.pdfs import pdf_pages, pdf_text

from .helpers import admitted_candidate

pytestmark = pytest.mark.django_db

D = datetime.date
SIX = [
    "communication-and-teamwork",
    "foundations-of-library-service",
    "technology",
    "youth-services",
    "access-services",
    "cataloging-and-classification",
]


def on(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12)))


CERTIFIED_ON = D(2026, 6, 15)


def certify(candidate, day=CERTIFIED_ON):
    with on(day):
        for slug in SIX:
            achievement_record(
                candidate=candidate,
                competency_set=CompetencySet.objects.get(slug=slug),
                method=AchievementMethod.PORTFOLIO,
            )
    return Certification.objects.get(candidate=candidate)


@pytest.fixture
def candidate(db):
    candidate = admitted_candidate()
    candidate.user.full_name = "Rosa Parks-Lee"
    candidate.user.save()
    return candidate


# --- Status --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2030, 6, 14), Status.VALID),  # the last valid day
        (D(2030, 6, 15), Status.GRACE),  # the expiry day opens the grace period
        (D(2030, 8, 14), Status.GRACE),  # the last day of two months' grace
        (D(2030, 8, 15), Status.EXPIRED),
    ],
)
def test_status_by_day(today, status):
    certification = Certification(expires_on=D(2030, 6, 15))
    assert certification_status(certification, today) == status


def test_a_revoked_certification_is_revoked_whatever_the_day():
    certification = Certification(
        expires_on=D(2030, 6, 15),
        status="revoked",
        revoked_at=datetime.datetime(2027, 1, 1, tzinfo=UTC),
    )
    assert certification_status(certification, D(2027, 1, 1)) == Status.REVOKED


# --- The certificate PDF --------------------------------------------------------


def test_the_award_makes_the_certificate_once_and_mails_the_holder(
    candidate, commit, client
):
    with commit():
        certification = certify(candidate)
    certification.refresh_from_db()
    assert certification.certificate_is_current()
    pdf = certification.certificate.read()
    certification.certificate.close()
    assert len(pdf_pages(pdf)) == 1
    text = pdf_text(pdf)
    for expected in (
        "Rosa Parks-Lee",
        certification.number,
        "Library Support Staff Certification",
        "Technology",
        "Youth Services",
        "June 15, 2026",
        "Valid through June 14, 2030",  # the last valid day
        f"/verify/{certification.number}/",
    ):
        assert expected in text, expected

    # A retried task finds the file current and makes nothing.
    name = certification.certificate.name
    assert certificate_issue(certification.pk) is False
    certification.refresh_from_db()
    assert certification.certificate.name == name
    assert (
        OutgoingMail.objects.filter(key__startswith="certificate-ready:").count() == 1
    )


def test_a_corrected_name_gets_a_new_certificate(candidate, commit, client):
    with commit():
        certification = certify(candidate)
    application = candidate.application
    client.force_login(candidate.user)
    with commit():
        response = client.post(
            reverse("candidates:car_contact"),
            {
                "full_name": "Rosa Parks Lee",
                "phone": application.phone,
                "address_line1": application.address_line1,
                "city": application.city,
                "state": application.state,
                "postal_code": application.postal_code,
                "country": application.country,
            },
        )
    assert response["Location"] == reverse("candidates:car")
    certification.refresh_from_db()
    assert certification.certificate_name == "Rosa Parks Lee"
    pdf = certification.certificate.read()
    certification.certificate.close()
    assert "Rosa Parks Lee" in pdf_text(pdf)
    # Same period: no second "ready" mail.
    assert (
        OutgoingMail.objects.filter(key__startswith="certificate-ready:").count() == 1
    )


def test_the_holder_and_staff_download_it_and_no_one_else(candidate, commit, client):
    with commit():
        certification = certify(candidate)
    url = reverse("candidates:certificate_download", args=[certification.number])

    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(candidate.user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assert client.get(url).status_code == 200


def test_a_download_before_the_certificate_exists_asks_for_it(candidate, client):
    certification = certify(candidate)  # no commit: the task has not run
    client.force_login(candidate.user)
    url = reverse("candidates:certificate_download", args=[certification.number])
    response = client.get(url)
    assert response.status_code == 202
    assert "being prepared" in response.content.decode()


# --- Verification -------------------------------------------------------------------


def test_the_verification_page_through_the_certifications_life(candidate, client):
    certification = certify(candidate)
    url = reverse("candidates:verify", args=[certification.number])
    for day, words in (
        (D(2026, 6, 15), "Valid."),
        (D(2030, 6, 15), "In its grace period."),
        (D(2030, 8, 15), "Expired."),
    ):
        with on(day):
            html = client.get(url).content.decode()
        assert words in html, day
        assert "Rosa Parks-Lee" in html
        assert "Youth Services" in html
        assert candidate.user.email not in html  # no contact details
    certification_revoke(
        certification=certification,
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Falsified evidence.",
    )
    html = client.get(url).content.decode()
    assert "Revoked." in html and "Falsified" not in html


def test_a_number_typed_in_lower_case_is_found(candidate, client):
    certification = certify(candidate)
    url = reverse("candidates:verify", args=[certification.number.lower()])
    assert client.get(url).status_code == 200


def test_a_wrong_number_is_a_helpful_404(client):
    response = client.get(reverse("candidates:verify", args=["LSSC-AAAA-BBBB-CCCC"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "No certificate with this number" in html
    assert "three groups of four" in html
    json = client.get(reverse("candidates:verify_json", args=["LSSC-NOPE"]))
    assert json.status_code == 404


def test_the_credential_json(candidate, client):
    certification = certify(candidate)
    response = client.get(
        reverse("candidates:verify_json", args=[certification.number])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+ld+json"
    badge = response.json()
    assert badge["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "OpenBadgeCredential" in badge["type"]
    assert badge["issuer"]["name"].endswith(
        "Library Support Staff Certification program"
    )
    assert badge["credentialSubject"]["name"] == "Rosa Parks-Lee"
    assert badge["credentialSubject"]["achievement"]["name"] == (
        "Library Support Staff Certification"
    )
    assert badge["validFrom"].startswith("2026-06-15")
    assert badge["validUntil"].startswith("2030-06-14T23:59:59")  # end of last day
    assert f"/verify/{certification.number}/" in badge["description"]
    assert [e["name"] for e in badge["evidence"]] == [
        "Communication and Teamwork",
        "Foundations of Library Service",
        "Technology",
        "Youth Services",
        "Access Services",
        "Cataloging and Classification",
    ]
    assert candidate.user.email not in response.content.decode()


def test_the_car_links_the_certificate_and_its_page(candidate, client):
    certification = certify(candidate)
    client.force_login(candidate.user)
    html = client.get(reverse("candidates:car")).content.decode()
    assert (
        reverse("candidates:certificate_download", args=[certification.number]) in html
    )
    assert reverse("candidates:verify", args=[certification.number]) in html


def test_the_ready_mail_carries_the_certificate(candidate, commit, mailoutbox):
    with commit():
        certification = certify(candidate)
    [message] = [m for m in mailoutbox if "certificate is ready" in m.subject]
    [(name, content, _)] = message.attachments
    assert name == f"LSSC-certificate-{certification.number}.pdf"
    assert certification.number in pdf_text(content)


@pytest.mark.parametrize("size", ["Letter", "A4"])
def test_the_certificate_fits_one_page_of_either_paper(candidate, size):
    from candidates.certificates import render_certificate

    certification = certify(candidate)
    pdf = render_certificate(certification, page_size=size)
    [page] = pdf_pages(pdf)
    width_mm = float(page.mediabox.width) / 72 * 25.4
    assert round(width_mm) == {"Letter": 216, "A4": 210}[size]


def test_the_verification_page_costs_a_fixed_number_of_queries(
    candidate, client, django_assert_max_num_queries
):
    certification = certify(candidate)
    url = reverse("candidates:verify", args=[certification.number])
    with django_assert_max_num_queries(2):  # the certification, its achievements
        assert client.get(url).status_code == 200
