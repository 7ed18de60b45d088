"""Public proof of a certification: a page for people and a credential for software.

Only what a certificate itself shows: the holder's name, status, dates and sets;
never contact details. A wrong number answers 404 with a page that says how to
check one.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render

from lssc.core.downloads import attachment

from ..certificates import (
    achieved_sets,
    certificate_request,
    certification_status,
    open_badge,
)
from ..models import Certification


def _certification(number) -> Certification | None:
    return (
        Certification.objects.select_related("candidate__user")
        .filter(number=number.strip().upper())
        .first()
    )


def verify(request, number):
    certification = _certification(number)
    if certification is None:
        return render(request, "candidates/verify_unknown.html", {"number": number},
                      status=404)  # fmt: skip
    return render(
        request,
        "candidates/verify.html",
        {
            "certification": certification,
            "status": certification_status(certification),
            "sets": achieved_sets(certification),
        },
    )


def verify_json(request, number):
    certification = _certification(number)
    if certification is None:
        return JsonResponse({"error": "No certificate has this number."}, status=404)
    response = JsonResponse(open_badge(certification), json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/vc+ld+json"
    return response


@login_required
def certificate_download(request, number):
    """The PDF, for its holder and for staff who may view certifications."""
    certification = _certification(number)
    if certification is None or not (
        certification.candidate.user_id == request.user.pk
        or request.user.has_perm("candidates.view_certification")
    ):
        raise Http404
    if not certification.certificate_is_current():
        certificate_request(certification)
        return render(
            request,
            "candidates/certificate_pending.html",
            {"certification": certification},
            status=202,
        )
    return attachment(
        certification.certificate.open("rb"),
        filename=f"LSSC-certificate-{certification.number}.pdf",
        content_type="application/pdf",
    )
