from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = "Portfolios"

    def ready(self):
        from lssc.payments.signals import payment_confirmed

        from .receivers import on_payment_confirmed

        payment_confirmed.connect(on_payment_confirmed, dispatch_uid="portfolios")
