from django.apps import AppConfig


class ManualsConfig(AppConfig):
    name = "lssc.manuals"
    verbose_name = "Manuals and help pages"
