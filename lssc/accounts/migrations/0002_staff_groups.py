"""The four staff groups and the model permissions each holds.

Later apps grant their own models' permissions to these groups in their migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Program Officer": [
        ("accounts", "add_user"),
        ("accounts", "change_user"),
        ("accounts", "view_user"),
        ("auth", "view_group"),
        ("account", "view_emailaddress"),
        ("account", "change_emailaddress"),
        ("mfa", "view_authenticator"),
        ("mfa", "delete_authenticator"),
        ("competencies", "add_competencyset"),
        ("competencies", "change_competencyset"),
        ("competencies", "view_competencyset"),
        ("competencies", "add_competency"),
        ("competencies", "change_competency"),
        ("competencies", "view_competency"),
        ("fees", "add_fee"),
        ("fees", "change_fee"),
        ("fees", "view_fee"),
    ],
    "Program Assistant": [
        ("accounts", "change_user"),
        ("accounts", "view_user"),
        ("account", "view_emailaddress"),
        ("competencies", "view_competencyset"),
        ("competencies", "view_competency"),
        ("fees", "view_fee"),
    ],
    "Certification Review Committee": [
        ("accounts", "view_user"),
        ("competencies", "view_competencyset"),
        ("competencies", "view_competency"),
    ],
    "Certification Program Committee": [
        ("accounts", "view_user"),
        ("competencies", "view_competencyset"),
        ("competencies", "view_competency"),
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the
    # groups can be granted them in this migration.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codenames:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("mfa", "0003_authenticator_type_uniq"),
        ("competencies", "0001_initial"),
        ("fees", "0001_initial"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
