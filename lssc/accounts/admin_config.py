from django.contrib.admin.apps import AdminConfig


class ProgramAdminConfig(AdminConfig):
    """Django's admin, on the program's site (``admin_site``)."""

    default_site = "lssc.accounts.admin_site.ProgramAdminSite"
