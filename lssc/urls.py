from django.contrib import admin
from django.urls import include, path

from lssc.core import staff_views
from lssc.core import views as core_views
from lssc.manuals import views as manual_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("how-certification-works/", core_views.how_it_works, name="how_it_works"),
    # The FAQ is a manual staff edit in the admin.
    path("faq/", manual_views.detail, {"slug": "faq"}, name="faq"),
    path("staff/", staff_views.dashboard, name="staff_dashboard"),
    path("staff/reports/", include("lssc.reports.urls")),
    path("competencies/", include("lssc.competencies.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", core_views.favicon),
    path("payments/", include("lssc.payments.urls")),
    path("", include("candidates.urls")),
    path("portfolios/", include("portfolios.urls")),
    path("evaluations/", include("evaluations.urls")),
    path("courses/", include("courses.urls")),
    path("renewal/", include("renewals.urls")),
    path("appeals/", include("lssc.appeals.urls")),
    path("manuals/", include("lssc.manuals.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
