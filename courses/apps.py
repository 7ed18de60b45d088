from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses and recognition agreements"

    def ready(self):
        from .reports import register_reports

        register_reports()
        from .worklist import register_queues

        register_queues()
        from .appeals import register_appealable

        register_appealable()
        from candidates.progress import register_source
        from lssc.appeals.signals import appeal_upheld
        from lssc.payments.signals import payment_confirmed

        from .progress import course_progress
        from .receivers import on_appeal_upheld, on_payment_confirmed

        payment_confirmed.connect(on_payment_confirmed, dispatch_uid="courses")
        appeal_upheld.connect(on_appeal_upheld, dispatch_uid="courses")
        register_source(course_progress)
