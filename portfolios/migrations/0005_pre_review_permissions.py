from django.db import migrations

from lssc.accounts.permissions import grant_operation

PRE_REVIEW = [
    ("portfolios", "view_prereview"),
    ("portfolios", "change_prereview"),
    ("portfolios", "view_prereviewcomment"),
    ("portfolios", "add_prereviewcomment"),
    ("portfolios", "change_prereviewcomment"),
    ("portfolios", "delete_prereviewcomment"),
]
GROUP_PERMISSIONS = {
    "Program Officer": PRE_REVIEW,
    "Program Assistant": PRE_REVIEW,
    "Certification Review Committee": PRE_REVIEW,
}


class Migration(migrations.Migration):
    dependencies = [("portfolios", "0004_pre_reviews")]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
