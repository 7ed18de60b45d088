from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Candidates"

    def ready(self):
        from .reports import register_reports

        register_reports()
        from .worklist import register_queues

        register_queues()
        from .appeals import register_appealable

        register_appealable()
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from lssc.payments.signals import payment_confirmed

        from .receivers import on_payment_confirmed, on_user_saved

        payment_confirmed.connect(on_payment_confirmed, dispatch_uid="candidates")
        post_save.connect(
            on_user_saved, sender=get_user_model(), dispatch_uid="candidates-name"
        )
