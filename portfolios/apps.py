from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = "Portfolios"

    def ready(self):
        from candidates.progress import register_source
        from lssc.payments.signals import payment_confirmed

        from .progress import portfolio_progress
        from .receivers import on_payment_confirmed

        payment_confirmed.connect(on_payment_confirmed, dispatch_uid="portfolios")
        register_source(portfolio_progress)
