"""Applying, as an applicant does it in the browser: each step's form filled in and
validated, the application submitted, the fee paid; staff decide the applications
that need them (education from outside the US, or not eligible)."""

import datetime
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone

from candidates.applications import (
    application_approve_education,
    application_pay,
    application_reject,
    application_save_step,
    application_start,
    application_submit,
)
from candidates.enums import Education, HowHeard
from candidates.forms import (
    ContactForm,
    EducationForm,
    LibraryForm,
    ReviewForm,
    WorkHistoryFormSet,
)
from demo.content import Library
from lssc.accounts.services import user_ensure
from lssc.payments.enums import PaymentMethod

from .payments import pay
from .world import World, filled


@dataclass
class Person:
    """Who applies: their name and email, where they work and since when."""

    full_name: str
    email: str
    library: Library
    position: str
    days_worked: int  # before applying, at the library named
    hours_per_week: int = 40
    education: str = Education.HIGH_SCHOOL
    ala_member: bool = False
    password: str | None = None
    how_heard: str = HowHeard.EMPLOYER


def _data(fields: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data[name] = "" if value is None else str(value)
    return data


def draft(world: World, person: Person):
    """Sign up and fill in the four steps, as one evening's work; the draft."""
    user, _ = user_ensure(
        email=person.email, full_name=person.full_name, password=person.password
    )
    application = application_start(user=user)
    library = person.library
    contact = ContactForm(
        _data({
            "full_name": person.full_name,
            "phone": f"555-01{world.rng.randint(0, 99):02d}",
            "address_line1": f"{world.rng.randint(12, 4800)} "
            f"{world.rng.choice(('Oak', 'Elm', 'Maple', 'Cedar', 'Lake', 'Hill'))} "
            f"{world.rng.choice(('Street', 'Avenue', 'Road', 'Drive'))}",
            "city": library.city,
            "state": library.state,
            "postal_code": library.postal_code,
            "country": "United States",
        }),
        instance=application, user=user,
    )  # fmt: skip
    application_save_step(
        application=application, forms=[filled(contact)], steps_done=1,
        full_name=person.full_name,
    )  # fmt: skip
    employer = world.rng.choice(
        ("Director", "Branch manager", "Head of access services")
    )
    place = LibraryForm(
        _data({
            "library_name": library.name,
            "library_type": library.library_type,
            "job_title": person.position,
            "employer_contact_name": f"{employer}, {library.name}",
            "employer_contact_email": f"director@{_domain(library.name)}",
            "ala_member": "on" if person.ala_member else "",
            "ala_member_number": str(world.rng.randint(1_000_000, 9_999_999))
            if person.ala_member else "",
        }),
        instance=application,
    )  # fmt: skip
    application_save_step(application=application, forms=[filled(place)], steps_done=2)
    started_on = timezone.localdate() - datetime.timedelta(days=person.days_worked)
    education = EducationForm(
        _data({"education": person.education}), instance=application
    )
    work = WorkHistoryFormSet(
        _data({
            "work-TOTAL_FORMS": 1, "work-INITIAL_FORMS": 0,
            "work-MIN_NUM_FORMS": 0, "work-MAX_NUM_FORMS": 20,
            "work-0-library": library.name, "work-0-position": person.position,
            "work-0-paid": "True", "work-0-start_date": started_on.isoformat(),
            "work-0-current": "on", "work-0-hours_per_week": person.hours_per_week,
        }),
        instance=application, prefix="work",
    )  # fmt: skip
    application_save_step(
        application=application, forms=[filled(education), filled(work)], steps_done=3
    )
    review = ReviewForm(
        _data({"how_heard": person.how_heard, "agree": "on"}), instance=application
    )
    application_save_step(application=application, forms=[filled(review)])
    return application


def _domain(name: str) -> str:
    words = [w for w in name.lower().replace("'", "").split() if w.isalpha()]
    return "".join(words[:2]) + ".example.org"


def apply(
    world: World, person: Person, *, method: str, pays: bool = True, accepted=True
):
    """The whole application, submitted the evening it is written; yields until the
    fee is paid (a check travels) or staff decide. Ends with the candidate admitted,
    unless it is left waiting."""
    application = draft(world, person)
    application, eligibility = application_submit(
        application_id=application.pk, by=application.user
    )
    if eligibility.needs_staff_review:
        yield world.days(3, 9)
        if accepted:
            application_approve_education(
                application=application, by=world.officer,
                reason="Foreign credential evaluation shows the equivalent of a "
                "US high-school diploma.",
            )  # fmt: skip
        else:
            application_reject(
                application=application, by=world.officer,
                reason="The credential evaluation does not show the equivalent "
                "of a US high-school diploma.",
            )  # fmt: skip
            return
        application.refresh_from_db()
    if not pays:
        return
    yield world.days(0, 2)
    # A purchase order names the institution billed: the person's library.
    institution = person.library.name if method == PaymentMethod.PURCHASE_ORDER else ""
    yield from pay(
        lambda **kw: application_pay(
            application=application, institution=institution, **kw
        ),
        method,
        clerk=world.clerk,
    )
