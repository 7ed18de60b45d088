from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lssc.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self):
        from django.db.backends.signals import connection_created

        from .base import register_sqlite

        connection_created.connect(register_sqlite, dispatch_uid="lssc_median")
