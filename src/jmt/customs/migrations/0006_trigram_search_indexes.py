"""Substring search on order, inventory and waybill numbers (``/customs/orders?search=``) uses trigram
GIN indexes on PostgreSQL: Django's ``icontains`` is ``UPPER(col::text) LIKE UPPER('%…%')``, which no
B-tree can serve, so the indexes are on that very expression. A no-op on SQLite (small data, no pg_trgm).

``pg_trgm`` is a trusted extension (PostgreSQL 13+): the database owner may create it.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

INDEXES = (
    ("customs_order_no_trgm", "customs_order", "order_no"),
    ("customs_inventory_invt_no_trgm", "customs_inventory", "invt_no"),
    ("customs_inventory_logistics_no_trgm", "customs_inventory", "logistics_no"),
)


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("customs", "0005_receipt_refused_for_another_merchant")]

    operations = [migrations.RunPython(create, drop)]
