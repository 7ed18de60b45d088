from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lssc.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from . import receivers  # noqa: F401
