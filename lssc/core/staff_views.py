"""Pages for program staff outside the admin."""

from django.shortcuts import render

from lssc.accounts.decorators import staff_required
from lssc.accounts.homes import not_your_home

from .worklist import waiting_for


def dashboard(request):
    # Staff without two-factor never get here: the middleware sends them to enrol.
    if request.user.is_authenticated and not request.user.is_staff:
        return not_your_home(
            request, "The “Work waiting” page is for program staff only."
        )
    return _dashboard(request)


@staff_required
def _dashboard(request):
    waiting = waiting_for(request.user)
    groups: dict[str, list] = {}
    for item in waiting:
        groups.setdefault(item.queue.group, []).append(item)
    return render(
        request,
        "core/staff_dashboard.html",
        {"groups": groups, "total": sum(item.count for item in waiting)},
    )
