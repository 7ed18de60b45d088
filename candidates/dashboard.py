"""What an applicant's or candidate's home shows: the one next step, progress on
the six sets, the deadline, payments and recent mail.

Reads only, in a fixed number of queries: more portfolios, payments or messages add
rows, never queries. The CAR (``views.car``) stays the detailed record.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from lssc.competencies.models import CompetencySet
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.notifications.models import OutgoingMail
from lssc.payments.models import Payment

from .enums import ApplicationStatus
from .models import Application, Candidate
from .outlook import Outlook, outlook_of
from .progress import SetStatus, car_slots
from .selectors import application_balance_cents, candidacy_of, open_application

PAYMENTS_SHOWN = 5
MESSAGES_SHOWN = 5
APPLICATION_STEPS = 4
DATE = "F j, Y"  # as the pages show dates
IN_REVIEW = (SetStatus.SUBMITTED, SetStatus.UNDER_REVIEW)
BEING_WORKED_ON = (SetStatus.IN_PROGRESS, SetStatus.REVISION_REQUESTED)


@dataclass(frozen=True)
class NextStep:
    """The one thing to do now: a heading, a sentence and at most one action."""

    title: str
    text: str
    action: str = ""
    url: str = ""


@dataclass
class Dashboard:
    application: Application | None
    candidate: Candidate | None
    next_step: NextStep
    payments: list[Payment]
    messages: list[OutgoingMail]
    slots: dict | None = None
    outlook: Outlook | None = None
    balance_cents: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """Sets achieved (toward the six), in review and being worked on, for the
        progress bar."""
        slots = self.slots
        progress = [
            slot.progress
            for slot in slots["required"] + slots["electives"] + slots["more_electives"]
        ]
        return {
            "achieved": slots["achieved_count"],
            "in_review": sum(p.status in IN_REVIEW for p in progress),
            "draft": sum(p.status in BEING_WORKED_ON for p in progress),
            "needed": slots["needed_count"],
        }


def dashboard_of(user, today: datetime.date | None = None) -> Dashboard | None:
    """The home of ``user``; ``None`` for someone who has never applied."""
    today = today or timezone.localdate()
    application = open_application(user)
    candidate = candidacy_of(user)
    if application is None and candidate is None:
        application = user.applications.order_by("-pk").first()
        if application is None:
            return None
    payments = list(
        Payment.objects.filter(payer=user).order_by("-created_at")[:PAYMENTS_SHOWN]
    )
    mail = list(
        OutgoingMail.objects.filter(to=user.email)
        .only("subject", "created_at", "sent_at", "state")
        .order_by("-created_at")[:MESSAGES_SHOWN]
    )
    board = Dashboard(application, candidate, None, payments, mail)
    if candidate is not None:
        board.slots = car_slots(candidate, list(CompetencySet.objects.current()))
        board.outlook = outlook_of(candidate, today)
        board.balance_cents = application_balance_cents(
            candidate.application,
            Payment.objects.filter(
                payer=user,
                kind=FeeKind.APPLICATION,
                purpose_id=candidate.application_id,
            ),
        )
    board.next_step = next_step(board, today)
    return board


def next_step(board: Dashboard, today: datetime.date) -> NextStep:
    """The single most useful thing to do, most urgent first."""
    application, candidate = board.application, board.candidate
    if application is not None and application.is_open:
        return _application_step(application)
    if candidate is None:
        return NextStep(
            "Your application was not admitted",
            "Program staff explained why in the decision they sent you.",
            "See your application",
            reverse("candidates:application_status"),
        )
    certification = getattr(candidate, "certification", None)
    if certification is not None:
        return _certified_step(certification, today)
    if board.outlook.ended:
        return _ended_step(board.outlook)
    if board.balance_cents:
        return NextStep(
            "Pay the application fee",
            "Your candidacy is open, but the application fee is not fully paid.",
            "Pay now",
            reverse("candidates:application_status"),
        )
    return _work_step(board.slots)


def _application_step(application: Application) -> NextStep:
    if application.status == ApplicationStatus.DRAFT:
        done = min(application.steps_done, APPLICATION_STEPS - 1)
        return NextStep(
            "Finish your application",
            f"Step {done + 1} of {APPLICATION_STEPS} is next. What you entered "
            "is saved.",
            "Continue your application",
            reverse("candidates:apply"),
        )
    if application.status == ApplicationStatus.AWAITING_PAYMENT:
        return NextStep(
            "Pay the application fee",
            "Your application is submitted. Once the fee is paid, you are admitted "
            f"and your {rules().CANDIDACY_YEARS} years to complete the sets begin.",
            "Pay the fee",
            reverse("candidates:application_status"),
        )
    return NextStep(
        "Your application is with program staff",
        "They check what needs a person's judgement and email you their decision. "
        "Nothing is needed from you now.",
        "See your application",
        reverse("candidates:application_status"),
    )


def _certified_step(certification, today) -> NextStep:
    if certification.in_renewal_window(today) or certification.in_grace(today):
        last = date_format(certification.last_grace_day, DATE)
        return NextStep(
            "Renew your certification",
            f"Renewal is open through {last}. Log your continuing education and "
            "send your renewal.",
            "Renew now",
            reverse("renewals:home"),
        )
    if certification.is_revoked:
        return NextStep(
            "Your certification was revoked",
            "Your record says what happened and when.",
            "See your record",
            reverse("candidates:car"),
        )
    valid = date_format(certification.last_valid_day, DATE)
    return NextStep(
        "You are certified",
        f"Your certification is valid through {valid}. "
        "Share your record with an employer or download your certificate.",
        "See your record",
        reverse("candidates:car"),
    )


def _ended_step(outlook: Outlook) -> NextStep:
    waiting = outlook.waiting
    if waiting is not None:
        return NextStep(
            "Your request for more time is waiting",
            "Program staff will email you their decision. If they grant it, you "
            "continue where you left off.",
        )
    if outlook.may_ask:
        return NextStep(
            "Your candidacy has ended: ask for more time",
            "Your deadline has passed. Say why you need more time and program "
            "staff decide; if they grant it, you continue where you left off.",
            "Ask for more time",
            reverse("candidates:extension_request"),
        )
    return NextStep(
        "Your candidacy has ended: apply again",
        "A new application starts a new candidacy; sets achieved recently carry "
        "over. Your record says which.",
        "Apply again",
        reverse("candidates:apply") + "?again=1",
    )


def _work_step(slots: dict) -> NextStep:
    statuses = [
        slot.progress
        for slot in slots["required"] + slots["electives"] + slots["more_electives"]
    ]
    portfolios = reverse("portfolios:list")

    def has(status):
        return any(p.status == status for p in statuses)

    if has(SetStatus.REVISION_REQUESTED):
        return NextStep(
            "Answer the revision request",
            "The evaluators asked you to revise a portfolio. Read their feedback, "
            "revise it and submit it again.",
            "Open your portfolios",
            portfolios,
        )
    # A portfolio reports "submitted" only while its fee is unpaid (a course
    # completion reports it while staff check it: nothing to do).
    if any(
        p.status == SetStatus.SUBMITTED and p.detail == "Portfolio" for p in statuses
    ):
        return NextStep(
            "Pay the portfolio fee",
            "A submitted portfolio waits for its fee before evaluators are assigned.",
            "Open your portfolios",
            portfolios,
        )
    if slots["achieved_count"] >= slots["needed_count"]:
        return NextStep(
            "All six sets achieved",
            "Program staff are issuing your certificate; you will get it by email.",
        )
    if has(SetStatus.IN_PROGRESS):
        return NextStep(
            "Continue your portfolio",
            "Your work is saved as you go. Submit it when every competency has "
            "its narrative and evidence.",
            "Open your portfolios",
            portfolios,
        )
    if all(p.status == SetStatus.NOT_STARTED for p in statuses):
        return NextStep(
            "Start your first competency set",
            "Achieve each set with a portfolio, or by completing an approved course.",
            "Open a portfolio",
            portfolios,
        )
    return NextStep(
        "Start your next set",
        "What you submitted is being reviewed or checked. Meanwhile, start "
        "another set.",
        "Open a portfolio",
        portfolios,
    )
