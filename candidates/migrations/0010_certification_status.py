"""A certification's state, ``issued`` or ``revoked``, changed only by the named
transition in ``candidates.transitions``; those revoked before it existed (their
``revoked_at`` set) start out revoked, in the history too."""

from django.db import migrations, models

STATUS = models.CharField(
    choices=[("issued", "Issued"), ("revoked", "Revoked")],
    default="issued",
    max_length=20,
)


def revoked_from_revoked_at(apps, schema_editor):
    for name in ("Certification", "HistoricalCertification"):
        model = apps.get_model("candidates", name)
        model.objects.exclude(revoked_at=None).update(status="revoked")


class Migration(migrations.Migration):
    dependencies = [("candidates", "0009_people_search_indexes")]

    operations = [
        migrations.AddField(model_name="certification", name="status", field=STATUS),
        migrations.AddField(
            model_name="historicalcertification", name="status", field=STATUS.clone()
        ),
        migrations.RunPython(revoked_from_revoked_at, migrations.RunPython.noop),
    ]
