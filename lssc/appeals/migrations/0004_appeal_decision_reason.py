"""The appeal's decision fields come from ``lssc.audit.models.Decided``: ``decision``
(the CPC's decision) is ``decision_reason``, labelled as before. Staff wording of the
decision message follows the new name, so it keeps quoting the decision."""

import re

from django.db import migrations

OLD = re.compile(r"\bappeal\.decision\b(?!_)")


def forwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(text__contains="appeal.decision"):
        text = OLD.sub("appeal.decision_reason", template.text)
        if text != template.text:
            template.text = text
            template.save(update_fields=["text"])


def backwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(text__contains="appeal.decision_"):
        text = template.text.replace("appeal.decision_reason", "appeal.decision")
        if text != template.text:
            template.text = text
            template.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0003_notice_review_documents"),
        ("notifications", "0008_mail_templates_without_load"),
    ]

    operations = [
        migrations.RenameField("appeal", "decision", "decision_reason"),
        migrations.RenameField("historicalappeal", "decision", "decision_reason"),
        migrations.RunPython(forwards, backwards),
    ]
