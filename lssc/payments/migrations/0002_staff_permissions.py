from django.db import migrations

from lssc.accounts.permissions import grant_operation

GROUP_PERMISSIONS = {
    "Program Officer": [
        ("payments", "view_payment"),
        ("payments", "change_payment"),
        ("payments", "add_purchaseorder"),
        ("payments", "change_purchaseorder"),
        ("payments", "view_purchaseorder"),
        ("payments", "view_stripeevent"),
        ("audit", "view_auditentry"),
        ("notifications", "view_outgoingmail"),
        ("notifications", "change_outgoingmail"),
    ],
    "Program Assistant": [
        ("payments", "view_payment"),
        ("payments", "change_payment"),
        ("payments", "add_purchaseorder"),
        ("payments", "change_purchaseorder"),
        ("payments", "view_purchaseorder"),
        ("audit", "view_auditentry"),
        ("notifications", "view_outgoingmail"),
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
        ("audit", "0001_initial"),
        ("notifications", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
