"""The program's published fees (FAQ 21; briefing document, Appendix D)."""

import datetime

from django.db import migrations

LAUNCH = datetime.date(2010, 1, 1)

ROWS = [
    # kind, audience, from_item, to_item, amount_cents, note
    ("application", "non_member", 1, None, 35000, "FAQ 21"),
    ("application", "ala_member", 1, None, 32500, "FAQ 21"),
    ("portfolio", "non_member", 1, None, 6000, "FAQ 21, per portfolio"),
    ("portfolio", "ala_member", 1, None, 5000, "FAQ 21, per portfolio"),
    (
        "portfolio_resubmission",
        "everyone",
        1,
        None,
        0,
        "No fee until the program sets one",
    ),
    ("course_approval", "everyone", 1, 2, 10000, "Courses one and two"),
    ("course_approval", "everyone", 3, 10, 5000, "Courses three to ten"),
    (
        "course_approval",
        "everyone",
        11,
        None,
        5000,
        "Not published: continues the last published tier until the program sets one",
    ),
    ("renewal", "everyone", 1, None, 0, "No fee until the program sets one"),
]


def load(apps, schema_editor):
    Fee = apps.get_model("fees", "Fee")
    for kind, audience, from_item, to_item, amount, note in ROWS:
        Fee.objects.get_or_create(
            kind=kind,
            audience=audience,
            from_item=from_item,
            effective_from=LAUNCH,
            defaults={"to_item": to_item, "amount_cents": amount, "note": note},
        )


def unload(apps, schema_editor):
    apps.get_model("fees", "Fee").objects.filter(effective_from=LAUNCH).delete()


class Migration(migrations.Migration):
    dependencies = [("fees", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
