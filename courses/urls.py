from django.urls import path

from .views import candidate, catalog, provider

app_name = "courses"
urlpatterns = [
    path("", catalog.catalog, name="catalog"),
    path("<int:pk>/", catalog.course_detail, name="detail"),
    path("<int:pk>/completion/", candidate.completion_new, name="complete"),
    path("<int:pk>/completion-form.pdf", candidate.official_form, name="official_form"),
    path("mine/", candidate.my_courses, name="my_courses"),
    path(
        "completions/<int:pk>/form/",
        candidate.completion_upload,
        name="completion_upload",
    ),
    path("agreements/", catalog.agreements, name="agreements"),
    path("agreements/<int:pk>/claim/", candidate.claim, name="claim"),
    path("files/<slug:kind>/<int:pk>/", candidate.download, name="file"),
    path("provider/", provider.dashboard, name="provider_dashboard"),
    path("provider/register/", provider.register, name="provider_register"),
    path("provider/contacts/", provider.contact_add, name="provider_contact_add"),
    path(
        "provider/applications/new/", provider.application_new, name="application_new"
    ),
    path("provider/applications/<int:pk>/", provider.application, name="application"),
    path("provider/applications/<int:pk>/pay/", provider.pay, name="application_pay"),
    path(
        "provider/applications/<int:pk>/withdraw/",
        provider.withdraw,
        name="application_withdraw",
    ),
    path(
        "provider/applications/<int:pk>/appeal/",
        provider.appeal,
        name="application_appeal",
    ),
    path("provider/courses/<int:pk>/renew/", provider.renew, name="renew"),
    path("provider/roster/<int:pk>/confirm/", provider.roster, name="roster_confirm"),
    path(
        "provider/courses/<int:pk>/roster/",
        provider.roster_import,
        name="roster_import",
    ),
]
