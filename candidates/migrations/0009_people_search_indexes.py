"""Trigram indexes on candidacy's tables for the admin's searches (PostgreSQL only):
a person found by candidate number, applications by library name
(``lssc.core.admin_search``). They were made by ``accounts`` migration 0003 before
it stopped depending on this app; ``IF NOT EXISTS`` leaves those in place."""

from django.db import migrations

from lssc.core.trigram import trigram_indexes

INDEXES = [
    ("candidate_number_trgm", "candidates_candidate", "number"),
    ("application_library_trgm", "candidates_application", "library_name"),
]


class Migration(migrations.Migration):
    dependencies = [("candidates", "0008_certification_period_start")]
    operations = [migrations.RunPython(*trigram_indexes(INDEXES))]
