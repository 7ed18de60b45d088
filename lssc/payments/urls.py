from django.urls import path

from . import views

app_name = "payments"
urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<str:reference>/", views.instructions, name="instructions"),
    path("<str:reference>/receipt/", views.receipt, name="receipt"),
    path("<str:reference>/card/", views.card_return, name="card_return"),
]
