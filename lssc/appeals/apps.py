from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "lssc.appeals"
    label = "appeals"
    verbose_name = "Appeals"

    def ready(self):
        from lssc.core.admin_links import person_list, register_person_links

        register_person_links(
            "appeals",
            person_list("Appeals", "appeals.Appeal", "appellant__id__exact"),
            order=20,
        )
        from .worklist import register_queues

        register_queues()
