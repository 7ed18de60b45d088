from django.db import migrations

from lssc.accounts.permissions import grant_operation

# The office sees what waits for the broker (the mail queue's twin).
GROUP_PERMISSIONS = {
    "Program Officer": [("outbox", "view_pendingtask")],
    "Program Assistant": [("outbox", "view_pendingtask")],
}


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_pending_tasks"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
