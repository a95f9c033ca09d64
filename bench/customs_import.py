"""Benchmark: a 100,000-row e-order workbook → parse + validate + store (PostgreSQL COPY).

    python bench/customs_import.py generate --rows 100000 --out /tmp/customs-bench.xlsx
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/customs \
        python bench/customs_import.py measure /tmp/customs-bench.xlsx

``measure`` runs in a fresh process and reports, for the same run: the total of parse + validate +
store (``order_import_create``) in wall-clock and in processor seconds (this process and the reader
child: the figure to compare when the machine is shared), the process's peak memory and the reader
child process's, the time of the checked, sandboxed read alone, the raw calamine parse time (every cell
read, nothing else, in process) and the raw COPY time (the same rows' COPY payload, already built,
written into the table).
Not a test: it prints JSON and exits 0.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _django


def generate(rows: int, out: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    sys.path.insert(0, str(_django.ROOT / "src"))
    from jmt.customs.excel.columns import COLUMNS, header_text

    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("电子订单")
    for col, column in enumerate(COLUMNS):
        sheet.write_string(0, col, header_text(column))
    line = 0
    order = 0
    while line < rows:
        order += 1
        lines = 1 + (order % 3 == 0)  # two lines every third order
        for item in range(lines):
            if line >= rows:
                break
            line += 1
            qty = 1 + (line % 5)
            price = 12.5 + (line % 40)
            values = [
                f"BENCH{order:08d}", "3207960P01", "东海水晶跨境商城", f"SKU-{item + 1:03d}", "8mm 紫水晶手链",
                "天然紫水晶手链", "7116200000", "手链|半宝石|天然紫水晶|无品牌", "", qty, "007-个", 0.05 * qty,
                "035-千克", price, qty * price, "502-美元 USD", "502-美国", "3207960L01", "东海国际快递",
                f"SF{order:010d}", 0, 0.35 * lines, 0.3 * lines, 1, "2026-03-18", "",
            ]  # fmt: skip
            for col, value in enumerate(values):
                if value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(line, col, value)
                else:
                    sheet.write_number(line, col, value)
    book.close()
    print(json.dumps({"rows": rows, "orders": order, "file": str(out), "size_mb": round(out.stat().st_size / 2**20, 1),
                      "seconds": round(time.perf_counter() - started, 2)}))  # fmt: skip


def _cpu_seconds() -> float:
    """Processor time (user + system) of this process and of its finished children (the sheet reader)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(path: Path) -> None:
    _django.setup()
    from django.db import connection, transaction
    from python_calamine import CalamineWorkbook

    from jmt.customs.excel.safety import read_sheet
    from jmt.customs.excel.store import COPY_COLUMNS, copy_blocks
    from jmt.customs.models import ImportRow, OrderImport
    from jmt.customs.services.imports import order_import_create

    actor, batch, _tag = _django.bench_actor("import")
    content = path.read_bytes()

    started = time.perf_counter()
    cpu_started = _cpu_seconds()
    result = order_import_create(actor=actor, file_name=path.name, content=content, batch=batch, max_rows=200_000)
    total = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The sheet is read in a child process (issue 9 item 4): its peak and its share of the time.
    child_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    started = time.perf_counter()
    read_sheet(content, max_rows=200_000)
    reader_seconds = time.perf_counter() - started

    started = time.perf_counter()
    cells = 0
    book = CalamineWorkbook.from_path(str(path))
    for row in book.get_sheet_by_name("电子订单").iter_rows():
        cells += len(row)
    raw_parse = time.perf_counter() - started

    copy_seconds = 0.0
    if connection.vendor == "postgresql":
        with transaction.atomic():
            scratch = OrderImport.objects.create(merchant=actor.merchant, file_name="raw-copy", sha256="0")
            blocks = list(copy_blocks(scratch.pk, result.outcome.rows))
            started = time.perf_counter()
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(f"COPY {ImportRow._meta.db_table} ({', '.join(COPY_COLUMNS)}) FROM STDIN") as copy,
            ):
                for block in blocks:
                    copy.write(block)
            copy_seconds = time.perf_counter() - started
            transaction.set_rollback(True)
    order_import = result.order_import
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "rows": order_import.total_rows,
                "orders": order_import.order_count,
                "valid_rows": order_import.valid_rows,
                "errors": order_import.error_count,
                "store_method": result.store_method,
                "total_seconds": round(total, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_rss_mb": round(peak_mb),
                "reader_process_peak_rss_mb": round(child_peak_mb),
                "checked_and_sandboxed_read_seconds": round(reader_seconds, 2),
                "raw_calamine_parse_seconds": round(raw_parse, 2),
                "raw_copy_seconds": round(copy_seconds, 2),
                "cells": cells,
                "machine": _django.machine(),
            },
            ensure_ascii=False,
        )
    )
    ImportRow.objects.filter(order_import=order_import).delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--rows", type=int, default=100_000)
    gen.add_argument("--out", type=Path, default=Path("/tmp/customs-bench-100k.xlsx"))  # noqa: S108 - a bench file
    mes = sub.add_parser("measure")
    mes.add_argument("workbook", type=Path)
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.rows, args.out)
    else:
        measure(args.workbook)


if __name__ == "__main__":
    main()
