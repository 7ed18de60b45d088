"""Course providers and their approved courses, as the course-approval services
leave them: each approval period granted by a paid application (new course or
renewal) with its coverage of the set, instructor and offering; renewed before it
lapsed, or lapsed with the lapse recorded. A few applications wait in the queue.
Also the recognition agreements with colleges' LTA programs.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from courses.models import (
    ApplicationStatus,
    Course,
    CourseApplication,
    CourseApproval,
    CourseFormat,
    Coverage,
    Delivery,
    Instructor,
    LengthUnit,
    Offering,
    Pacing,
    Provider,
    ProviderContact,
    ProviderType,
    RecognitionAgreement,
)
from courses.rules import approval_expires_on
from demo import content
from lssc.competencies.models import Competency
from lssc.core.dates import add_years
from lssc.fees.models import FeeKind
from lssc.payments.models import Payment

from . import payments as payment_plans
from . import text
from .people import new_users
from .program import DAY, Program
from .writes import dates_as_given, insert

BATCH = 500
# Share of approvals renewed before they lapse; the others lapse.
RENEWED = 0.85


@dataclass(frozen=True)
class CourseInfo:
    """What a candidate's completion needs to know of a course."""

    pk: int
    set_pk: int
    title: str
    contact_id: int  # the provider's contact, who confirms rosters
    weeks: int
    periods: tuple[tuple[datetime.date, datetime.date], ...]


@dataclass(frozen=True)
class AgreementInfo:
    pk: int
    name: str
    effective_from: datetime.date
    effective_until: datetime.date | None
    set_pks: frozenset

    def covers(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


@dataclass
class _Period:
    """One approval: when its application was decided and the dates it grants."""

    decided: datetime.datetime
    starts_on: datetime.date
    expires_on: datetime.date


class Catalog:
    def __init__(self, program: Program, trail, payments):
        self.program = program
        self.trail = trail
        self.payments = payments
        self.competencies = {
            c.pk: c for c in Competency.objects.select_related("competency_set")
        }

    # Providers ---------------------------------------------------------------------

    def providers(self, count: int) -> list[tuple[Provider, int]]:
        """``count`` providers, the known ones first, each with one contact (a user
        id): the person who applies for its courses."""
        rng = self.program.rng
        start = Provider.objects.count()
        infos = []
        for n in range(start, start + count):
            if n < len(content.PROVIDERS):
                infos.append(content.PROVIDERS[n])
                continue
            # More providers than the demo names: one of a few kinds in the
            # towns of its libraries, numbered by region when they repeat.
            library = content.LIBRARIES[n % len(content.LIBRARIES)]
            kind, pattern = _PROVIDER_KINDS[n % len(_PROVIDER_KINDS)]
            name = pattern.format(
                city=library.city, state=content.US_STATES[library.state]
            )
            if n >= len(content.LIBRARIES):
                name += f", region {n // len(content.LIBRARIES)}"
            website = f"https://provider{n}.example.org"
            infos.append(content.ProviderInfo(name, kind, library.state, website))
        created = [
            self.program.moment(self.program.today - self.program.days(2200, 3000))
            for _ in infos
        ]
        with dates_as_given(Provider, ProviderContact):
            providers = Provider.objects.bulk_create(
                Provider(
                    name=i.name,
                    type=i.type,
                    state=i.state,
                    website=i.website,
                    created_at=at,
                )
                for i, at in zip(infos, created, strict=True)
            )
            users = new_users(
                self.program,
                [
                    (f"provider{n:05d}@example.org", content.person_name(rng), at)
                    for n, at in zip(range(start, start + count), created, strict=True)
                ],
            )
            ProviderContact.objects.bulk_create(
                ProviderContact(provider=p, user=u, added_at=p.created_at)
                for p, u in zip(providers, users, strict=True)
            )
        return [(p, u.pk) for p, u in zip(providers, users, strict=True)]

    # Courses -----------------------------------------------------------------------

    def courses(self, count: int, providers: list[tuple[Provider, int]]) -> None:
        """``count`` approved courses, spread over the providers."""
        positions = defaultdict(int)
        for provider_id, position in CourseApplication.objects.filter(
            renewal_of=None, fee_position__isnull=False
        ).values_list("provider_id", "fee_position"):
            positions[provider_id] = max(positions[provider_id], position)
        for first in range(0, count, BATCH):
            size = min(BATCH, count - first)
            chosen = [self.program.rng.choice(providers) for _ in range(size)]
            with dates_as_given(Course, CourseApplication, CourseApproval, Payment):
                self._courses(chosen, positions)

    def _courses(self, chosen, positions) -> None:
        program = self.program
        rng = program.rng
        plans = []
        for provider, contact_id in chosen:
            competency_set = rng.choice(program.sets)
            periods = self._periods()
            title = rng.choice(content.COURSE_TITLES[competency_set.slug])
            course = Course(
                provider=provider,
                competency_set_id=competency_set.pk,
                title=title,
                description=content.course_description(title, competency_set.name, rng),
                format=rng.choice(CourseFormat.values),
                delivery=rng.choice(Delivery.values),
                pacing=rng.choice(Pacing.values),
                length=content.course_hours(rng),
                length_unit=LengthUnit.CONTACT_HOURS,
                first_approved_on=periods[0].starts_on,
                # Renewed before each lapse, the course keeps its first date.
                approved_on=periods[0].starts_on,
                expires_on=periods[-1].expires_on,
                lapse_recorded_at=program.moment(periods[-1].expires_on)
                if periods[-1].expires_on <= program.today
                else None,
            )
            plans.append((course, contact_id, competency_set, periods))
        insert(Course, [p[0] for p in plans])
        applications = []
        for course, contact_id, competency_set, periods in plans:
            for n, period in enumerate(periods):
                renewal = n > 0
                if not renewal:
                    positions[course.provider_id] += 1
                applications.append(
                    self._application(
                        course,
                        contact_id,
                        competency_set,
                        period,
                        renewal,
                        None if renewal else positions[course.provider_id],
                    )
                )
        applications = insert(CourseApplication, applications)
        approvals = []
        by_course = iter(applications)
        for course, _, _, periods in plans:
            for period in periods:
                application = next(by_course)
                approvals.append(
                    CourseApproval(
                        course=course,
                        application=application,
                        starts_on=period.starts_on,
                        expires_on=period.expires_on,
                        approved_by=program.officer,
                        approved_at=period.decided,
                    )
                )
            if course.lapse_recorded_at:
                self.trail.add(
                    Course,
                    course.pk,
                    course.lapse_recorded_at,
                    "course.lapsed",
                    f"Approval of {course.title} lapsed on "
                    f"{course.expires_on:%B %-d, %Y}",
                    source="approved",
                    target="lapsed",
                )
        insert(CourseApproval, approvals)
        self._details(applications)
        self._paid(applications)
        for application in applications:
            self._approved_trail(application)

    def _periods(self) -> list[_Period]:
        """The approval periods of a course first approved in the last six years:
        each renewal decided before the period ends starts at its end."""
        program = self.program
        years = program.rules.COURSE_APPROVAL_YEARS
        start = program.today - program.days(0, 6 * 365)
        periods = [
            _Period(program.moment(start), start, approval_expires_on(start, years))
        ]
        while True:
            last = periods[-1]
            decided = program.moment(last.expires_on - program.days(5, 80))
            if not program.past(decided) or program.rng.random() > RENEWED:
                return periods
            periods.append(
                _Period(
                    decided,
                    last.expires_on,
                    approval_expires_on(last.expires_on, years),
                )
            )

    def _application(
        self, course, contact_id, competency_set, period, renewal, position
    ) -> CourseApplication:
        program = self.program
        submitted = program.moment(program.local(period.decided) - program.days(10, 60))
        created = program.moment(program.local(submitted) - program.days(1, 30))
        application = CourseApplication(
            provider_id=course.provider_id,
            renewal_of=course if renewal else None,
            status=ApplicationStatus.APPROVED,
            competency_set_id=competency_set.pk,
            title=course.title,
            description=course.description,
            format=course.format,
            delivery=course.delivery,
            pacing=course.pacing,
            length=course.length,
            length_unit=course.length_unit,
            assessment=content.course_assessment(self.program.rng),
            completion_certification=content.completion_certification(self.program.rng),
            fee_position=position,
            created_by_id=contact_id,
            created_at=created,
            updated_at=period.decided,
            submitted_at=submitted,
            course=course,
            decided_at=period.decided,
            decided_by=program.officer,
        )
        application.payment_plan = payment_plans.plan(program, program.soon(submitted))
        # The fee arrives before the decision: a slow check is still on time.
        plan = application.payment_plan
        if plan.paid_at is None or plan.paid_at >= period.decided:
            plan.paid_at = program.soon(submitted, 60 * 24)
        application.paid_at = application.in_review_since = plan.paid_at
        application.competencies = competency_set.competencies
        application.provider_info = content.ProviderInfo(
            course.provider.name, course.provider.type, course.provider.state,
            course.provider.website,
        )  # fmt: skip
        return application

    def _details(self, applications) -> None:
        """Coverage of every competency of the set, an instructor and an offering."""
        rng = self.program.rng
        Coverage.objects.bulk_create(
            Coverage(
                application=a,
                competency_id=c,
                where_taught=content.where_taught(self.competencies[c], rng),
            )
            for a in applications
            for c in a.competencies
        )
        Instructor.objects.bulk_create(
            Instructor(
                application=a,
                name=content.instructor_name(rng),
                qualifications=content.instructor_qualifications(rng),
            )
            for a in applications
        )
        offerings = []
        for a in applications:
            starts = self.program.local(a.decided_at) + self.program.days(14, 120)
            offerings.append(
                Offering(
                    application=a,
                    starts_on=starts,
                    ends_on=starts + DAY * 7 * max(1, a.length // 4),
                    location="Online"
                    if a.delivery == Delivery.ONLINE
                    else content.offering_location(a.provider_info, rng),
                )
            )
        Offering.objects.bulk_create(offerings)

    def _paid(self, applications) -> None:
        program = self.program
        rows = []
        for a in applications:
            kind = (
                FeeKind.COURSE_RENEWAL if a.renewal_of_id else FeeKind.COURSE_APPROVAL
            )
            rows.append(
                self.payments.row(
                    a.payment_plan,
                    payer_id=a.created_by_id,
                    kind=kind,
                    item=a.fee_position or 1,
                    description=f"Course approval C-{a.pk:05d}: {a.title}",
                    purpose_type=program.type_of(CourseApplication),
                    purpose_id=a.pk,
                    institution=a.provider_info.name,
                )
            )
        for a, payment in zip(applications, self.payments.write(rows), strict=True):
            a.payment = payment

    def _approved_trail(self, a: CourseApplication) -> None:
        kind = "Renewal" if a.renewal_of_id else "Application"
        name = f"{kind} C-{a.pk:05d}: {a.title}"
        add = self.trail.add
        contact = a.created_by_id
        add(
            CourseApplication,
            a.pk,
            a.created_at,
            "course_application.started",
            f"{name} started",
            owner=contact,
            actor=contact,
            target=ApplicationStatus.DRAFT,
        )
        add(
            CourseApplication,
            a.pk,
            a.submitted_at,
            "course_application.submitted",
            f"{name} submitted",
            owner=contact,
            actor=contact,
            source=ApplicationStatus.DRAFT,
            target=ApplicationStatus.AWAITING_PAYMENT,
        )
        add(
            CourseApplication,
            a.pk,
            a.paid_at,
            "course_application.in_review",
            f"{name} paid and sent for review",
            owner=contact,
            actor=a.payment.received_by_id,
            source=ApplicationStatus.AWAITING_PAYMENT,
            target=ApplicationStatus.IN_REVIEW,
        )
        add(
            CourseApplication,
            a.pk,
            a.decided_at,
            "course_application.approved",
            f"{name} approved",
            owner=contact,
            actor=a.decided_by_id,
            source=ApplicationStatus.IN_REVIEW,
            target=ApplicationStatus.APPROVED,
        )

    # Recognition agreements -------------------------------------------------------

    def agreements(self) -> None:
        """One agreement per known college: the three required sets and three
        electives (what an agreement must cover), most of them still running."""
        program = self.program
        rng = program.rng
        done = set(RecognitionAgreement.objects.values_list("college", flat=True))
        slugs = {s.slug: s for s in program.sets}
        for recognised in content.RECOGNITION_PROGRAMS:
            college, name = recognised.college, recognised.program_name
            if college in done:
                continue
            effective_from = program.today - program.days(5 * 365, 12 * 365)
            ended = rng.random() < 0.2
            signed_on = effective_from - program.days(10, 90)
            document = text.agreement_document(college, name, signed_on)
            with dates_as_given(RecognitionAgreement):
                agreement = RecognitionAgreement.objects.create(
                    college=college,
                    program_name=name,
                    state=recognised.state,
                    effective_from=effective_from,
                    effective_until=add_years(effective_from, 4) if ended else None,
                    signed_on=signed_on,
                    document=program.files.store(
                        _document_name(RecognitionAgreement, "document"), document.data
                    ),
                    created_at=program.moment(signed_on),
                )
            # The program's own electives, and others to make the three an
            # agreement must cover with the required sets (the admin's rule).
            own = [slugs[s] for s in recognised.set_slugs if not slugs[s].is_required]
            others = [s for s in program.electives if s not in own]
            electives = (own + rng.sample(others, 3))[:3]
            agreement.competency_sets.set([s.pk for s in program.required + electives])


_PROVIDER_KINDS = (
    (ProviderType.COOPERATIVE, "{city} Area Library Cooperative"),
    (ProviderType.COMMUNITY_COLLEGE, "{city} Community College"),
    (ProviderType.ASSOCIATION, "{state} Library Association"),
    (ProviderType.STATE_LIBRARY, "{state} State Library"),
    (ProviderType.VENDOR, "{city} Library Training Services"),
)


def _document_name(model, field: str) -> str:
    """A new stored name as the field's ``upload_to`` makes it."""
    return model._meta.get_field(field).generate_filename(None, "document.pdf")


def load_courses(program: Program) -> dict[int, list[CourseInfo]]:
    """The approved courses by set, with their approval periods."""
    periods = defaultdict(list)
    for course_id, starts, expires in CourseApproval.objects.values_list(
        "course_id", "starts_on", "expires_on"
    ):
        periods[course_id].append((starts, expires))
    contacts = dict(ProviderContact.objects.values_list("provider_id", "user_id"))
    by_set = defaultdict(list)
    for pk, set_pk, title, provider_id, length, unit in Course.objects.values_list(
        "pk", "competency_set_id", "title", "provider_id", "length", "length_unit"
    ):
        if pk in periods and provider_id in contacts:
            # Contact hours at a few a week.
            weeks = length if unit == LengthUnit.WEEKS else max(1, length // 4)
            by_set[set_pk].append(
                CourseInfo(
                    pk,
                    set_pk,
                    title,
                    contacts[provider_id],
                    weeks,
                    tuple(sorted(periods[pk])),
                )
            )
    return by_set


def load_agreements() -> list[AgreementInfo]:
    rows = RecognitionAgreement.objects.prefetch_related("competency_sets")
    return [
        AgreementInfo(
            a.pk,
            str(a),
            a.effective_from,
            a.effective_until,
            frozenset(s.pk for s in a.competency_sets.all()),
        )
        for a in rows
    ]
