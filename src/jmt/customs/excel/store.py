"""Store validated rows: PostgreSQL COPY (psycopg 3 ``cursor.copy``), ``bulk_create`` elsewhere."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import orjson
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


COPY_BLOCK_ROWS = 500  # rows a write to the server carries (≈ 0.5 MB)


def _copy_text(text: str) -> str:
    """A field of COPY's text format: backslash, tab, newline and carriage return escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _copy_line(order_import_id: int, row: Row) -> str:
    """One row as a line of COPY's text format (``COPY_COLUMNS``; ``is_deleted`` too, as COPY bypasses
    the model's defaults). The JSON comes from orjson, which escapes control characters itself."""
    values = row.values
    data = orjson.dumps(values).decode().replace("\\", "\\\\")
    errors = orjson.dumps([e.as_dict() for e in row.errors]).decode().replace("\\", "\\\\") if row.errors else "[]"
    return (
        f"{order_import_id}\t{row.row_no}\t{'f' if row.errors else 't'}\tf\t"
        f"{_copy_text(values.get('orderNo', '')[:100])}\t{_copy_text(values.get('ebpCode', '')[:40])}\t"
        f"{_copy_text(values.get('logisticsNo', '')[:64])}\t{data}\t{errors}\n"
    )


def copy_blocks(order_import_id: int, rows: Sequence[Row]) -> Iterator[str]:
    """The COPY payload of ``rows`` (columns ``COPY_COLUMNS``), built once, in blocks of lines."""
    for start in range(0, len(rows), COPY_BLOCK_ROWS):
        yield "".join(_copy_line(order_import_id, row) for row in rows[start : start + COPY_BLOCK_ROWS])


def store_rows(order_import: OrderImport, rows: Sequence[Row]) -> str:
    """Write the rows in the caller's transaction; returns the method used (``copy`` or ``bulk_create``)."""
    if connection.vendor == "postgresql":
        table = ImportRow._meta.db_table
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg 3 cursor behind Django's wrapper
            with raw.copy(f"COPY {table} ({', '.join(COPY_COLUMNS)}) FROM STDIN") as copy:
                for block in copy_blocks(order_import.pk, rows):
                    copy.write(block)
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
