from django.urls import path

from . import views

app_name = "evaluations"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/save/", views.review_post, name="review_post"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence, name="evidence"),
    path("feedback/<int:portfolio_pk>/", views.feedback, name="feedback"),
    path("join/", views.join, name="join"),
]
