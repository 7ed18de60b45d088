"""Searching the admin's large lists of people's records by name or email.

Django's admin search ORs ``icontains`` over every search field; with fields of a
joined table (``user__email``) PostgreSQL cannot use an index and reads every row,
twice (the page and its count): a second or more at 100,000 candidates. Here the
people are looked up first, on their own table, where trigram indexes serve the
match (``accounts`` migration 0003), and so are the other ways the apps register
to find a person (a candidate's number); the list is then filtered by those
people's ids, or by its own fields. The same idea keeps the
course catalog's search fast.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import Q

# More matches than this and the term is too vague to be useful as a search.
MOST_PEOPLE = 2000

# ``finder(term)`` -> a values list of the ids of the people it finds; the apps
# register theirs at start-up (the core does not import them).
_finders: list[Callable] = []


def register_person_finder(finder: Callable) -> None:
    if finder not in _finders:
        _finders.append(finder)


class PersonSearch:
    """ModelAdmin mixin. ``person_fields`` name the foreign keys to users (the
    candidate, the payer; the owner and the actor of an audit entry);
    ``own_search_fields`` the model's own fields searched as well."""

    person_fields: tuple[str, ...] = ("user",)
    own_search_fields: tuple[str, ...] = ()

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        people = people_matching(term)
        match = Q()
        for field in self.person_fields:
            match |= Q(**{f"{field}__in": people})
        for field in self.own_search_fields:
            match |= Q(**{f"{field}__icontains": term})
        return queryset.filter(match), False


def people_matching(term: str) -> list[int]:
    """Ids of the people whose name or email contains ``term``, or whom a
    registered finder finds by it (a candidate number): one query per table, so
    each is served by its trigram index."""
    users = get_user_model().objects.filter(
        Q(email__icontains=term) | Q(full_name__icontains=term)
    )
    ids = set(users.values_list("pk", flat=True)[:MOST_PEOPLE])
    for finder in _finders:
        ids.update(finder(term)[:MOST_PEOPLE])
    return sorted(ids)
