from django.db import migrations

from lssc.accounts.permissions import grant_operation

DECIDE = [("appeals", "view_appeal"), ("appeals", "change_appeal")]
GROUP_PERMISSIONS = {
    # The CPC decides appeals; the Program Officer handles them in admin.
    "Certification Program Committee": DECIDE,
    "Program Officer": DECIDE,
}


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
