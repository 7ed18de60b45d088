from django.urls import path

from . import link_views, submission_views, views

app_name = "portfolios"
urlpatterns = [
    path("", views.portfolio_list, name="list"),
    path("start/<slug:slug>/", views.portfolio_start, name="start"),
    path("<int:pk>/", views.builder, name="builder"),
    path("<int:pk>/narratives/", views.narratives_save_view, name="narratives"),
    path("<int:pk>/evidence/", views.evidence_upload, name="upload"),
    path("<int:pk>/web-links/", link_views.link_add, name="web_link_add"),
    path("<int:pk>/pre-review/", views.pre_review, name="pre_review"),
    path("<int:pk>/submit/", submission_views.submit, name="submit"),
    path("<int:pk>/pay/", submission_views.pay, name="pay"),
    path("<int:pk>/withdraw/", submission_views.withdraw, name="withdraw"),
    path("evidence/<int:pk>/link/", views.evidence_link_view, name="link"),
    path(
        "evidence/<int:pk>/unlink/<int:competency_id>/",
        views.evidence_unlink_view,
        name="unlink",
    ),
    path("evidence/<int:pk>/replace/", views.evidence_replace_view, name="replace"),
    path("evidence/<int:pk>/remove/", views.evidence_remove_view, name="remove"),
    path(
        "evidence/<int:pk>/checked/", link_views.link_checked, name="web_link_checked"
    ),
    path("evidence/<int:pk>/download/", views.evidence_download, name="download"),
]
