from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lssc.audit"
    label = "audit"
    verbose_name = "Audit trail"
