"""Trigram GIN indexes for substring search on PostgreSQL, as a migration operation.

Django's ``icontains`` is ``UPPER(col::text) LIKE UPPER('%…%')``, which no B-tree can serve, so the index is on
that very expression. On SQLite (``make run``: small data, no ``pg_trgm``) the operation does nothing.
``pg_trgm`` is a trusted extension (PostgreSQL 13+): the database owner may create it.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def upper_trigram_indexes(indexes: tuple[tuple[str, str, str], ...]) -> migrations.RunPython:
    """``indexes``: (index name, table, column) for each column searched with ``icontains``."""

    def create(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in indexes:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )

    def drop(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, _table, _column in indexes:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(create, drop)
