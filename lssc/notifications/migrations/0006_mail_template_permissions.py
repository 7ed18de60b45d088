from django.db import migrations

from lssc.accounts.permissions import grant_operation

EDIT = [
    ("notifications", "view_mailtemplate"),
    ("notifications", "add_mailtemplate"),
    ("notifications", "change_mailtemplate"),
    ("notifications", "delete_mailtemplate"),
]
GROUP_PERMISSIONS = {"Program Officer": EDIT, "Program Assistant": EDIT}


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0005_mail_templates"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
