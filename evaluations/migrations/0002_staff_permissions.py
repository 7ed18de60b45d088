from django.db import migrations

from lssc.accounts.permissions import grant_operation

MANAGE = [
    ("evaluations", "view_evaluator"),
    ("evaluations", "add_evaluator"),
    ("evaluations", "change_evaluator"),
    ("evaluations", "view_assignment"),
    ("evaluations", "change_assignment"),
]
GROUP_PERMISSIONS = {
    # The CRC selects and maintains evaluators; the Program Officer runs it all.
    "Program Officer": MANAGE,
    "Certification Review Committee": MANAGE,
    "Program Assistant": [
        ("evaluations", "view_evaluator"),
        ("evaluations", "view_assignment"),
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
