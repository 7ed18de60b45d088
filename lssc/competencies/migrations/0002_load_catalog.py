"""Load the ten competency sets verbatim from the program's 2008 publication.

The text is the briefing document's Appendix B with only PDF line-break artefacts
repaired; ``catalog_2008.json`` beside this file is the frozen source.
"""

import datetime
import json
from pathlib import Path

from django.db import migrations

SOURCE = Path(__file__).with_name("catalog_2008.json")


def load(apps, schema_editor):
    CompetencySet = apps.get_model("competencies", "CompetencySet")
    Competency = apps.get_model("competencies", "Competency")
    catalog = json.loads(SOURCE.read_text(encoding="utf-8"))
    for position, entry in enumerate(catalog, start=1):
        competency_set, _ = CompetencySet.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "is_required": entry["required"],
                "description": entry["description"],
                "revised_on": datetime.date.fromisoformat(entry["revised"])
                if entry["revised"]
                else None,
                "position": position,
            },
        )
        for item in entry["competencies"]:
            Competency.objects.update_or_create(
                competency_set=competency_set,
                number=item["number"],
                defaults={
                    "part": item["part"],
                    "kind": item["kind"],
                    "text": item["text"],
                },
            )


def unload(apps, schema_editor):
    apps.get_model("competencies", "Competency").objects.all().delete()
    apps.get_model("competencies", "CompetencySet").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("competencies", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
