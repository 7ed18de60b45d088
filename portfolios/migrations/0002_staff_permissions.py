from django.db import migrations

from lssc.accounts.permissions import grant_operation

VIEW = [
    ("portfolios", "view_portfolio"),
    ("portfolios", "view_narrative"),
    ("portfolios", "view_evidence"),
    ("portfolios", "view_evidencelink"),
]
GROUP_PERMISSIONS = {
    "Program Officer": [*VIEW, ("portfolios", "change_portfolio")],
    "Program Assistant": VIEW,
    "Certification Review Committee": VIEW,
    "Certification Program Committee": VIEW,
}


class Migration(migrations.Migration):
    dependencies = [
        ("portfolios", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
