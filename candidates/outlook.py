"""What the candidate's pages say about the candidacy's time: in force or ended,
and, near or past the deadline, what the candidate can still do (ask for more time,
apply again, and which sets would carry over).

Read for the CAR: far from the deadline it costs no query; near or past it, a few.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from lssc.core.dates import add_months
from lssc.core.program import rules

from .enums import ExtensionStatus
from .extensions import ExtensionLimits, extension_limits, extension_refusal
from .models import Achievement, Candidate, ExtensionRequest
from .reenrolment import carries_over, carry_over_since, earlier_achievements


@dataclass
class Outlook:
    candidate: Candidate
    today: datetime.date
    ended: bool
    days_left: int
    # Filled near or past the deadline only (``near``).
    near: bool = False
    requests: list[ExtensionRequest] = field(default_factory=list)
    may_ask: bool = False
    ask_refusal: str = ""
    limits: ExtensionLimits | None = None
    # Filled once the candidacy has ended: applying again.
    carry: list[Achievement] = field(default_factory=list)
    not_carried: list[Achievement] = field(default_factory=list)
    carry_since: datetime.date | None = None

    @property
    def waiting(self) -> ExtensionRequest | None:
        return next(
            (r for r in self.requests if r.status == ExtensionStatus.REQUESTED), None
        )


def outlook_of(candidate: Candidate, today: datetime.date | None = None) -> Outlook:
    today = today or timezone.localdate()
    certified = hasattr(candidate, "certification")
    outlook = Outlook(
        candidate=candidate,
        today=today,
        ended=candidate.has_ended(today),
        days_left=candidate.days_left(today),
    )
    # From the first deadline reminder on, the page offers to ask for more time.
    first_reminder = max(rules().CANDIDACY_REMINDER_MONTHS)
    outlook.near = not certified and today >= add_months(
        candidate.deadline, -first_reminder
    )
    if not outlook.near:
        return outlook
    outlook.requests = list(candidate.extension_requests.all())
    outlook.ask_refusal = extension_refusal(candidate, today)
    outlook.may_ask = not outlook.ask_refusal
    granted = sum(r.status == ExtensionStatus.GRANTED for r in outlook.requests)
    outlook.limits = extension_limits(candidate, granted=granted)
    if outlook.ended:
        outlook.carry_since = carry_over_since(today)
        for achievement in earlier_achievements(candidate.user):
            if carries_over(achievement, today):
                outlook.carry.append(achievement)
            else:
                outlook.not_carried.append(achievement)
    return outlook
