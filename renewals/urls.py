from django.urls import path

from .views import holder

app_name = "renewals"
urlpatterns = [
    path("", holder.home, name="home"),
    path("submit/", holder.submit, name="submit"),
    path("pay/", holder.pay, name="pay"),
    path("activities/<int:pk>/remove/", holder.remove, name="remove"),
    path("activities/<int:pk>/evidence/", holder.evidence, name="evidence"),
]
