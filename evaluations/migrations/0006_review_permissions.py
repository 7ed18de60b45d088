from django.db import migrations

from lssc.accounts.permissions import grant_operation

READ = [("evaluations", "view_review"), ("evaluations", "view_competencyrating")]
GROUP_PERMISSIONS = {
    "Program Officer": READ,
    "Certification Review Committee": READ,
    "Certification Program Committee": READ,  # appeals need the reviews
}


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0005_decision_permissions")]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
