from django.apps import AppConfig


class RenewalsConfig(AppConfig):
    name = "renewals"
    verbose_name = "Renewals"

    def ready(self):
        from .reports import register_reports

        register_reports()
        from .worklist import register_queues

        register_queues()
        from .appeals import register_appealable

        register_appealable()
        from lssc.payments.signals import payment_confirmed

        from .receivers import on_payment_confirmed

        payment_confirmed.connect(on_payment_confirmed, dispatch_uid="renewals")
