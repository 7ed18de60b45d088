"""The admin in dollars: every ``*_cents`` column typed and shown as dollars.

``DollarsAdmin`` gives a model admin's forms a ``DollarsField`` for each cents
column, and shows the read-only ones as ``$1,250.50``; ``money_column`` is a list
column in dollars that sorts by the cents.
"""

from functools import cache

from django.contrib import admin

from .money import DollarsField, dollars, dollars_label, is_cents_field


def money_column(field: str, description: str):
    """A column printing ``field`` (cents) as dollars, sorted by the cents: put it in
    ``list_display`` (or ``readonly_fields``) as it is, not as a method."""

    @admin.display(description=description, ordering=field)
    def column(obj):
        return dollars(getattr(obj, field))

    column.__name__ = f"{field.removesuffix('_cents')}_dollars"
    return column


@cache
def _read_only(model, name: str):
    """The read-only field in dollars standing for the cents column ``name``."""
    label = dollars_label(model._meta.get_field(name).verbose_name)
    column = money_column(name, label.removesuffix(" ($)"))
    column.cents_field = name
    return column


class DollarsAdmin:
    """Model admin mixin: cents columns in dollars, edited or read-only.

    A subclass that builds its own read-only fields passes them through
    ``in_dollars``; the read-only cents then leave the form.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if is_cents_field(db_field):
            return DollarsField(
                label=dollars_label(db_field.verbose_name),
                required=not db_field.blank,
                help_text="In dollars, such as 350 or 1,250.50.",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def in_dollars(self, names):
        cents = {f.name for f in self.model._meta.fields if is_cents_field(f)}
        return [
            _read_only(self.model, n) if isinstance(n, str) and n in cents else n
            for n in names
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.in_dollars(super().get_readonly_fields(request, obj))

    def _read_only_cents(self, request, obj) -> list[str]:
        return [
            f.cents_field
            for f in self.get_readonly_fields(request, obj)
            if hasattr(f, "cents_field")
        ]

    def get_exclude(self, request, obj=None):
        excluded = [
            *(super().get_exclude(request, obj) or ()),
            *self._read_only_cents(request, obj),
        ]
        return excluded or None

    def get_fieldsets(self, request, obj=None):
        shown = set(self._read_only_cents(request, obj))

        def fields(names):
            return [
                _read_only(self.model, n) if isinstance(n, str) and n in shown else n
                for n in names
            ]

        return [
            (name, {**options, "fields": fields(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
