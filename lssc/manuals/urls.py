from django.urls import path

from . import views

app_name = "manuals"
urlpatterns = [
    path("", views.index, name="index"),
    path("lssc-manuals.pdf", views.all_pdf, name="all_pdf"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>.pdf", views.detail_pdf, name="pdf"),
]
