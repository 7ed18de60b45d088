from django.db import migrations

from lssc.accounts.permissions import grant_operation

GROUP_PERMISSIONS = {
    "Program Officer": [
        ("evaluations", "view_decision"),
        ("evaluations", "change_decision"),
    ],
    "Certification Review Committee": [
        ("evaluations", "view_decision"),
        ("evaluations", "change_decision"),
    ],
    "Program Assistant": [("evaluations", "view_decision")],
}


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0004_revision_requests")]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
