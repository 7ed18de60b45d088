"""The program's URLs plus the cheapest possible Django page (the ceiling)."""

from django.http import HttpResponse
from django.urls import include, path


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("", include("lssc.urls")),
]
