"""The public catalog's filters and search."""

import django_filters
from django.db.models import Q
from localflavor.us.us_states import STATE_CHOICES

from lssc.competencies.models import CompetencySet

from .models import Course, Delivery, Pacing, Provider, ProviderType

# Built once: the catalog lists them on every page.
STATES = [(code, str(name)) for code, name in STATE_CHOICES]


class CatalogFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    competency_set = django_filters.ModelChoiceFilter(
        label="Competency set",
        queryset=CompetencySet.objects.current(),
        to_field_name="slug",
        empty_label="Any set",
    )
    delivery = django_filters.ChoiceFilter(
        label="Delivery", choices=Delivery.choices, empty_label="Any delivery"
    )
    pacing = django_filters.ChoiceFilter(
        label="Pacing",
        choices=[(p.value, p.value.capitalize()) for p in Pacing],
        empty_label="Either",
    )
    provider_type = django_filters.ChoiceFilter(
        label="Provider type",
        field_name="provider__type",
        choices=ProviderType.choices,
        empty_label="Any provider",
    )
    state = django_filters.ChoiceFilter(
        label="Provider's state",
        field_name="provider__state",
        choices=STATES,
        empty_label="Any state",
    )

    class Meta:
        model = Course
        fields = []

    @property
    def form(self):
        if not hasattr(self, "_form"):
            # Each select's options as a list, read once. Not ``list(choices)``:
            # that asks the sets' lazy choices for their length, a COUNT query.
            for field in super().form.fields.values():
                field.choice_list = [c for c in getattr(field, "choices", ())]  # noqa: C416
        return self._form

    def search(self, queryset, name, value):
        """Courses with every word (at most eight) in their title, description or
        provider's name.

        The providers are looked up first, one query a word, so the course query
        has no join in its OR and PostgreSQL combines the trigram indexes
        (migration 0003) with the provider index instead of reading every course.
        """
        for word in value.split()[:8]:
            providers = list(
                Provider.objects.filter(name__icontains=word).values_list(
                    "pk", flat=True
                )
            )
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(provider_id__in=providers)
            )
        return queryset
