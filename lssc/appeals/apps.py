from django.apps import AppConfig
from django.urls import reverse


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
        # An action rather than a list: before the program-wide lists.
        register_person_links("late-appeals", _late_appeal_link, order=5)
        from .worklist import register_queues

        register_queues()


def _late_appeal_link(user):
    url = reverse("admin:appeals_lateappeal_add")
    return [("Accept a late appeal", f"{url}?appellant={user.pk}")]
