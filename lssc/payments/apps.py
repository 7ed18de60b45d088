from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "lssc.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from lssc.core.admin_links import person_list, register_person_links

        # The program-wide lists follow the apps' own: payments, appeals, mail, audit.
        register_person_links(
            "payments",
            person_list("Payments", "payments.Payment", "payer__id__exact"),
            order=10,
        )
        from .reports import register_reports

        register_reports()
        from .worklist import register_queues

        register_queues()
