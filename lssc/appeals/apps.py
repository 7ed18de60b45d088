from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "lssc.appeals"
    label = "appeals"
    verbose_name = "Appeals"

    def ready(self):
        from .worklist import register_queues

        register_queues()
