"""The applicant's and candidate's home: what to do next and how far they are."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from lssc.accounts.homes import homes_of, not_your_home

from ..dashboard import dashboard_of


def _never_applied(user) -> str:
    """Why there is no page, and where applying starts in the menu they see."""
    roles = {home.role for home in homes_of(user)}
    text = (
        "You have not applied for certification yet, so there is no certification "
        "page of yours to show."
    )
    if not roles:
        return f"{text} Choose “My certification” in the menu to start."
    if "staff" not in roles:
        return f"{text} Choose “Apply for certification” under “Your pages” to start."
    return text


@login_required
def home(request):
    board = dashboard_of(request.user)
    if board is None:
        return not_your_home(request, _never_applied(request.user))
    return render(request, "candidates/home.html", {"board": board})
