"""Admin actions run on rows that can exist; a tampered selection gets a message.

Django's admin filters the list by the posted row ids (``_selected_action``) as
given, so an id that cannot be one ("abc" for a number) raised ValueError: an error
page. The program's admin site mixes this into every model admin it registers,
the libraries' included.
"""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError


class ValidSelection:
    def response_action(self, request, queryset, **kwargs):
        key = self.model._meta.pk
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                key.to_python(value)
        except ValidationError:
            self.message_user(
                request,
                "The rows chosen are not in this list: choose them again.",
                messages.WARNING,
            )
            return None
        return super().response_action(request, queryset, **kwargs)
