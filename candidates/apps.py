from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Candidates"

    def ready(self):
        from .admin_people import register_admin_people

        register_admin_people()
        from .reports import register_reports

        register_reports()
        from .worklist import register_queues

        register_queues()
        from .appeals import register_appealable

        register_appealable()
        from lssc.payments.purposes import register_purpose

        from .applications import application_paid
        from .models import Application

        # Admits once nothing is owed; a repeated confirmation finds it admitted.
        register_purpose(Application, paid=application_paid)
