from django.db import migrations

from lssc.accounts.permissions import grant_operation

GROUP_PERMISSIONS = {
    "Program Officer": [("payments", "view_invoice")],
    "Program Assistant": [("payments", "view_invoice")],
}


def counter_row(apps, schema_editor):
    """The row invoice numbers are taken from, starting at nothing given."""
    apps.get_model("payments", "InvoiceCounter").objects.get_or_create(
        name="invoice", defaults={"last": 0}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0006_invoices"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [
        migrations.RunPython(counter_row, migrations.RunPython.noop),
        migrations.RunPython(*grant_operation(GROUP_PERMISSIONS)),
    ]
