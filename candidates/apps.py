from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Candidates"

    def ready(self):
        from django.db.models import OuterRef

        from lssc.accounts.homes import register_home

        from .models import Application

        # Applicants and candidates alike: their certification, from the first draft.
        register_home(
            "candidate",
            label="My certification",
            url_name="candidates:home",
            held=lambda: Application.objects.filter(user=OuterRef("pk")),
        )
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

        # Admits once nothing is owed; a repeated confirmation finds it admitted.
        register_purpose(Application, paid=application_paid)
