from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lssc.notifications"
    label = "notifications"
    verbose_name = "Outgoing mail"
