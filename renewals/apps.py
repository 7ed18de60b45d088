from django.apps import AppConfig


class RenewalsConfig(AppConfig):
    name = "renewals"
    verbose_name = "Renewals"

    def ready(self):
        from candidates.admin_people import certification_list
        from lssc.core.admin_links import register_person_links

        register_person_links(
            "renewals", certification_list("Renewals", "renewals.Renewal")
        )
        from lssc.payments.purposes import register_purpose

        from . import transitions
        from .appeals import register_appealable
        from .models import Renewal
        from .reports import register_reports
        from .worklist import register_queues

        register_reports()
        register_queues()
        register_appealable()
        # The renewal fee paid: the renewal goes to review, once however often told.
        register_purpose(Renewal, paid=transitions.mark_paid.if_allowed)
