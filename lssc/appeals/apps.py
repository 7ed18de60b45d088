from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "lssc.appeals"
    label = "appeals"
    verbose_name = "Appeals"
