"""Pages for program staff outside the admin."""

from django.shortcuts import render

from lssc.accounts.decorators import staff_required

from .worklist import waiting_for


@staff_required
def dashboard(request):
    waiting = waiting_for(request.user)
    groups: dict[str, list] = {}
    for item in waiting:
        groups.setdefault(item.queue.group, []).append(item)
    return render(
        request,
        "core/staff_dashboard.html",
        {"groups": groups, "total": sum(item.count for item in waiting)},
    )
