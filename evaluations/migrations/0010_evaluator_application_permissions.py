from django.db import migrations

from lssc.accounts.permissions import grant_operation

DECIDE = [
    ("evaluations", "view_evaluatorapplication"),
    ("evaluations", "change_evaluatorapplication"),
]
GROUP_PERMISSIONS = {
    "Certification Review Committee": DECIDE,
    "Program Officer": DECIDE,
}


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0009_evaluator_applications"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
