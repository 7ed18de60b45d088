from django.db import migrations

from lssc.accounts.permissions import grant_operation

VIEW = [("candidates", "view_certification")]
GROUP_PERMISSIONS = {
    # The Program Officer may revoke; the committees and the assistant look up.
    "Program Officer": [*VIEW, ("candidates", "change_certification")],
    "Program Assistant": VIEW,
    "Certification Review Committee": VIEW,
    "Certification Program Committee": VIEW,
}


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0004_certification"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
