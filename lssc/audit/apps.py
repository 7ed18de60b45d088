from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lssc.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from lssc.core.admin_history import register_trail
        from lssc.core.admin_links import person_list, register_person_links

        from .admin_history import trail_of_record

        register_trail(trail_of_record)

        register_person_links(
            "audit",
            person_list("Audit trail", "audit.AuditEntry", "owner__id__exact"),
            order=40,
        )
