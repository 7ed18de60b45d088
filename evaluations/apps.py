from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = "Portfolio evaluation"

    def ready(self):
        from django.db.models import OuterRef

        from lssc.accounts.homes import register_home

        from .models import Evaluator

        register_home(
            "evaluator",
            label="My evaluations",
            url_name="evaluations:dashboard",
            held=lambda: Evaluator.objects.filter(user=OuterRef("pk")),
        )
        from .worklist import register_queues

        register_queues()
        from .reports import register_reports

        register_reports()
        from .appeals import register_appealable

        register_appealable()
        from portfolios.signals import portfolio_submitted

        from .receivers import on_portfolio_submitted

        portfolio_submitted.connect(on_portfolio_submitted, dispatch_uid="evaluations")
