"""The four staff groups and the model permissions each holds.

Later apps grant their own models' permissions to these groups in their migrations.
"""

from django.db import migrations

from lssc.accounts.permissions import grant_operation

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


create_groups, _ = grant_operation(GROUP_PERMISSIONS)


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
