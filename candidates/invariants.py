"""What every candidate's and certification's rows must say (``check_data``)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Q

from lssc.audit.models import AuditEntry
from lssc.core.dates import add_years, period_end
from lssc.core.invariants import chunks, register_invariant
from lssc.core.program import rules

from .certification import qualifying_date
from .enums import AchievementMethod, CertificationStatus
from .models import Achievement, Candidate, Certification
from .reenrolment import carry_over_since


def unsourced_achievements(invariant, method, source, missing: str):
    """Violations for the achievements by ``method`` with no row of ``source``, a
    queryset keyed on the achievement's candidate and set by ``OuterRef``. Used by
    the apps that own each kind of source."""
    rows = Achievement.objects.filter(method=method).filter(~Exists(source))
    for pk, candidate_id, name in rows.values_list(
        "pk", "candidate_id", "competency_set__name"
    ).iterator(chunk_size=2000):
        yield invariant.violation(
            Achievement, pk, f"{name} of candidate {candidate_id} has no {missing}"
        )


@register_invariant(
    "certification-sets",
    "a certification's holder achieved the required and elective sets on or "
    "before the certification date",
)
def certification_sets(invariant):
    program = rules()
    rows = Certification.objects.values_list("pk", "candidate_id", "certified_on")
    for chunk in chunks(rows.order_by("pk").iterator(chunk_size=2000)):
        achieved = defaultdict(list)
        for candidate_id, required, day in Achievement.objects.filter(
            candidate_id__in=[c for _, c, _ in chunk]
        ).values_list("candidate_id", "competency_set__is_required", "achieved_on"):
            achieved[candidate_id].append((required, day))
        for pk, candidate_id, certified_on in chunk:
            before = [
                (r, day) for r, day in achieved[candidate_id] if day <= certified_on
            ]
            met = qualifying_date(before, program.REQUIRED_SETS, program.ELECTIVE_SETS)
            if met is None:
                required = sum(1 for r, _ in before if r)
                yield invariant.violation(
                    Certification, pk,
                    f"certified on {certified_on} with {len(before)} sets achieved by "
                    f"then ({required} required); the rule is "
                    f"{program.REQUIRED_SETS} required and "
                    f"{program.ELECTIVE_SETS} electives",
                )  # fmt: skip


@register_invariant(
    "certificate-pdf",
    "a certification in force has a certificate PDF made for its current period",
)
def certificate_pdf(invariant):
    # Whether the file is in storage is the stored-files check's, as for every file
    # field: checked here too, a lost certificate would be reported twice.
    rows = Certification.objects.filter(status=CertificationStatus.ISSUED)
    rows = rows.values_list("pk", "certificate", "certificate_expires_on", "expires_on")
    for pk, name, made_for, expires_on in rows.order_by("pk").iterator(2000):
        if not name:
            yield invariant.violation(Certification, pk, "no certificate PDF")
        elif made_for != expires_on:
            yield invariant.violation(
                Certification, pk,
                f"the certificate is for the period ending {made_for}, not "
                f"{expires_on}",
            )  # fmt: skip


@register_invariant(
    "candidate-deadline",
    "a candidate's deadline is the admission date plus the candidacy years, or a "
    "later date set by an audited extension",
)
def candidate_deadline(invariant):
    years = rules().CANDIDACY_YEARS
    candidate_type = ContentType.objects.get_for_model(Candidate)
    rows = Candidate.objects.values_list("pk", "admitted_on", "deadline")
    for chunk in chunks(rows.order_by("pk").iterator(chunk_size=2000)):
        odd = {
            pk: (admitted_on, deadline)
            for pk, admitted_on, deadline in chunk
            if deadline != add_years(admitted_on, years)
        }
        if not odd:
            continue
        extended = set(
            AuditEntry.objects.filter(
                subject_type=candidate_type,
                subject_id__in=odd,
                action="candidate.deadline_extended",
            ).values_list("subject_id", "to_state")
        )
        for pk, (admitted_on, deadline) in odd.items():
            if (pk, deadline.isoformat()) in extended:
                continue
            yield invariant.violation(
                Candidate, pk,
                f"admitted on {admitted_on}, deadline {deadline}: expected "
                f"{add_years(admitted_on, years)} and no extension to {deadline} is "
                "recorded",
            )  # fmt: skip


@register_invariant(
    "certification-expiry",
    "a certification expires the certification years after its period's start, "
    "and its first period starts on the certification date",
)
def certification_expiry(invariant):
    years = rules().CERTIFICATION_YEARS
    rows = Certification.objects.values_list(
        "pk", "certified_on", "period_starts_on", "expires_on"
    )
    for pk, certified_on, starts_on, expires_on in rows.order_by("pk").iterator(2000):
        expected = period_end(starts_on, years)
        if expires_on != expected:
            yield invariant.violation(
                Certification, pk,
                f"period from {starts_on} expires on {expires_on}, not {expected}",
            )  # fmt: skip
        elif starts_on < certified_on:
            yield invariant.violation(
                Certification, pk,
                f"period starts on {starts_on}, before the certification on "
                f"{certified_on}",
            )  # fmt: skip


@register_invariant(
    "achievement-carried-over",
    "a set carried over comes from an earlier candidacy of the same person: the "
    "same set, achieved there (not itself carried) within the carry-over years "
    "before the new admission, and is dated that admission",
)
def achievement_carried_over(invariant):
    carried = AchievementMethod.CARRIED_OVER
    mismatched = Achievement.objects.filter(
        Q(method=carried, carried_from=None)
        | (~Q(method=carried) & ~Q(carried_from=None))
    ).values_list("pk", "method")
    for pk, method in mismatched.iterator(chunk_size=2000):
        yield invariant.violation(
            Achievement, pk,
            "carried over with no original achievement" if method == carried
            else f"achieved by {method} yet names an original achievement",
        )  # fmt: skip
    rows = Achievement.objects.filter(method=carried).exclude(carried_from=None)
    rows = rows.values_list(
        "pk", "competency_set_id", "achieved_on", "candidate_id",
        "candidate__user_id", "candidate__admitted_on",
        "carried_from__competency_set_id", "carried_from__achieved_on",
        "carried_from__method", "carried_from__candidate_id",
        "carried_from__candidate__user_id", "carried_from__candidate__admitted_on",
    )  # fmt: skip
    for row in rows.order_by("pk").iterator(chunk_size=2000):
        pk, set_id, day, candidate_id, user_id, admitted_on, *original = row
        o_set, o_day, o_method, o_candidate, o_user, o_admitted = original
        since = carry_over_since(admitted_on)
        problem = ""
        if o_user != user_id or o_candidate == candidate_id:
            problem = "its original is not from another candidacy of the same person"
        elif o_admitted > admitted_on:
            problem = "its original is from a later candidacy"
        elif o_set != set_id:
            problem = "its original is of another set"
        elif o_method == carried:
            problem = "its original is itself carried over"
        elif since is None or o_day < since:
            problem = (
                f"its original was achieved on {o_day}, before the carry-over "
                f"limit ({since or 'none carries over'})"
            )
        elif day != admitted_on:
            problem = f"dated {day}, not the admission on {admitted_on}"
        if problem:
            yield invariant.violation(Achievement, pk, f"carried over, but {problem}")
