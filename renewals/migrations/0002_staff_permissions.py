from django.db import migrations

from lssc.accounts.permissions import grant_operation

REVIEW = [
    ("renewals", "view_renewal"),
    ("renewals", "change_renewal"),
    ("renewals", "view_activity"),
]
GROUP_PERMISSIONS = {
    # The Program Officer and the assistant review renewals; the committees look.
    "Program Officer": REVIEW,
    "Program Assistant": REVIEW,
    "Certification Program Committee": [("renewals", "view_renewal")],
}


class Migration(migrations.Migration):
    dependencies = [
        ("renewals", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
