from django.urls import path

from .views import apply, car, extensions, home, publicity, verify

app_name = "candidates"
urlpatterns = [
    path("my/", home.home, name="home"),
    path("apply/", apply.apply, name="apply"),
    path("apply/begin/", apply.apply_begin, name="apply_begin"),
    path("apply/status/", apply.application_status, name="application_status"),
    path("apply/<slug:step>/", apply.apply_step, name="apply_step"),
    path("car/", car.car, name="car"),
    path("car/contact/", car.car_contact, name="car_contact"),
    path(
        "car/more-time/",
        extensions.extension_request_view,
        name="extension_request",
    ),
    path(
        "car/more-time/<int:pk>/document/",
        extensions.extension_document,
        name="extension_document",
    ),
    path("car/share/", car.share_links, name="share_links"),
    path("car/share/<int:pk>/revoke/", car.share_link_revoke_view, name="share_revoke"),
    path("shared/<str:token>/", car.shared_car, name="shared_car"),
    path("car/publicity/", publicity.publicity, name="publicity"),
    path("certified/", publicity.registry, name="registry"),
    path("verify/<str:number>.json", verify.verify_json, name="verify_json"),
    path("verify/<str:number>/", verify.verify, name="verify"),
    path(
        "certificate/<str:number>.pdf",
        verify.certificate_download,
        name="certificate_download",
    ),
]
