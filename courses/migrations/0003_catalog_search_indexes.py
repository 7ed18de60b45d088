"""Trigram indexes for the catalog's word search (PostgreSQL only).

The search matches each word anywhere in a course's title or description or its
provider's name (``icontains``, which PostgreSQL runs as ``UPPER(col) LIKE
UPPER('%word%')``). A GIN trigram index on the same ``UPPER(col)`` expression serves
those matches instead of reading every course. SQLite, used for local
development, has no such index and does not need one.
"""

from django.db import migrations

INDEXES = [
    ("course_title_trgm", "courses_course", "title"),
    ("course_description_trgm", "courses_course", "description"),
    ("provider_name_trgm", "courses_provider", "name"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_staff_permissions")]
    operations = [migrations.RunPython(create, drop)]
