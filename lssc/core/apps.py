from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lssc.core"
    label = "core"
    verbose_name = "Program core"

    def ready(self):
        # The core's own invariant (stored files), registered like the apps' ones.
        from . import stored_files  # noqa: F401
