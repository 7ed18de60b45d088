"""The renewal's decision fields come from ``lssc.audit.models.Decided``: ``reason``
is ``decision_reason`` (still shown as "reason"). Staff wording of the returned-renewal
message follows the new name, so it keeps saying why."""

import re

from django.db import migrations, models

OLD = re.compile(r"\brenewal\.reason\b")


def forwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(text__contains="renewal.reason"):
        template.text = OLD.sub("renewal.decision_reason", template.text)
        template.save(update_fields=["text"])


def backwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(text__contains="renewal.decision_"):
        template.text = template.text.replace(
            "renewal.decision_reason", "renewal.reason"
        )
        template.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [
        ("renewals", "0002_staff_permissions"),
        ("notifications", "0008_mail_templates_without_load"),
    ]

    operations = [
        migrations.RenameField("renewal", "reason", "decision_reason"),
        migrations.RenameField("historicalrenewal", "reason", "decision_reason"),
        migrations.AlterField(
            model_name="renewal",
            name="decision_reason",
            field=models.TextField(blank=True, verbose_name="reason"),
        ),
        migrations.AlterField(
            model_name="historicalrenewal",
            name="decision_reason",
            field=models.TextField(blank=True, verbose_name="reason"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
