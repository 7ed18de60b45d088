"""The program's rules that are numbers but not fees.

Defaults come from the program's FAQ; each can be changed with the ``LSSC_RULES``
setting (for example ``LSSC_RULES = {"ELIGIBILITY_HOURS": 2000}``) without touching
code. Fees live in the fee schedule, which staff edit in admin.
"""

from dataclasses import dataclass, fields, replace

from django.conf import settings


@dataclass(frozen=True)
class ProgramRules:
    ELIGIBILITY_HOURS: int = 1820
    ELIGIBILITY_WINDOW_YEARS: int = 5
    MAX_HOURS_PER_WEEK: int = 80
    CANDIDACY_YEARS: int = 4
    # Candidates are reminded this many months before their deadline.
    CANDIDACY_REMINDER_MONTHS: tuple[int, ...] = (12, 6, 3, 1)
    # Extensions of a candidacy's deadline: asked for any time before it or up to
    # this many days after; each moves it by at most this many months; at most this
    # many are granted to one candidacy.
    EXTENSION_REQUEST_DAYS_AFTER_DEADLINE: int = 90
    EXTENSION_MAX_MONTHS: int = 12
    EXTENSION_MAX_COUNT: int = 2
    # Re-enrolment: sets achieved in an earlier candidacy count in the new one when
    # achieved within this many years before the new admission (0: none carries).
    CARRY_OVER_YEARS: int = 5
    REQUIRED_SETS: int = 3
    ELECTIVE_SETS: int = 3
    COURSE_RETROACTIVE_YEARS: int = 2
    COURSE_APPROVAL_YEARS: int = 3
    # Providers are told this many days before an approval lapses.
    COURSE_LAPSE_REMINDER_DAYS: tuple[int, ...] = (90, 30)
    # Staff are told of course applications in review for longer than this.
    COURSE_REVIEW_WAITING_DAYS: int = 30
    CERTIFICATION_YEARS: int = 4
    RENEWAL_WINDOW_MONTHS: int = 12
    RENEWAL_GRACE_MONTHS: int = 2
    # Holders are reminded when the window opens, these months before expiry, on
    # the expiry day, and these days before the grace period ends.
    RENEWAL_REMINDER_MONTHS: tuple[int, ...] = (6, 3, 1)
    GRACE_ENDING_REMINDER_DAYS: int = 14
    RENEWAL_HOURS: int = 32
    RENEWAL_TECHNOLOGY_HOURS: int = 4
    # Continuing education in contact hours: academic credit and conference days
    # convert at the program's published rates.
    CE_HOURS_PER_SEMESTER_CREDIT: int = 15
    CE_HOURS_PER_QUARTER_CREDIT: int = 10
    CE_HOURS_PER_CONFERENCE_DAY: int = 6
    CE_MIN_HOURS_PER_ACTIVITY: int = 1
    CE_MAX_HOURS_PER_DAY: int = 24
    # Portfolios and their evaluation.
    PORTFOLIO_NARRATIVE_MIN_WORDS: int = 50
    # Characters per competency's narrative (a line break counts as one).
    PORTFOLIO_NARRATIVE_MAX_CHARS: int = 20_000
    EVIDENCE_MAX_FILE_MB: int = 25
    # Recordings and videos (MP3, M4A, MP4, MOV) may be larger than other files.
    EVIDENCE_MAX_MEDIA_MB: int = 100
    # Office documents are zip archives: what one may unpack to, and how many parts
    # it may hold (a "zip bomb" of a few MB can unpack to gigabytes).
    EVIDENCE_ZIP_MAX_UNPACKED_MB: int = 250
    EVIDENCE_ZIP_MAX_ENTRIES: int = 2000
    # Photos larger than this are refused before they are decoded.
    EVIDENCE_IMAGE_MAX_MEGAPIXELS: int = 100
    PORTFOLIO_MAX_TOTAL_MB: int = 250
    # A set is met when at least this share of its competencies is rated "met"
    # and none is rated "not met".
    PORTFOLIO_PASS_MET_PERCENT: int = 70
    REVIEW_DUE_DAYS: int = 21
    # Evaluators are reminded this many days before a review is due, and on each
    # of the first days it is overdue.
    REVIEW_REMINDER_DAYS_BEFORE: int = 5
    REVIEW_OVERDUE_REMINDERS: int = 3
    EVALUATOR_DEFAULT_MAX_ASSIGNMENTS: int = 3
    # An appeal to the CPC is filed (its notice of intent) within this many days of
    # the decision it contests, the last day included; staff may accept a late one.
    APPEAL_DAYS: int = 30
    # An invoice for a check or purchase order is due this many days after it is
    # issued (its terms: "net 30").
    INVOICE_DUE_DAYS: int = 30
    # The business plan's projection, drawn on the revenue report.
    PLAN_CANDIDATES_PER_YEAR: int = 300
    PLAN_REVENUE_PER_YEAR_DOLLARS: int = 107_000


def rules() -> ProgramRules:
    """The rules in force: defaults overridden by ``settings.LSSC_RULES``."""
    overrides = getattr(settings, "LSSC_RULES", {}) or {}
    known = {f.name for f in fields(ProgramRules)}
    unknown = set(overrides) - known
    if unknown:
        raise ValueError(f"Unknown LSSC_RULES keys: {', '.join(sorted(unknown))}")
    return replace(ProgramRules(), **overrides)
