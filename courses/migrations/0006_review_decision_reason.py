"""Completions' and recognition claims' decision fields come from
``lssc.audit.models.Decided``: ``reason`` is ``decision_reason`` (still shown as
"reason"). Staff wording of the two refusal messages follows the new name, so they
keep saying why."""

import re

from django.db import migrations, models

# (message, the record's name in it)
MESSAGES = [("completion_rejected", "completion"), ("recognition_rejected", "claim")]


def forwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for name, record in MESSAGES:
        old = re.compile(rf"\b{record}\.reason\b")
        for template in MailTemplate.objects.filter(name=name):
            template.text = old.sub(f"{record}.decision_reason", template.text)
            template.save(update_fields=["text"])


def backwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for name, record in MESSAGES:
        for template in MailTemplate.objects.filter(name=name):
            template.text = template.text.replace(
                f"{record}.decision_reason", f"{record}.reason"
            )
            template.save(update_fields=["text"])


def _renamed(model):
    return [
        migrations.RenameField(model, "reason", "decision_reason"),
        migrations.AlterField(
            model_name=model,
            name="decision_reason",
            field=models.TextField(blank=True, verbose_name="reason"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_shared_reminder_log"),
        ("notifications", "0008_mail_templates_without_load"),
    ]

    operations = [
        *_renamed("completion"),
        *_renamed("historicalcompletion"),
        *_renamed("recognitionclaim"),
        *_renamed("historicalrecognitionclaim"),
        migrations.RunPython(forwards, backwards),
    ]
