from django.urls import path

from . import views

app_name = "payments"
urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<str:reference>/", views.instructions, name="instructions"),
    path("<str:reference>/receipt/", views.receipt, name="receipt"),
    path("<str:reference>/receipt.pdf", views.receipt_download, name="receipt_pdf"),
    path("<str:reference>/invoice.pdf", views.invoice_download, name="invoice_pdf"),
    path(
        "<str:reference>/invoice/bill-to/",
        views.invoice_bill_to,
        name="invoice_bill_to",
    ),
    path("<str:reference>/card/", views.card_return, name="card_return"),
]
