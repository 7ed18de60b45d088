"""``manage.py check_data``: silent on data built through the services; one planted
violation of each invariant is reported, alone, and fails the command."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from candidates.enums import AchievementMethod
from candidates.models import Achievement, Candidate, Certification
from courses.models import Completion
from evaluations.models import Review
from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from lssc.core.storage import private_storage
from lssc.payments.models import Payment
from portfolios.models import Evidence

from .data_world import certified_world

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def check_data() -> tuple[list[str], str]:
    """The violation lines printed, and the failure's summary ("" when it passed)."""
    out = io.StringIO()
    try:
        call_command("check_data", stdout=out)
    except CommandError as error:
        return out.getvalue().splitlines(), str(error)
    lines = out.getvalue().splitlines()
    assert "0 violations" in lines[-1]
    return lines[:-1], ""


@pytest.fixture
def world(db):
    return certified_world()


def only_violation(prefix: str, *words: str) -> str:
    lines, failure = check_data()
    assert failure and "1 violation" in failure
    assert len(lines) == 1, lines
    assert lines[0].startswith(prefix), lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def unused_elective(world):
    achieved = world.candidate.achievements.values("competency_set")
    return CompetencySet.objects.electives().exclude(pk__in=achieved).first()


def test_the_world_is_built_through_the_rules(world):
    assert world.candidate.achievements.count() == 6
    assert set(world.candidate.achievements.values_list("method", flat=True)) == {
        "recognition", "course", "portfolio",
    }  # fmt: skip
    assert world.certification.certificate


def test_clean_data_reports_nothing_and_passes(world):
    lines, failure = check_data()
    assert (lines, failure) == ([], "")


def test_a_set_achieved_after_the_certification(world):
    cert = world.certification
    world.candidate.achievements.filter(
        competency_set=world.portfolio.competency_set
    ).update(achieved_on=cert.certified_on + DAY)
    only_violation(f"candidates.Certification {cert.pk}:", "required and elective")


def test_a_certification_without_its_pdf(world):
    Certification.objects.filter(pk=world.certification.pk).update(certificate="")
    only_violation(f"candidates.Certification {world.certification.pk}:", "no certif")


def test_a_deadline_moved_without_an_extension(world):
    candidate = world.candidate
    Candidate.objects.filter(pk=candidate.pk).update(deadline=candidate.deadline + DAY)
    only_violation(f"candidates.Candidate {candidate.pk}:", "no extension")


def test_an_expiry_not_the_rules(world):
    cert = world.certification
    later = cert.expires_on + 30 * DAY
    Certification.objects.filter(pk=cert.pk).update(
        expires_on=later, certificate_expires_on=later
    )
    only_violation(f"candidates.Certification {cert.pk}:", "expires on")


@pytest.mark.parametrize(
    "method", [AchievementMethod.PORTFOLIO, AchievementMethod.COURSE,
               AchievementMethod.RECOGNITION],
)  # fmt: skip
def test_an_achievement_without_its_source(world, method):
    planted = Achievement.objects.create(
        candidate=world.candidate,
        competency_set=unused_elective(world),
        method=method,
        achieved_on=world.certification.certified_on,
    )
    only_violation(f"candidates.Achievement {planted.pk}:", f"achieved by {method}")


def test_a_decision_the_reviews_do_not_make(world):
    review = Review.objects.filter(
        assignment__submission__portfolio=world.portfolio
    ).first()
    Review.objects.filter(pk=review.pk).update(verdict="not_met")
    only_violation(f"portfolios.Portfolio {world.portfolio.pk}:", "not enough")


def test_a_payment_that_is_not_the_fee(world):
    payment = Payment.objects.order_by("pk").first()
    Payment.objects.filter(pk=payment.pk).update(
        amount_cents=payment.fee.amount_cents + 100
    )
    only_violation(f"payments.Payment {payment.pk}:", payment.reference)


def test_a_state_not_in_the_audit_trail(world):
    completion = Completion.objects.get()
    AuditEntry.objects.filter(
        subject_type=ContentType.objects.get_for_model(Completion),
        subject_id=completion.pk,
        to_state="verified",
    ).delete()
    only_violation(f"courses.Completion {completion.pk}:", "'verified'")


def test_an_owner_whose_file_is_missing(world):
    evidence = Evidence.objects.get()
    private_storage.delete(evidence.file.name)
    only_violation(f"portfolios.Evidence {evidence.pk}:", "not in storage")


def test_a_certificate_missing_from_storage_is_reported_once(world):
    cert = world.certification
    private_storage.delete(cert.certificate.name)
    only_violation(f"candidates.Certification {cert.pk}:", "certificate", "not in st")


def test_a_stored_file_without_an_owner(world):
    name = private_storage.save("evidence/stray.pdf", ContentFile(b"%PDF-1.4"))
    only_violation(f"storage {name}:", "no record owns")
