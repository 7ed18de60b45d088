"""Admin autocomplete fields that cope with a value naming no row.

When a form is refused, Django's autocomplete widget looks the submitted value up to
show it again; a value that cannot be a key ("abc" for a number) raised ValueError
there: an error page instead of the form with its message. Such values are simply
not looked up.
"""

from django.contrib.admin import widgets
from django.core.exceptions import ValidationError


class AutocompleteSelect(widgets.AutocompleteSelect):
    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(
            getattr(remote, "field_name", None) or remote.model._meta.pk.name
        )
        return super().optgroups(name, [v for v in value if _is_key(target, v)], attr)


def _is_key(field, value) -> bool:
    try:
        key = field.to_python(value)
    except ValidationError:
        return False
    # No key is wider than 64 bits; SQLite's driver cannot even send a wider one.
    return not isinstance(key, int) or -(2**63) <= key < 2**63


class SafeAutocomplete:
    """Model admin or inline mixin: its ``autocomplete_fields`` use the widget above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
