from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and benchmark data (``seed_demo``, ``generate_dataset``): the top layer,
    which may import every app and which no app imports."""

    name = "demo"
    verbose_name = "Demo and benchmark data"
