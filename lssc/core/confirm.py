"""Steps that cannot be undone (submitting, paying, withdrawing, appealing) show a
summary first; only the summary's Confirm button carries the step out.

A GET, or a POST from an older page without the button's value, shows the
summary and changes nothing, so a stray click never does the step by accident.
"""

CONFIRM_FIELD = "confirm"
CONFIRM_VALUE = "yes"


def is_confirmed(request) -> bool:
    """Whether ``request`` is the POST of a summary page's Confirm button."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == CONFIRM_VALUE
