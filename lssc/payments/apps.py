from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "lssc.payments"
    label = "payments"
    verbose_name = "Payments"
