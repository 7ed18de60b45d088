from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "lssc.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from .reports import register_reports

        register_reports()
        from .worklist import register_queues

        register_queues()
