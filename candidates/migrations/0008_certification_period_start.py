import datetime

from django.db import migrations, models
from django.db.models import F


def fill(apps, schema_editor):
    apps.get_model("candidates", "Certification").objects.update(
        period_starts_on=F("certified_on")
    )


class Migration(migrations.Migration):
    dependencies = [("candidates", "0007_publicity")]

    operations = [
        migrations.AddField(
            model_name="certification",
            name="period_starts_on",
            field=models.DateField(
                default=datetime.date(2000, 1, 1),
                help_text="The start of the current period: the certification day, "
                "then each renewed period's start (the previous expiry).",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcertification",
            name="period_starts_on",
            field=models.DateField(
                default=datetime.date(2000, 1, 1),
                help_text="The start of the current period: the certification day, "
                "then each renewed period's start (the previous expiry).",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
