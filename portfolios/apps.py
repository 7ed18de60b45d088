from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = "Portfolios"

    def ready(self):
        from candidates.admin_people import candidate_list
        from lssc.core.admin_links import register_person_links

        register_person_links(
            "portfolios", candidate_list("Portfolios", "portfolios.Portfolio")
        )
        from candidates.progress import register_source
        from lssc.payments.purposes import register_purpose

        from . import transitions
        from .models import Portfolio
        from .progress import portfolio_progress

        # A repeated confirmation finds the submission frozen already: nothing twice.
        register_purpose(Portfolio, paid=transitions.mark_paid.if_allowed)
        register_source(portfolio_progress)
