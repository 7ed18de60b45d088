from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lssc.notifications"
    label = "notifications"
    verbose_name = "Outgoing mail"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lssc.core.admin_links import person_list, register_person_links

        register_person_links(
            "notifications",
            person_list(
                "Mail sent to them", "notifications.OutgoingMail", "to", "email"
            ),
            order=30,
        )

        from . import checks  # noqa: F401  (registers the SITE_URL check)
        from .models import MailTemplate
        from .templates import forget_staff_text

        for signal in (post_save, post_delete):
            signal.connect(forget_staff_text, sender=MailTemplate, dispatch_uid="mail")
