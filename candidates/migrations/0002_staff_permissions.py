from django.db import migrations

from lssc.accounts.permissions import grant_operation

GROUP_PERMISSIONS = {
    "Program Officer": [
        ("candidates", "view_application"),
        ("candidates", "change_application"),
        ("candidates", "view_candidate"),
        ("candidates", "change_candidate"),
        ("candidates", "view_achievement"),
        ("candidates", "view_sharelink"),
    ],
    "Program Assistant": [
        ("candidates", "view_application"),
        ("candidates", "change_application"),
        ("candidates", "view_candidate"),
        ("candidates", "view_achievement"),
    ],
    "Certification Review Committee": [
        ("candidates", "view_application"),
        ("candidates", "view_candidate"),
        ("candidates", "view_achievement"),
    ],
    "Certification Program Committee": [
        ("candidates", "view_application"),
        ("candidates", "view_candidate"),
        ("candidates", "view_achievement"),
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
