"""Trigram indexes for the catalog's word search (PostgreSQL only).

The search matches each word anywhere in a course's title or description or its
provider's name (``icontains``, which PostgreSQL runs as ``UPPER(col) LIKE
UPPER('%word%')``). A GIN trigram index on the same ``UPPER(col)`` expression serves
those matches instead of reading every course. SQLite, used for local
development, has no such index and does not need one.
"""

from django.db import migrations

from lssc.core.trigram import trigram_indexes

INDEXES = [
    ("course_title_trgm", "courses_course", "title"),
    ("course_description_trgm", "courses_course", "description"),
    ("provider_name_trgm", "courses_provider", "name"),
]


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_staff_permissions")]
    operations = [migrations.RunPython(*trigram_indexes(INDEXES))]
