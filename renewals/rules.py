"""The renewal rules as pure functions (FAQ 19): no database access. When the
window opens and the grace ends is the certification's to say
(``Certification.in_renewal_window``, ``candidates.validity``)."""

from dataclasses import dataclass
from decimal import Decimal

from .models import Unit


def hours_text(hours) -> str:
    """Hours as people write them: 20, 2.5 (never 20.00)."""
    return f"{Decimal(hours).normalize():f}"


def contact_hours(amount: Decimal, unit: str, program) -> Decimal:
    """An activity's contact hours: academic credit and conference days convert at
    the program's rates (``LSSC_RULES``)."""
    rate = {
        Unit.CONTACT_HOURS: 1,
        Unit.SEMESTER_CREDITS: program.CE_HOURS_PER_SEMESTER_CREDIT,
        Unit.QUARTER_CREDITS: program.CE_HOURS_PER_QUARTER_CREDIT,
        Unit.CONFERENCE_DAYS: program.CE_HOURS_PER_CONFERENCE_DAY,
    }[unit]
    return (Decimal(amount) * rate).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Requirement:
    """One of the renewal's requirements, counted: "Technology: 2 of 4"."""

    label: str
    done: Decimal
    required: int

    @property
    def short(self) -> Decimal:
        return max(Decimal(self.required) - self.done, Decimal(0))

    @property
    def met(self) -> bool:
        return not self.short

    @property
    def bar_value(self) -> Decimal:
        """What a progress bar shows: full at the requirement, never past it."""
        return min(self.done, Decimal(self.required))

    @property
    def done_text(self) -> str:
        return hours_text(self.done)

    @property
    def short_text(self) -> str:
        return hours_text(self.short)

    def __str__(self):
        """The line in plain words: "Contact hours: 32 of 32 ✓" or "Technology:
        2 of 4 — 2 more needed"."""
        counted = f"{self.label}: {self.done_text} of {self.required}"
        if self.met:
            return f"{counted} ✓"
        return f"{counted} — {self.short_text} more needed"


@dataclass(frozen=True)
class Progress:
    hours: Decimal
    technology_hours: Decimal
    required: int
    technology_required: int

    @property
    def hours_short(self) -> Decimal:
        return max(Decimal(self.required) - self.hours, Decimal(0))

    @property
    def technology_short(self) -> Decimal:
        return max(
            Decimal(self.technology_required) - self.technology_hours, Decimal(0)
        )

    def shortfall(self) -> str:
        """What is missing, in words: "8 more contact hours and 2 more on
        technology"; empty when nothing is."""
        parts = []
        if self.hours_short:
            parts.append(f"{hours_text(self.hours_short)} more contact hours")
        if self.technology_short:
            parts.append(
                f"{hours_text(self.technology_short)} more "
                + ("on technology" if parts else "hours on technology")
            )
        return " and ".join(parts)

    @property
    def met(self) -> bool:
        return not self.hours_short and not self.technology_short

    @property
    def requirements(self) -> tuple[Requirement, Requirement]:
        """Both requirements, each on its own line with what is missing. Hours on
        technology count in the contact hours too."""
        return (
            Requirement("Contact hours", self.hours, self.required),
            Requirement("Technology", self.technology_hours, self.technology_required),
        )


def progress(activities, program) -> Progress:
    """Hours against the requirement, from ``(hours, technology)`` pairs."""
    pairs = list(activities)
    return Progress(
        hours=sum((h for h, _ in pairs), Decimal(0)),
        technology_hours=sum((h for h, tech in pairs if tech), Decimal(0)),
        required=program.RENEWAL_HOURS,
        technology_required=program.RENEWAL_TECHNOLOGY_HOURS,
    )
