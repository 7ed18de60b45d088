"""Emptying the demo database, keeping what the program's staff configure: the
competency catalog, the fee schedule, the manuals, the mail templates, and the
permissions and groups. Stored files that no record owns any more are removed."""

from django.apps import apps
from django.db import connection, transaction

from lssc.core.stored_files import delete_unowned_files

KEPT_APPS = {"contenttypes", "competencies", "fees", "manuals"}
KEPT_MODELS = {
    "auth.Permission",
    "auth.Group",
    "notifications.MailTemplate",
    "notifications.HistoricalMailTemplate",
}


def kept(model) -> bool:
    owner = model._meta.auto_created  # a many-to-many table: kept with both ends
    if owner:
        targets = [
            f.related_model for f in model._meta.concrete_fields if f.is_relation
        ]
        return all(kept(t) for t in targets)
    return model._meta.app_label in KEPT_APPS or model._meta.label in KEPT_MODELS


def reset() -> int:
    """Delete every row the program's activity made; returns the rows deleted.

    Foreign keys are checked at commit (Django creates them deferrable), so the
    tables are emptied in any order; the kept tables' links to the deleted rows
    (who last edited a fee, say) are cleared first.
    """
    models = [
        m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy
    ]
    gone = [m for m in models if not kept(m)]
    gone_tables = {m._meta.db_table for m in gone}
    deleted = 0
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model in models:
            if not kept(model):
                continue
            for field in model._meta.concrete_fields:
                target = getattr(field, "related_model", None)
                if target is not None and target._meta.db_table in gone_tables:
                    model._base_manager.filter(
                        **{f"{field.name}__isnull": False}
                    ).update(**{field.name: None})
        # Table names from the models' own metadata, quoted: no outside input.
        for table in sorted(gone_tables):
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608  # nosec B608
            deleted += cursor.rowcount
    delete_unowned_files()
    return deleted
