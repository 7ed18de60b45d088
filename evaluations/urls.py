from django.urls import path

from . import evidence_views, submit_views, views

app_name = "evaluations"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/save/", views.review_post, name="review_post"),
    path("<int:pk>/submit/", submit_views.review_confirm, name="review_confirm"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence, name="evidence"),
    path(
        "<int:pk>/evidence/<int:evidence_id>/preview/",
        evidence_views.evidence_page,
        name="evidence_page",
    ),
    path(
        "<int:pk>/evidence/<int:evidence_id>/shown/",
        evidence_views.evidence_inline,
        name="evidence_inline",
    ),
    path("feedback/<int:portfolio_pk>/", views.feedback, name="feedback"),
    path("join/", views.join, name="join"),
]
