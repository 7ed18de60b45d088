"""Trigram indexes for ``icontains`` searches, from a migration (PostgreSQL only).

``icontains`` runs as ``UPPER(col) LIKE UPPER('%term%')``; a GIN trigram index on
the same ``UPPER(col)`` expression serves it instead of reading every row. SQLite,
used for local development, has no such index and does not need one::

    migrations.RunPython(*trigram_indexes([("name", "table", "column")]))
"""


def trigram_indexes(indexes: list[tuple[str, str, str]]):
    """``(forwards, backwards)`` for ``RunPython``: ``(index, table, column)`` each."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in indexes:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, _, _ in indexes:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return create, drop
