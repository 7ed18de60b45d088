from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lssc.reports"
    label = "reports"
    verbose_name = "Reports"
