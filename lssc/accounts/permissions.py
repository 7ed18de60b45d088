"""Granting model permissions to the staff groups from a data migration.

Each app grants the permissions on its own models in its own migration::

    grants = {"Program Officer": [("payments", "view_payment")]}
    migrations.RunPython(*grant_operation(grants))
"""

from django.contrib.auth.management import create_permissions


def grant_operation(group_permissions: dict[str, list[tuple[str, str]]]):
    """``(forwards, backwards)`` functions for ``RunPython``."""

    def forwards(apps, schema_editor):
        # Permissions are normally created after all migrations; create them now.
        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for name, codenames in group_permissions.items():
            group, _ = Group.objects.get_or_create(name=name)
            for app_label, codename in codenames:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=codename
                    )
                )

    def backwards(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for name, codenames in group_permissions.items():
            group = Group.objects.filter(name=name).first()
            if group is None:
                continue
            for app_label, codename in codenames:
                group.permissions.remove(
                    *Permission.objects.filter(
                        content_type__app_label=app_label, codename=codename
                    )
                )

    return forwards, backwards
