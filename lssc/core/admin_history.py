"""The admin's history pages: for reading, and 404 for an address naming no record.

Model admins with history inherit from this class rather than django-simple-history's,
which differs in two ways:

- its pages looked records up with the address as given, so ``…/abc/history/``
  raised ValueError (an error page) where Django's own admin answers "not found";
- a past version's page saved that version back on POST ("revert") to anyone who
  may view the record, every field included (statuses, amounts, read-only fields),
  past the services that change records and their audit. Here it only shows.

Under the versions the page lists what the audit trail says of the record (who
decided what, and why): the audit app registers its reader at start-up
(``register_trail``), as the core imports no app.
"""

from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from simple_history.admin import SimpleHistoryAdmin as LibraryHistoryAdmin

# ``reader(model, object_id)`` -> the record's audit entries, newest first.
_trail: list[Callable] = []


def register_trail(reader: Callable) -> None:
    _trail[:] = [reader]


class SimpleHistoryAdmin(LibraryHistoryAdmin):
    object_history_template = "admin/history_with_trail.html"

    def history_view(self, request, object_id, extra_context=None):
        _key(self.model._meta.pk, object_id)
        entries = [e for read in _trail for e in read(self.model, unquote(object_id))]
        return super().history_view(
            request, object_id, {"audit_trail": entries, **(extra_context or {})}
        )

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        _key(self.model._meta.pk, object_id)
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        _key(history.model._meta.pk, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


def _key(field, value: str) -> None:
    try:
        field.to_python(unquote(value))
    except ValidationError:
        raise Http404("No such record.") from None
