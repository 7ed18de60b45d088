"""The program's ten competency sets and their numbered competencies."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class CompetencySetQuerySet(models.QuerySet):
    def current(self):
        return self.filter(retired_on__isnull=True)

    def required(self):
        return self.filter(is_required=True)

    def electives(self):
        return self.filter(is_required=False)


class CompetencySet(models.Model):
    """A group of related competencies; achieving a set is the unit of progress."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    is_required = models.BooleanField(
        "required",
        help_text="Required sets must all be achieved; the others are electives.",
    )
    description = models.TextField()
    revised_on = models.DateField(
        null=True, blank=True, help_text="Date of the set's last published revision."
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in which the set is listed."
    )
    retired_on = models.DateField(
        null=True,
        blank=True,
        help_text="A retired set is no longer offered; candidates' records keep it.",
    )

    history = HistoricalRecords()

    objects = CompetencySetQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("competencies:detail", kwargs={"slug": self.slug})

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    def is_in_use(self) -> bool:
        """Whether any record outside the catalog refers to this set.

        A set in use can be retired but never deleted: candidates' achievements,
        portfolios and courses point at it.
        """
        catalog_models = {Competency, self.history.model}
        for relation in self._meta.related_objects:
            if relation.related_model in catalog_models:
                continue
            accessor = relation.get_accessor_name()
            if relation.one_to_one:
                if relation.related_model._default_manager.filter(
                    **{relation.field.name: self}
                ).exists():
                    return True
            elif getattr(self, accessor).exists():
                return True
        return False


# The largest published set has 22 competencies; fifty leaves room for a revised
# catalog and bounds the rows one form (a set's competencies, a pre-review's
# comments, one per competency) accepts.
MAX_COMPETENCIES_PER_SET = 50


class Competency(models.Model):
    """One numbered competency, either knowledge or an ability."""

    class Kind(models.TextChoices):
        KNOW = "know", "Library Support Staff will know"
        ABLE = "able", "Library Support Staff will be able to"

    competency_set = models.ForeignKey(
        CompetencySet, on_delete=models.PROTECT, related_name="competencies"
    )
    number = models.PositiveSmallIntegerField()
    part = models.CharField(
        max_length=120,
        blank=True,
        help_text="Named part of the set, for sets divided into parts.",
    )
    kind = models.CharField(max_length=4, choices=Kind.choices)
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["competency_set__position", "number"]
        verbose_name_plural = "competencies"
        constraints = [
            models.UniqueConstraint(
                fields=["competency_set", "number"], name="competency_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.competency_set.name} {self.number}"
