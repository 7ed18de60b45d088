"""A view that lets a rule's refusal escape, to test the net under every view."""

from django.urls import include, path

from lssc.core.errors import DomainError


def refuse(request):
    raise DomainError("This portfolio is under review: it cannot be submitted now.")


urlpatterns = [
    path("refuse/", refuse),
    path("", include("lssc.urls")),
]
