"""How the admin finds a person by candidate number and links a person to their
candidacy, registered with the core's admin search and links at start-up.

The apps built on candidacy link their own lists with ``candidate_list`` and
``certification_list`` (portfolios, course completions, renewals).
"""

from lssc.core.admin_links import (
    change,
    changelist,
    register_person_links,
    related_or_none,
)
from lssc.core.admin_search import register_person_finder

from .models import Candidate
from .selectors import candidacy_of


def candidate_of(user) -> Candidate | None:
    """The person's latest candidacy (``selectors.candidacy_of``).

    Cached on ``user`` after the first look, so each section costs no query.
    """
    if not hasattr(user, "_latest_candidacy"):
        user._latest_candidacy = candidacy_of(user, related=("application",))
    return user._latest_candidacy


def by_number(term: str):
    """The people whose candidate number contains ``term`` (trigram index)."""
    return Candidate.objects.filter(number__icontains=term).values_list(
        "user_id", flat=True
    )


def candidacy_links(user) -> list[tuple[str, str]]:
    candidate = candidate_of(user)
    if candidate is None:
        return []
    certification = related_or_none(candidate, "certification")
    earlier = (
        Candidate.objects.filter(user=user)
        .exclude(pk=candidate.pk)
        .order_by("-admitted_on", "-pk")
    )
    return [
        ("Candidate record", change(candidate)),
        ("Application", change(candidate.application)),
        ("Certification", change(certification) if certification else ""),
        *[(f"Earlier candidacy {c.number}", change(c)) for c in earlier],
    ]


def candidate_list(label: str, model_label: str):
    """A section of person links: the ``model_label`` admin list filtered to the
    person's candidacy, when they have one."""

    def section(user) -> list[tuple[str, str]]:
        candidate = candidate_of(user)
        if candidate is None:
            return []
        return [(label, changelist(model_label, candidate__id__exact=candidate.pk))]

    return section


def certification_list(label: str, model_label: str):
    """The same, filtered to the person's certification, when they hold one."""

    def section(user) -> list[tuple[str, str]]:
        candidate = candidate_of(user)
        certification = candidate and related_or_none(candidate, "certification")
        if not certification:
            return []
        filters = {"certification__id__exact": certification.pk}
        return [(label, changelist(model_label, **filters))]

    return section


def register_admin_people():
    register_person_finder(by_number)
    register_person_links("candidates", candidacy_links)
