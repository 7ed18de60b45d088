"""Course providers' side of the demo: a provider registers, applies for approval of
its courses on the standard form (every competency's coverage, instructors,
offerings), pays the fee, and staff decide; approvals last their years, some are
renewed and the rest lapse. Candidates record completions of approved courses,
which staff verify against the signed form or the provider confirms by roster."""

import datetime
from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils import timezone

from courses.achievements import (
    claim_file,
    claim_verify,
    completion_record,
    completion_verify,
    roster_confirm,
)
from courses.applications import (
    application_approve,
    application_pay,
    application_request_changes,
    application_save_draft,
    application_start,
    application_submit,
)
from courses.forms import (
    ApplicationForm,
    CoverageForm,
    InstructorFormSet,
    OfferingFormSet,
)
from courses.lapses import approvals_lapse
from courses.models import Course, RecognitionAgreement
from courses.providers import provider_register
from demo import content, files
from lssc.accounts.services import user_ensure

from .payments import pay
from .world import DAY, World, filled


def register(world: World, info, *, contact_email: str, contact_name: str,
             password=None):  # fmt: skip
    user, _ = user_ensure(
        email=contact_email, full_name=contact_name, password=password
    )
    return provider_register(
        user=user, name=info.name, type=info.type, state=info.state,
        website=info.website,
    )  # fmt: skip


def _form_data(prefix_fields: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in prefix_fields.items():
        data[name] = str(value)
    return data


def _offering(world: World, provider, weeks: int, delivery: str) -> dict:
    first = timezone.localdate() + world.days(30, 75)
    return {
        "offerings-TOTAL_FORMS": 1, "offerings-INITIAL_FORMS": 0,
        "offerings-MIN_NUM_FORMS": 0, "offerings-MAX_NUM_FORMS": 50,
        "offerings-0-starts_on": first.isoformat(),
        "offerings-0-ends_on": (first + weeks * 7 * DAY).isoformat(),
        "offerings-0-location": "Online" if delivery == "online"
        else f"{provider.name}, room 2{world.rng.randint(10, 40)}",
    }  # fmt: skip


def _draft(world: World, provider, competency_set, title: str):
    """The standard form filled in and saved, as the provider's contact does it."""
    by = provider.contacts.select_related("user").first().user
    application = application_start(provider=provider, by=by)
    weeks = world.rng.choice((6, 8, 10, 12, 15))
    delivery = world.rng.choice(("online", "in_person", "hybrid"))
    description = content.course_description(title, competency_set.name, world.rng)
    data = _form_data({
        "title": title,
        "description": description,
        "competency_set": competency_set.pk,
        "format": "course",
        "delivery": delivery,
        "pacing": world.rng.choice(("synchronous", "asynchronous")),
        "length": weeks,
        "length_unit": "weeks",
        "assessment": content.course_assessment(world.rng),
        "completion_certification": content.completion_certification(world.rng),
        "instructors-TOTAL_FORMS": 1, "instructors-INITIAL_FORMS": 0,
        "instructors-MIN_NUM_FORMS": 0, "instructors-MAX_NUM_FORMS": 20,
        "instructors-0-name": content.instructor_name(world.rng),
        "instructors-0-qualifications": content.instructor_qualifications(world.rng),
        **_offering(world, provider, weeks, delivery),
    })  # fmt: skip
    competencies = list(competency_set.competencies.all())
    for competency in competencies:
        week = 1 + (competency.number - 1) * weeks // len(competencies)
        # The course's own week, before what the content says is taught.
        taught = content.where_taught(competency, world.rng).split(": ", 1)[-1]
        data[f"coverage-c{competency.pk}"] = f"Week {week}: {taught}"
    forms = [
        filled(ApplicationForm(data, instance=application)),
        filled(InstructorFormSet(data, instance=application, prefix="instructors")),
        filled(OfferingFormSet(data, instance=application, prefix="offerings")),
    ]
    coverage = filled(
        CoverageForm(data, competencies=competencies, written={}, prefix="coverage")
    )
    application_save_draft(
        application=application, forms=forms, coverage=coverage.coverage()
    )
    return application, by


def course_approval(world: World, provider, competency_set, title, *, method,
                    changes=False, decided=True, renewals=0):  # fmt: skip
    """One course's approval: applied for, paid, decided by staff (after a request
    for changes when ``changes``); renewed ``renewals`` times before it lapses."""
    application, by = _draft(world, provider, competency_set, title)
    application_submit(application=application, by=by)
    yield from _pay(world, application, by, method)
    if not decided:
        return
    yield world.days(5, 20)
    if changes:
        application_request_changes(
            application=application, by=world.officer,
            reason="Please say where competencies 3 and 7 are taught, week by week.",
        )  # fmt: skip
        yield world.days(3, 10)
        application_submit(application=application, by=by)
        yield world.days(4, 12)
    approval = application_approve(
        application=application, by=world.officer,
        reason="Teaches every competency of the set; qualified instructor.",
    )  # fmt: skip
    course = approval.course
    world.courses[competency_set.slug].append(course)
    for _ in range(renewals):
        course.refresh_from_db()
        yield course.expires_on - world.days(60, 100)
        yield from _renewal(world, provider, course, method)


def _renewal(world: World, provider, course, method):
    """The renewal form comes prefilled from the last approval; the provider plans
    the next offering and submits."""
    by = provider.contacts.select_related("user").first().user
    application = application_start(provider=provider, by=by, renewal_of=course)
    data = _form_data(_offering(world, provider, application.length or 8, "online"))
    application_save_draft(
        application=application,
        forms=[filled(OfferingFormSet(data, instance=application, prefix="offerings"))],
        coverage={c.competency_id: c.where_taught for c in application.coverage.all()},
    )
    application_submit(application=application, by=by)
    yield from _pay(world, application, by, method)
    yield world.days(5, 15)
    application_approve(
        application=application, by=world.officer,
        reason="Renewed: the course is unchanged and still covers the set.",
    )  # fmt: skip


def _pay(world: World, application, by, method):
    """The approval fee, paid by the contact a day or two after submitting."""
    yield world.days(0, 2)
    yield from pay(
        partial(application_pay, application=application, payer=by),
        method, clerk=world.clerk,
    )  # fmt: skip


def daily_jobs(world: World):
    """What the scheduler does every week: approvals that ended are recorded."""
    while True:
        approvals_lapse()
        yield world.days(7)


def usable_course(world: World, slug: str, on: datetime.date) -> Course | None:
    """An approved course of the set a candidate could complete on ``on``."""
    for course in world.courses.get(slug, []):
        course.refresh_from_db()
        if course.first_approved_on <= on < course.expires_on:
            return course
    return None


def complete(world: World, candidate, course, *, roster=False, verified=True):
    """A completion recorded by the candidate with the signed form, then verified
    by staff (or confirmed by the provider's roster)."""
    form = None
    if not roster:
        item = content.EvidenceItem(
            title=f"Course completion form: {course.title}",
            description="Signed by the instructor.",
            kind="pdf",
            paragraphs=[
                f"{candidate.user.full_name} completed {course.title} offered by "
                f"{course.provider.name} with a passing grade.",
                "Signed by the instructor of record.",
            ],
        )
        name, data = files.evidence_file(item)
        form = SimpleUploadedFile(name, data)
    completion = completion_record(
        candidate=candidate, course=course,
        completed_on=timezone.localdate() - world.days(3, 20),
        result="Passed", form=form,
    )  # fmt: skip
    if not verified:
        return
    yield world.days(2, 9)
    if roster:
        roster_confirm(
            completion=completion, provider=course.provider,
            by=course.provider.contacts.first().user,
        )  # fmt: skip
    else:
        completion_verify(completion=completion, by=world.clerk)


def agreement(world: World, program, *, signed_on: datetime.date):
    """A recognition agreement as staff record it in the admin: the college, the
    program, the sets it covers and the signed document."""
    name, data = files.evidence_file(
        content.EvidenceItem(
            title=f"Recognition agreement: {program.program_name}",
            description="", kind="pdf",
            paragraphs=[f"Agreement between the program and {program.college}."],
        )
    )  # fmt: skip
    record = RecognitionAgreement(
        college=program.college, program_name=program.program_name,
        effective_from=signed_on - 365 * DAY, signed_on=signed_on,
    )  # fmt: skip
    record.document.save(name, SimpleUploadedFile(name, data), save=False)
    record.save()
    record.competency_sets.set(world.sets[slug] for slug in program.set_slugs)
    world.agreements.append(record)
    return record


def recognise(world: World, candidate, record, *, graduated_on, verified=True):
    """A graduate claims the program; staff verify the transcript."""
    name, data = files.evidence_file(
        content.EvidenceItem(
            title="Official transcript", description="", kind="pdf",
            paragraphs=[
                f"{candidate.user.full_name}: {record.program_name}, "
                f"{record.college}. Graduated {graduated_on:%B %-d, %Y}."
            ],
        )
    )  # fmt: skip
    claim = claim_file(
        candidate=candidate, agreement=record, graduated_on=graduated_on,
        document=SimpleUploadedFile(name, data),
    )  # fmt: skip
    if not verified:
        return
    yield world.days(3, 12)
    claim_verify(claim=claim, by=world.officer)
