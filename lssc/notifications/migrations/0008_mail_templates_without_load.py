"""Staff wording copied from a default that loaded the program's tag library: the
sandbox has the ``usd`` filter built in and refuses ``{% load %}``, so the tag is
removed rather than the wording set aside."""

import re

from django.db import migrations

LOAD = re.compile(r"\{%\s*load\s+lssc\s*%\}\n?")


def forwards(apps, schema_editor):
    MailTemplate = apps.get_model("notifications", "MailTemplate")
    for template in MailTemplate.objects.filter(text__contains="load"):
        text = LOAD.sub("", template.text)
        if text != template.text:
            template.text = text
            template.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0007_mail_retry")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
