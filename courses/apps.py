from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses and recognition agreements"

    def ready(self):
        from django.db.models import OuterRef

        from lssc.accounts.homes import register_home

        from .models import ProviderContact

        register_home(
            "provider",
            label="Course provider",
            url_name="courses:provider_dashboard",
            held=lambda: ProviderContact.objects.filter(user=OuterRef("pk")),
        )
        from candidates.admin_people import candidate_list
        from candidates.progress import register_source
        from lssc.core.admin_links import register_person_links
        from lssc.payments.purposes import register_purpose

        from . import transitions
        from .appeals import register_appealable
        from .models import CourseApplication
        from .progress import course_progress
        from .reports import register_reports
        from .worklist import register_queues

        register_person_links(
            "courses", candidate_list("Course completions", "courses.Completion")
        )
        register_person_links(
            "courses.claims",
            candidate_list("Recognition claims", "courses.RecognitionClaim"),
        )
        register_reports()
        register_queues()
        register_appealable()
        register_source(course_progress)
        # The fee paid: the application goes to review, once however often told.
        register_purpose(CourseApplication, paid=transitions.mark_paid.if_allowed)
