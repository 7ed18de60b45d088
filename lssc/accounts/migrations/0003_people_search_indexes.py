"""Trigram indexes for finding people by part of their name or email (PostgreSQL
only): the admin's searches of people's records, payments and the audit trail look
people up first (``lssc.core.admin_search``). The indexes on candidacy's tables,
once made here too, belong to ``candidates`` migration 0009. ``icontains`` runs as
``UPPER(col) LIKE UPPER('%term%')``; a GIN trigram index on the same expression
serves it. SQLite, used for local development, has no such index and does not need
one."""

from django.db import migrations

from lssc.core.trigram import trigram_indexes

INDEXES = [
    ("user_email_trgm", "accounts_user", "email"),
    ("user_full_name_trgm", "accounts_user", "full_name"),
    ("payment_reference_trgm", "payments_payment", "reference"),
    ("audit_summary_trgm", "audit_auditentry", "summary"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_staff_groups"),
        ("payments", "0004_alter_historicalpayment_kind_alter_payment_kind"),
        ("audit", "0001_initial"),
    ]
    operations = [migrations.RunPython(*trigram_indexes(INDEXES))]
