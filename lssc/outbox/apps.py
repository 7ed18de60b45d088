from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "lssc.outbox"
    label = "outbox"
    verbose_name = "Background work"

    def ready(self):
        from . import signals  # noqa: F401  (dispatch what is pending when a worker starts)
