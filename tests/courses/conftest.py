"""Providers, complete course applications and approved courses, built through the
services the way the provider and staff pages would."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from courses.applications import (
    application_approve,
    application_pay,
    application_start,
    application_submit,
)
from courses.models import (
    Course,
    CourseApplication,
    CourseFormat,
    Coverage,
    Delivery,
    Instructor,
    LengthUnit,
    Offering,
    Pacing,
    ProviderType,
    RecognitionAgreement,
)
from courses.providers import provider_add_contact, provider_register
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import OutgoingMail
from lssc.payments.services import payment_confirm
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory, staff_user
from tests.portfolios import files

DAY = datetime.timedelta(days=1)
# The ``course`` fixture is approved on MARCH_10 for three years.
MARCH_10 = datetime.date(2026, 3, 10)
EXPIRES = datetime.date(2029, 3, 10)


def on(day: datetime.date, hour: int = 12):
    """``with on(date(2026, 3, 1)):`` makes that day "today", at noon local time."""
    moment = datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_default_timezone()
    )
    return time_machine.travel(moment, tick=False)


def lakeside_agreement(**fields) -> RecognitionAgreement:
    """Lakeside's LTA program, recognised from 2020 (``fields`` add or override)."""
    return RecognitionAgreement.objects.create(
        **{
            "college": "Lakeside Community College",
            "program_name": "Library Technical Assistant AAS",
            "state": "MN",
            "effective_from": datetime.date(2020, 1, 1),
            "signed_on": datetime.date(2019, 12, 1),
            **fields,
        }
    )


def contact_of(provider):
    return provider.contacts.first().user


def mails_to(email: str, subject_contains: str = "") -> list[OutgoingMail]:
    return [
        m
        for m in OutgoingMail.objects.filter(to=email).order_by("pk")
        if subject_contains in m.subject
    ]


def pdf(name="completion-form.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, files.PDF, content_type="application/pdf")


# --- Providers and applications ------------------------------------------------------


def make_provider(name="Prairie Library Cooperative", *, contacts=2):
    """A provider registered by one person, with ``contacts`` people in all."""
    provider = provider_register(
        user=UserFactory(),
        name=name,
        type=ProviderType.COOPERATIVE,
        state="IL",
        website="https://prairie.example.org",
    )
    for _ in range(contacts - 1):
        provider_add_contact(
            provider=provider, email=UserFactory().email, by=contact_of(provider)
        )
    return provider


def fill(application: CourseApplication, competency_set, *, title=None):
    """Every field of the form, one coverage row per competency of the set, one
    instructor and one offering."""
    application.competency_set = competency_set
    application.title = title or f"{competency_set.name} for support staff"
    application.description = "Six weeks of readings, discussion and practice."
    application.format = CourseFormat.COURSE
    application.delivery = Delivery.ONLINE
    application.pacing = Pacing.ASYNCHRONOUS
    application.length = 6
    application.length_unit = LengthUnit.WEEKS
    application.assessment = "Weekly assignments and a final project."
    application.completion_certification = "A signed completion form per learner."
    application.save()
    Coverage.objects.bulk_create(
        Coverage(
            application=application,
            competency=competency,
            where_taught=f"Week {competency.number % 6 + 1}, unit {competency.number}",
        )
        for competency in competency_set.competencies.all()
    )
    Instructor.objects.create(
        application=application,
        name="Rosa Diaz",
        qualifications="MLIS; ten years teaching library support staff.",
    )
    start = timezone.localdate() + 30 * DAY
    Offering.objects.create(
        application=application, starts_on=start, ends_on=start + 41 * DAY
    )
    return application


def complete_application(provider, competency_set, *, title=None):
    application = application_start(provider=provider, by=contact_of(provider))
    return fill(application, competency_set, title=title)


def submit_and_pay(application: CourseApplication):
    """Submit, then choose to pay by check; returns the pending payment."""
    by = contact_of(application.provider)
    application_submit(application=application, by=by)
    payment, _ = application_pay(application=application, payer=by, method="check")
    return payment


def in_review(application: CourseApplication, *, clerk=None) -> CourseApplication:
    """Submitted, paid by check and the check recorded by staff."""
    payment = submit_and_pay(application)
    clerk = clerk or staff_user(StaffGroup.PROGRAM_ASSISTANT)
    payment_confirm(payment_id=payment.pk, actor=clerk, note="Check 1001")
    application.refresh_from_db()
    return application


def approved_course(provider, competency_set, *, officer, day=None, title=None):
    """A course approved on ``day`` (today if not given)."""
    application = complete_application(provider, competency_set, title=title)
    if day is None:
        return _approve(application, officer)
    with on(day):
        return _approve(application, officer)


def _approve(application, officer) -> Course:
    in_review(application)
    approval = application_approve(
        application=application, by=officer, reason="Covers every competency."
    )
    return approval.course


def start_renewal(course):
    return application_start(
        provider=course.provider, by=contact_of(course.provider), renewal_of=course
    )


def plan_offering(application):
    start = timezone.localdate() + datetime.timedelta(days=20)
    Offering.objects.create(
        application=application, starts_on=start, ends_on=start + datetime.timedelta(7)
    )


def renew(course, officer, *, day, title=None):
    """A renewal of ``course`` started, paid and approved on ``day``."""
    with on(day):
        renewal = start_renewal(course)
        if title:
            renewal.title = title
            renewal.save()
        plan_offering(renewal)
        in_review(renewal)
        return application_approve(application=renewal, by=officer, reason="Again.")


# --- Fixtures ------------------------------------------------------------------------


@pytest.fixture
def technology(db):
    return CompetencySet.objects.get(slug="technology")


@pytest.fixture
def cataloging(db):
    return CompetencySet.objects.get(slug="cataloging-and-classification")


@pytest.fixture
def provider(db):
    return make_provider()


@pytest.fixture
def officer(db):
    return staff_user(StaffGroup.PROGRAM_OFFICER)


@pytest.fixture
def clerk(db):
    return staff_user(StaffGroup.PROGRAM_ASSISTANT)


@pytest.fixture
def candidate(db):
    return admitted_candidate()


@pytest.fixture
def approved(provider, technology, officer):
    """ "Tech basics", approved today for three years."""
    return approved_course(provider, technology, officer=officer, title="Tech basics")


@pytest.fixture
def course(provider, technology, officer):
    """ "Tech basics" (Technology), approved on MARCH_10 until EXPIRES."""
    return approved_course(
        provider, technology, officer=officer, day=MARCH_10, title="Tech basics"
    )


@pytest.fixture
def desk(client, officer):
    """The Program Officer, signed in with a second factor as staff must be."""
    client.force_login(officer)
    return client


@pytest.fixture
def agreement(db):
    """Lakeside's agreement, covering six sets and ended in 2024."""
    agreement = lakeside_agreement(
        effective_until=datetime.date(2024, 12, 31),
        document=SimpleUploadedFile("agreement.pdf", files.PDF),
    )
    agreement.competency_sets.set(CompetencySet.objects.order_by("position")[:6])
    return agreement
