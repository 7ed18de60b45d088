from django.db import migrations

from lssc.accounts.permissions import grant_operation

GROUP_PERMISSIONS = {
    "Program Officer": [("notifications", "view_reminder")],
    "Program Assistant": [("notifications", "view_reminder")],
}


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_reminders"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
