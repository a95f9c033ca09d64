"""A plain multi-row INSERT for hot write paths (customs receipts, the simulator's schedule).

Django 5.2 bulk-inserts on PostgreSQL through ``UNNEST`` of one array per column. With client-side
binding (our psycopg setting) every array is rendered in Python, escaping each string element with a
regular expression: for receipt rows, whose XML and JSON texts are full of quotes, that rendering cost
more than the database's own work. ``insert_values`` writes ``INSERT … VALUES (…), (…)`` instead, whose
values psycopg quotes in C. Same rows, same conflict handling; primary keys are not read back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections, router
from django.db.models import Model
from django.db.models.constants import OnConflict


def insert_values(objs: Sequence[Model], *, ignore_conflicts: bool = False) -> None:
    """Insert ``objs`` (all of one model, primary key left to the database) in as few statements as
    the database allows. ``ignore_conflicts``: rows that would break a unique constraint are skipped,
    as ``bulk_create(ignore_conflicts=True)`` does."""
    if not objs:
        return
    model = type(objs[0])
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    fields = [field for field in meta.local_concrete_fields if field is not meta.pk]
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    quote = connection.ops.quote_name
    head = (
        f"{connection.ops.insert_statement(on_conflict=on_conflict)} {quote(meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) VALUES "
    )
    suffix = connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None) or ""
    row_placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = max(min(connection.ops.bulk_batch_size(fields, objs), 1000), 1)
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            chunk = objs[start : start + size]
            params: list[Any] = []
            for obj in chunk:
                params.extend(field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields)
            cursor.execute(head + ", ".join([row_placeholder] * len(chunk)) + (f" {suffix}" if suffix else ""), params)
