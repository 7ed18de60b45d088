"""The offer's decision fields come from ``lssc.audit.models.Decided``: ``reason`` is
``decision_reason`` (still shown as "reason"). Staff wording of the "not selected"
message follows the new name, so it keeps saying why."""

from django.db import migrations, models

OLD, NEW = "application.reason", "application.decision_reason"


def forwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(
        name="evaluator_declined", text__contains=OLD
    ):
        template.text = template.text.replace(OLD, NEW)
        template.save(update_fields=["text"])


def backwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(
        name="evaluator_declined", text__contains=NEW
    ):
        template.text = template.text.replace(NEW, OLD)
        template.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0010_evaluator_application_permissions"),
        ("notifications", "0008_mail_templates_without_load"),
    ]

    operations = [
        migrations.RenameField("evaluatorapplication", "reason", "decision_reason"),
        migrations.RenameField(
            "historicalevaluatorapplication", "reason", "decision_reason"
        ),
        migrations.AlterField(
            model_name="evaluatorapplication",
            name="decision_reason",
            field=models.TextField(blank=True, verbose_name="reason"),
        ),
        migrations.AlterField(
            model_name="historicalevaluatorapplication",
            name="decision_reason",
            field=models.TextField(blank=True, verbose_name="reason"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
