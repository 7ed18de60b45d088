"""The recommended course becomes a link to an approved course; what was typed
before the catalog existed is kept as a note."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("evaluations", "0007_submission_permissions"),
    ]

    operations = [
        migrations.RenameField(
            model_name="decision",
            old_name="recommended_course",
            new_name="recommended_course_note",
        ),
        migrations.RenameField(
            model_name="historicaldecision",
            old_name="recommended_course",
            new_name="recommended_course_note",
        ),
        migrations.AlterField(
            model_name="decision",
            name="recommended_course_note",
            field=models.CharField(
                blank=True,
                help_text="A course recommendation typed before the catalog existed.",
                max_length=200,
            ),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="recommended_course_note",
            field=models.CharField(
                blank=True,
                help_text="A course recommendation typed before the catalog existed.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="recommended_course",
            field=models.ForeignKey(
                blank=True,
                help_text="An approved course of the set, linked in the revision "
                "request.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="courses.course",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="recommended_course",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="An approved course of the set, linked in the revision "
                "request.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="courses.course",
            ),
        ),
    ]
