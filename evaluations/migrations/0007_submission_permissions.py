from django.db import migrations

from lssc.accounts.permissions import grant_operation

VIEW = [("portfolios", "view_submission")]
GROUP_PERMISSIONS = {
    "Program Officer": VIEW,
    "Program Assistant": VIEW,
    "Certification Review Committee": VIEW,
    "Certification Program Committee": VIEW,
}


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0006_review_permissions"),
        ("portfolios", "0005_pre_review_permissions"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
