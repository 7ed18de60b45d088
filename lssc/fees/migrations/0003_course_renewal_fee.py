"""The fee for renewing a course approval every three years (briefing, Appendix D).

The program has not published it; until staff set one, a renewal costs what the
third to tenth courses cost.
"""

import datetime

from django.db import migrations, models

LAUNCH = datetime.date(2010, 1, 1)


def load(apps, schema_editor):
    apps.get_model("fees", "Fee").objects.get_or_create(
        kind="course_renewal",
        audience="everyone",
        from_item=1,
        effective_from=LAUNCH,
        defaults={
            "amount_cents": 5000,
            "note": "Not published: the third-to-tenth course fee until the program "
            "sets one",
        },
    )


def unload(apps, schema_editor):
    apps.get_model("fees", "Fee").objects.filter(kind="course_renewal").delete()


class Migration(migrations.Migration):
    dependencies = [("fees", "0002_initial_schedule")]
    operations = [
        migrations.AlterField(
            model_name="fee",
            name="kind",
            field=models.CharField(
                choices=[
                    ("application", "Application"),
                    ("portfolio", "Portfolio submission"),
                    ("portfolio_resubmission", "Portfolio resubmission"),
                    ("course_approval", "Course approval"),
                    ("course_renewal", "Course approval renewal"),
                    ("renewal", "Renewal"),
                ],
                max_length=32,
            ),
        ),
        migrations.RunPython(load, unload),
    ]
