from django.apps import AppConfig


class FeesConfig(AppConfig):
    name = "lssc.fees"
    label = "fees"
    verbose_name = "Fee schedule"
