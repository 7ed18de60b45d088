"""The program's manuals, FAQ and webinar list: pages staff write in Markdown."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Manual(models.Model):
    """A document published on the site and downloadable as a PDF: the Portfolio
    and Assessment Manual, the FAQ, the webinars and presentations."""

    slug = models.SlugField(unique=True, help_text="Its address: /manuals/<slug>/.")
    title = models.CharField(max_length=200)
    summary = models.TextField(
        blank=True, help_text="A sentence or two shown above the contents."
    )
    order = models.PositiveSmallIntegerField(default=0)
    published = models.BooleanField(
        default=True, help_text="Unpublished manuals are seen only by staff."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("manuals:detail", args=[self.slug])


class Section(models.Model):
    """A part of a manual: a heading and Markdown text. A section with a ``key`` is
    also shown elsewhere on the site (the evaluation guidelines beside the
    portfolio and the review form)."""

    manual = models.ForeignKey(
        Manual, on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(max_length=200)
    anchor = models.SlugField(
        help_text="Its link within the manual: /manuals/<manual>/#<anchor>."
    )
    body = models.TextField(
        help_text="Markdown. Program figures are written as placeholders, e.g. "
        "{{ application_fee }}: the list is below."
    )
    order = models.PositiveSmallIntegerField(default=0)
    key = models.SlugField(
        blank=True,
        help_text="Set by the program: where else the site shows this section.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["manual", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["manual", "anchor"], name="one_anchor_per_manual"
            ),
            models.UniqueConstraint(
                fields=["key"], condition=~models.Q(key=""), name="unique_section_key"
            ),
        ]

    def __str__(self):
        return f"{self.manual}: {self.title}"

    def get_absolute_url(self):
        return f"{self.manual.get_absolute_url()}#{self.anchor}"
