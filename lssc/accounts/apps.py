from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lssc.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
