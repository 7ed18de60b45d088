"""Applicants and candidates: accounts, applications with their work history, the
application fee, and the candidates admitted, each in the state the application
services leave them, with the audit entries of every step.

An application is submitted to wait for its fee, or first to staff review when the
education is from outside the US; staff accept that education (then the fee is
paid and the applicant admitted) or refuse it, refunding a fee paid meanwhile.
"""

import datetime
import math
from dataclasses import dataclass
from fractions import Fraction

from allauth.account.models import EmailAddress

from candidates.eligibility import window
from candidates.enums import QUALIFYING_EDUCATION as QUALIFYING
from candidates.enums import ApplicationStatus, Education
from candidates.models import Application, Candidate, WorkHistory
from demo import content
from lssc.accounts.models import User
from lssc.core.dates import add_years
from lssc.fees.models import FeeKind

from . import payments as payment_plans
from .program import DAY, Program
from .writes import copy_rows, insert

# Share of applications in each state, as a mature program would hold them.
STATUS_MIX = (
    (ApplicationStatus.ADMITTED, 80),
    (ApplicationStatus.DRAFT, 6),
    (ApplicationStatus.AWAITING_PAYMENT, 5),
    (ApplicationStatus.STAFF_REVIEW, 2),
    (ApplicationStatus.REJECTED, 7),
)
# Education that needs no staff decision, as often as applicants have it.
QUALIFYING_EDUCATION = [(e, w) for e, w in content.EDUCATION_WEIGHTS if e in QUALIFYING]
# Admitted applicants whose education from outside the US staff accepted first.
EDUCATION_ABROAD = 0.05
REJECTION = "The education completed outside the United States could not be shown "
REJECTION += "to be equivalent to a US high-school diploma."
DRAFT, WAITING = ApplicationStatus.DRAFT, ApplicationStatus.AWAITING_PAYMENT
REVIEW = ApplicationStatus.STAFF_REVIEW


@dataclass(frozen=True)
class CandidateInfo:
    """What a candidate's journey needs: who, where they work, since when."""

    pk: int
    user_id: int
    name: str
    library: content.Library
    position: str
    member: bool
    admitted_at: datetime.datetime
    deadline: datetime.date


def new_users(program: Program, people: list[tuple[str, str, datetime.datetime]]):
    """Accounts for ``(email, full name, joined)``, with their verified address."""
    users = insert(
        User,
        [
            User(email=email, full_name=name, password=program.password, date_joined=at)
            for email, name, at in people
        ],
    )
    insert(
        EmailAddress,
        [
            EmailAddress(user=u, email=u.email, primary=True, verified=True)
            for u in users
        ],
    )
    return users


def hours_counted(periods, on: datetime.date, window_years: int) -> int:
    """Hours that count on ``on``, as candidates.eligibility counts them.

    The generated periods never overlap, so no week reaches the weekly cap and the
    count is each period's days inside the window times its hours a day.
    """
    first, last = window(on, window_years)
    total = Fraction(0)
    for start, end, hours in periods:
        days = (min(end or last, last) - max(start, first)).days + 1
        total += max(days, 0) * Fraction(str(hours)) / 7
    return math.floor(total)


class People:
    def __init__(self, program: Program, trail, payments):
        self.program = program
        self.trail = trail
        self.payments = payments

    def write(self, first: int, statuses: list[str]) -> list[CandidateInfo]:
        """Applicants numbered from ``first``, one per status; the candidates."""
        program = self.program
        rng = program.rng
        plans = [self._plan(status) for status in statuses]
        users = new_users(
            program,
            [
                (
                    f"person{first + i:07d}@example.org",
                    content.person_name(rng),
                    p["started"],
                )
                for i, p in enumerate(plans)
            ],
        )
        applications = insert(
            Application,
            [
                self._application(user, plan)
                for user, plan in zip(users, plans, strict=True)
            ],
        )
        self._work_history(applications)
        self._fees(applications)
        candidates = self._candidates(applications)
        for application in applications:
            self._trail(application)
        return candidates

    # Plans -------------------------------------------------------------------------

    def _plan(self, status: str) -> dict:
        """When each step happened, working back from the state reached."""
        program = self.program
        rng = program.rng
        abroad = status in (REVIEW, ApplicationStatus.REJECTED) or (
            status == ApplicationStatus.ADMITTED and rng.random() < EDUCATION_ABROAD
        )
        # Leave the decided applications room for their steps before today.
        room = (
            60
            if status in (ApplicationStatus.ADMITTED, ApplicationStatus.REJECTED)
            else 0
        )
        started = program.moment(program.today - program.days(room, 4 * 365))
        plan = {
            "status": status,
            "started": started,
            "abroad": abroad,
            "submitted": None,
            "accepted": None,
            "decided": None,
            "fee": None,
        }
        if status == DRAFT:
            return plan
        submitted = plan["submitted"] = program.later(started, 0, 14)
        if abroad and status != REVIEW:
            plan["decided"] = program.later(submitted, 3, 25)
        if status == ApplicationStatus.ADMITTED:
            pay_from = plan["decided"] or submitted
            fee = payment_plans.plan(program, program.soon(pay_from, 60 * 24 * 3))
            if fee.paid_at is None:  # paid, since admitted: by now at the latest
                fee.paid_at = min(program.now, program.soon(fee.created_at, 60 * 24))
            plan["fee"] = fee
            if abroad:
                plan["accepted"] = plan["decided"]
            plan["decided"] = fee.paid_at
        elif status in (WAITING, REVIEW) and rng.random() < 0.5:
            fee = payment_plans.plan(program, program.soon(submitted, 60 * 24 * 7))
            if status == WAITING:
                fee.paid_at = None  # paid, it would have been admitted
            plan["fee"] = fee if program.past(fee.created_at) else None
        elif status == ApplicationStatus.REJECTED and rng.random() < 0.5:
            fee = payment_plans.plan(program, program.soon(submitted, 60))
            if fee.paid_at is None or fee.paid_at >= plan["decided"]:
                fee.paid_at = program.soon(submitted, 120)
            fee.refunded_at = program.later(plan["decided"], 1, 5)
            if not program.past(fee.refunded_at):
                fee.refunded_at = program.now
            plan["fee"] = fee
        return plan

    # Rows --------------------------------------------------------------------------

    def _application(self, user: User, plan: dict) -> Application:
        program = self.program
        rng = program.rng
        library = rng.choice(content.LIBRARIES)
        member = rng.random() < 0.35
        status, submitted = plan["status"], plan["submitted"]
        education = (
            Education.OUTSIDE_US
            if plan["abroad"]
            else content.weighted(QUALIFYING_EDUCATION, rng)
        )
        contact = content.employer_contact(library, rng)
        decided = plan["decided"]
        rejected = status == ApplicationStatus.REJECTED
        changed = [
            t for t in (plan["started"], submitted, plan["accepted"], decided) if t
        ]
        application = Application(
            user=user,
            status=status,
            steps_done=3 if submitted else rng.randint(0, 3),
            phone=content.phone_number(rng, library.state),
            address_line1=f"{rng.randint(1, 999)} {rng.choice(_STREETS)}",
            city=library.city,
            state=library.state,
            postal_code=library.postal_code,
            library_name=library.name,
            library_type=library.library_type,
            job_title=content.position_for(library, rng),
            employer_contact_name=contact.name,
            employer_contact_email=contact.email,
            ala_member=member,
            ala_member_number=content.ala_member_number(rng) if member else "",
            education=education,
            how_heard=content.weighted(content.HOW_HEARD_WEIGHTS, rng),
            agreed_to_policies_at=submitted,
            created_at=plan["started"],
            updated_at=max(changed),
            submitted_at=submitted,
            fee_cents=program.fee(
                FeeKind.APPLICATION, on=program.local(submitted), member=member
            ).amount_cents
            if submitted
            else None,
            education_approved=plan["accepted"] is not None,
            decided_at=plan["accepted"] if not rejected else decided,
            decided_by=program.officer if plan["abroad"] and decided else None,
            decision_reason=REJECTION
            if rejected
            else (
                "Foreign credential evaluation shows US high-school equivalence."
                if plan["accepted"]
                else ""
            ),
        )
        application.library = library
        if status == ApplicationStatus.ADMITTED:
            # The admission stamps the decision time when staff had not decided.
            application.decided_at = plan["accepted"] or decided
        application.plan = plan
        on = program.local(submitted or plan["started"])
        application.periods = self._periods(on)
        if submitted:
            application.counted_hours = hours_counted(
                application.periods, on, program.rules.ELIGIBILITY_WINDOW_YEARS
            )
        return application

    def _periods(self, on: datetime.date) -> list[tuple]:
        """Library work up to ``on``: the current job, and up to three before it."""
        rng = self.program.rng
        start = on - DAY * rng.randint(900, 3000)
        periods = [(start, None, content.hours_per_week(rng))]
        for _ in range(rng.randint(0, 3)):
            end = start - DAY * rng.randint(1, 200)
            start = end - DAY * rng.randint(100, 1500)
            periods.append((start, end, content.hours_per_week(rng)))
        return periods

    def _work_history(self, applications: list[Application]) -> None:
        rng = self.program.rng
        rows = []
        for a in applications:
            for start, end, hours in a.periods:
                library = a.library if end is None else rng.choice(content.LIBRARIES)
                position = (
                    a.job_title if end is None else content.position_for(library, rng)
                )
                rows.append((a.pk, library.name, position, True, start, end, hours))
        fields = [
            "application_id",
            "library",
            "position",
            "paid",
            "start_date",
            "end_date",
            "hours_per_week",
        ]
        copy_rows(WorkHistory, fields, rows)

    def _fees(self, applications: list[Application]) -> None:
        rows, paying = [], []
        for a in applications:
            plan = a.plan["fee"]
            if plan is None:
                continue
            rows.append(
                self.payments.row(
                    plan,
                    payer_id=a.user_id,
                    kind=FeeKind.APPLICATION,
                    member=a.pays_member_fee,
                    description="LSSC application fee",
                    purpose_type=self.program.type_of(Application),
                    purpose_id=a.pk,
                    institution=a.library_name,
                    amount_cents=a.fee_cents,
                )
            )
            paying.append(a)
        for a, payment in zip(paying, self.payments.write(rows), strict=True):
            a.payment = payment

    def _candidates(self, applications: list[Application]) -> list[CandidateInfo]:
        years = self.program.rules.CANDIDACY_YEARS
        admitted = [a for a in applications if a.status == ApplicationStatus.ADMITTED]
        candidates = []
        for a in admitted:
            day = self.program.local(a.plan["decided"])
            candidates.append(
                Candidate(
                    user_id=a.user_id,
                    application=a,
                    number=f"pending-{a.pk}",
                    admitted_on=day,
                    deadline=add_years(day, years),
                )
            )
        insert(Candidate, candidates)
        # Numbers as the program gives them: the year of admission and the row id.
        for candidate in candidates:
            candidate.number = f"LSSC-{candidate.admitted_on:%Y}-{candidate.pk:05d}"
        Candidate.objects.bulk_update(candidates, ["number"])
        for a, candidate in zip(admitted, candidates, strict=True):
            a.candidate_number = candidate.number
        return [
            CandidateInfo(
                c.pk,
                c.user_id,
                a.user.full_name,
                a.library,
                a.job_title,
                a.pays_member_fee,
                a.plan["decided"],
                c.deadline,
            )
            for a, c in zip(admitted, candidates, strict=True)
        ]

    def _trail(self, a: Application) -> None:
        """The entries the application services write, in their words."""
        plan, add, user = a.plan, self.trail.add, a.user_id
        officer = self.program.officer.pk
        add(
            Application,
            a.pk,
            plan["started"],
            "application.started",
            "Application started",
            owner=user,
            actor=user,
            target=DRAFT,
        )
        if not plan["submitted"]:
            return
        first = REVIEW if plan["abroad"] else WAITING
        add(
            Application,
            a.pk,
            plan["submitted"],
            "application.submitted",
            "Application submitted",
            owner=user,
            actor=user,
            source=DRAFT,
            target=first,
        )
        if plan["accepted"]:
            add(
                Application,
                a.pk,
                plan["accepted"],
                "application.education_approved",
                "Education outside the US accepted by staff",
                owner=user,
                actor=officer,
                reason=a.decision_reason,
            )
            add(
                Application,
                a.pk,
                plan["accepted"],
                "application.awaiting_payment",
                "Accepted; waiting for the payment",
                owner=user,
                actor=officer,
                source=REVIEW,
                target=WAITING,
            )
        if a.status == ApplicationStatus.ADMITTED:
            add(
                Application,
                a.pk,
                plan["decided"],
                "application.admitted",
                f"Admitted as candidate {a.candidate_number}",
                owner=user,
                actor=a.payment.received_by_id,
                source=WAITING,
                target=ApplicationStatus.ADMITTED,
            )
        elif a.status == ApplicationStatus.REJECTED:
            add(
                Application,
                a.pk,
                plan["decided"],
                "application.rejected",
                "Application not admitted",
                owner=user,
                actor=officer,
                source=REVIEW,
                target=ApplicationStatus.REJECTED,
                reason=REJECTION,
            )


_STREETS = ("Maple Avenue", "Cedar Street", "Park Road", "Hill Street", "Lake Drive")
