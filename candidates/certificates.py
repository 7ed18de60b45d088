"""What a certification proves to others: its status, the certificate PDF and the
machine-readable credential."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lssc.core.program import rules
from lssc.notifications.services import mail_queue
from lssc.outbox.services import enqueue

from .models import Certification
from .validity import Standing

# The task that makes a certificate (``tasks.certificate_make``), named rather than
# imported.
MAKE_TASK = "candidates.certificate_make"

CREDENTIAL_TITLE = "Library Support Staff Certification"


# Where a certification stands on a day; the name the pages and tests use.
Status = Standing


def certification_status(certification: Certification, today=None) -> Standing:
    """Valid through its last valid day; in grace after it (FAQ 19: the holder may
    still renew); expired once the grace has passed; revoked whatever the dates."""
    return certification.standing_on(today or timezone.localdate())


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last second of ``day`` in the program's time zone."""
    return datetime.datetime.combine(
        day, datetime.time(23, 59, 59), tzinfo=timezone.get_default_timezone()
    )


def start_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(0), tzinfo=timezone.get_default_timezone()
    )


def achieved_sets(certification: Certification) -> list:
    """The sets the certification rests on: the required ones and the electives
    achieved first, as they completed the requirement."""
    program = rules()
    achievements = list(
        certification.candidate.achievements.select_related("competency_set").order_by(
            "achieved_on", "pk"
        )
    )
    required = [a for a in achievements if a.competency_set.is_required]
    electives = [a for a in achievements if not a.competency_set.is_required]
    return [
        a.competency_set
        for a in required[: program.REQUIRED_SETS] + electives[: program.ELECTIVE_SETS]
    ]


def verification_url(certification: Certification) -> str:
    return settings.SITE_URL + certification.get_absolute_url()


def qr_svg_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def certificate_html(certification: Certification, page_size="Letter") -> str:
    """The certificate's page as HTML, which ``render_certificate`` prints (and a
    bulk generator prints many of at once)."""
    url = verification_url(certification)
    return render_to_string(
        "candidates/certificate.html",
        {
            "certification": certification,
            "holder": certification.candidate.user.full_name,
            "title": CREDENTIAL_TITLE,
            "sets": achieved_sets(certification),
            "verify_url": url,
            "qr": qr_svg_data_uri(url),
            "page_size": page_size,
        },
    )


def render_certificate(certification: Certification, page_size="Letter") -> bytes:
    """The certificate as a one-page PDF. Made on US Letter; its content fits A4
    too (the tests render both), so it prints whole on either."""
    from weasyprint import HTML  # heavy: loaded only when a certificate is made

    return HTML(string=certificate_html(certification, page_size)).write_pdf()


def certificate_issue(certification_id: int) -> bool:
    """Make the certificate PDF unless the stored one is current; ``True`` when one
    was made. A retried or duplicated task finds the file and does nothing. Earlier
    certificates are kept (a mail may still be sending one)."""
    with transaction.atomic():
        certification = (
            Certification.objects.select_for_update(of=("self",))
            .select_related("candidate__user")
            .get(pk=certification_id)
        )
        if certification.certificate_is_current():
            return False
        first_for_period = certification.certificate_expires_on != (
            certification.expires_on
        )
        certification.certificate.save(
            f"{certification.number}.pdf",
            ContentFile(render_certificate(certification)),
            save=False,
        )
        certification.certificate_expires_on = certification.expires_on
        certification.certificate_name = certification.candidate.user.full_name
        certification.save(
            update_fields=["certificate", "certificate_expires_on", "certificate_name"]
        )
        if first_for_period:
            mail_queue(
                key=f"certificate-ready:{certification.pk}:{certification.expires_on}",
                to=certification.candidate.user.email,
                template="certificate_ready",
                context={"certification": certification},
                attachment=(
                    certification.certificate.name,
                    f"LSSC-certificate-{certification.number}.pdf",
                ),
            )
    return True


def certificate_request(certification: Certification) -> None:
    """Have the certificate made after the current transaction commits."""
    enqueue(MAKE_TASK, certification.pk)


def open_badge(certification: Certification) -> dict:
    """An Open Badges 3.0 credential (a W3C Verifiable Credential) describing the
    certification. It is not signed: its status is what the verification URL says."""
    url = verification_url(certification)
    site = settings.SITE_URL
    holder = certification.candidate.user.full_name
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": site + reverse("candidates:verify_json", args=[certification.number]),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": CREDENTIAL_TITLE,
        "description": f"Certificate {certification.number}, valid through "
        f"{certification.last_valid_day:%B %-d, %Y}; its current status (valid, "
        f"in grace, expired or revoked) is at {url}",
        "issuer": {
            "id": site + "/",
            "type": ["Profile"],
            "name": "ALA-APA Library Support Staff Certification program",
            "url": site + "/",
        },
        # The whole of the first and of the last valid day, in the program's
        # time zone: a verifier anywhere agrees with the verification page.
        "validFrom": start_of_day(certification.certified_on).isoformat(),
        "validUntil": end_of_day(certification.last_valid_day).isoformat(),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": holder,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": certification.number,
                    "identityType": "identifier",
                    "hashed": False,
                }
            ],
            "achievement": {
                "id": site + reverse("how_it_works"),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": CREDENTIAL_TITLE,
                "description": "A voluntary, national certification of library "
                "support staff who achieved three required and three elective "
                "competency sets.",
                "criteria": {
                    "narrative": "Three required and three elective competency sets, "
                    "each achieved by an approved course, a positively evaluated "
                    "portfolio or a recognised college program."
                },
            },
        },
        "evidence": [
            {"type": ["Evidence"], "name": competency_set.name}
            for competency_set in achieved_sets(certification)
        ],
    }
