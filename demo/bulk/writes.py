"""Writing many rows at once with PostgreSQL's COPY, several times faster than
``bulk_create``'s INSERT: rows nobody refers to as tuples (``copy_rows``), the
others as model instances given their ids first (``insert``). Other databases
get ``bulk_create``."""

import operator
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection, models


@contextmanager
def dates_as_given(*model_classes):
    """Let bulk_create keep the dates given (auto_now(_add) would stamp now)."""
    fields = [
        f
        for m in model_classes
        for f in m._meta.fields
        if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def copy_rows(model, fields: list[str], rows: Iterable[tuple]) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``, attribute names such as
    ``portfolio_id``) without building model instances; the number written.

    COPY is several times faster than INSERT for the largest tables (narratives,
    ratings, the audit trail); other databases get ``bulk_create``.
    """
    if connection.vendor != "postgresql":
        objs = [model(**dict(zip(fields, row, strict=True))) for row in rows]
        model.objects.bulk_create(objs, batch_size=2000)
        return len(objs)
    columns = ", ".join(
        connection.ops.quote_name(model._meta.get_field(f).column) for f in fields
    )
    table = connection.ops.quote_name(model._meta.db_table)
    written = 0
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
            written += 1
    return written


def insert(model, objs) -> list:
    """Save the new instances ``objs`` and give them their ids, as ``bulk_create``
    does: the ids are taken from the table's sequence, then the rows copied."""
    objs = list(objs)
    if not objs or connection.vendor != "postgresql":
        return model.objects.bulk_create(objs, batch_size=2000)
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
            "FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objs)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
    fields = meta.concrete_fields
    getters = [_getter(f) for f in fields]
    copy_rows(
        model,
        [f.attname for f in fields],
        (tuple(get(obj) for get in getters) for obj in objs),
    )
    return objs


# Fields whose value PostgreSQL takes as the instance holds it: no conversion.
_AS_IS = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.DateField,
    models.DateTimeField,
    models.ForeignKey,
    models.IntegerField,
    models.PositiveBigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.SmallIntegerField,
    models.TextField,
)


def _getter(field):
    """How to read ``field``'s database value from an instance: its attribute, or
    what ``bulk_create`` would send (dates stamped, JSON wrapped, files named)."""
    stamped = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    if type(field) in _AS_IS and not stamped:
        return operator.attrgetter(field.attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


@contextmanager
def foreign_keys_checked_after(model_classes):
    """Check the foreign keys of the tables of ``model_classes`` once, after the
    load, rather than row by row at each commit (a quarter of the load's time).

    The keys are dropped, then added back and validated: nothing is left
    unchecked, and should a row break one, the key is still there (added as not
    valid) and the validation's error names it. Inside a transaction (a test),
    or on another database, the keys stay as they are.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    tables = [m._meta.db_table for m in model_classes]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid::regclass::text = ANY(%s) ORDER BY 1, 2",
            [tables],
        )
        keys = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {_quoted(name)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for table, name, definition in keys:
                cursor.execute(
                    f"ALTER TABLE {table} ADD CONSTRAINT {_quoted(name)} {definition} "
                    "NOT VALID"
                )
            for table, name, _ in keys:
                cursor.execute(
                    f"ALTER TABLE {table} VALIDATE CONSTRAINT {_quoted(name)}"
                )


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)
