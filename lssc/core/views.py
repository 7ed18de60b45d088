from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from lssc.competencies.models import CompetencySet
from lssc.fees.services import public_fee_table

from .health import broker_status, database_status, may_see_health_detail
from .program import rules


def home(request):
    return render(request, "core/home.html", {"rules": rules()})


def how_it_works(request):
    fees = public_fee_table()
    sets = list(CompetencySet.objects.current())
    return render(
        request,
        "core/how_it_works.html",
        {
            "rules": rules(),
            "fees": fees,
            "required_sets": [s for s in sets if s.is_required],
            "elective_sets": [s for s in sets if not s.is_required],
        },
    )


@never_cache
def healthz(request):
    """Up or down for everyone; which dependency failed, and how, only for monitoring
    (the ``HEALTHZ_TOKEN`` as a bearer token) and staff: the public learns nothing of
    the system's insides."""
    checks = {"database": database_status(), "broker": broker_status()}
    healthy = all(value in ("ok", "eager") for value in checks.values())
    body = {"status": "ok" if healthy else "error"}
    if may_see_health_detail(request):
        body.update(checks)
    return JsonResponse(body, status=200 if healthy else 503)


def favicon(request):
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    return redirect(static("img/favicon.svg"), permanent=True)
