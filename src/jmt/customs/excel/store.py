"""Store validated rows: PostgreSQL COPY (psycopg 3 ``cursor.copy``), ``bulk_create`` elsewhere."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import connection

from jmt.customs.excel.validation import Row
from jmt.customs.models import ImportRow, OrderImport

COPY_COLUMNS = (
    "order_import_id",
    "row_no",
    "is_valid",
    "is_deleted",
    "order_no",
    "ebp_code",
    "logistics_no",
    "data",
    "errors",
)


def _record(order_import_id: int, row: Row) -> tuple[object, ...]:
    values = row.values
    return (
        order_import_id,
        row.row_no,
        not row.errors,
        False,  # COPY bypasses the model's defaults: every column is given
        values.get("orderNo", "")[:100],
        values.get("ebpCode", "")[:40],
        values.get("logisticsNo", "")[:64],
        json.dumps(values, ensure_ascii=False, separators=(",", ":")),
        json.dumps([e.as_dict() for e in row.errors], ensure_ascii=False, separators=(",", ":")),
    )


def store_rows(order_import: OrderImport, rows: Sequence[Row]) -> str:
    """Write the rows in the caller's transaction; returns the method used (``copy`` or ``bulk_create``)."""
    if connection.vendor == "postgresql":
        table = ImportRow._meta.db_table
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg 3 cursor behind Django's wrapper
            with raw.copy(f"COPY {table} ({', '.join(COPY_COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_record(order_import.pk, row))
        return "copy"
    ImportRow.objects.bulk_create(
        (
            ImportRow(
                order_import=order_import,
                row_no=row.row_no,
                is_valid=not row.errors,
                order_no=row.values.get("orderNo", "")[:100],
                ebp_code=row.values.get("ebpCode", "")[:40],
                logistics_no=row.values.get("logisticsNo", "")[:64],
                data=row.values,
                errors=[e.as_dict() for e in row.errors],
            )
            for row in rows
        ),
        batch_size=2000,
    )
    return "bulk_create"
