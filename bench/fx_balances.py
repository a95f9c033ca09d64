"""Benchmark: the 收结汇 sub-account balance workbook (issue 12), previewed and applied.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fx_bench python bench/fx_balances.py --rows 10000

Creates ``--rows`` approved merchants (each with one 管理员, so every balance change sends one message),
writes a workbook of one balance row per merchant, then times, exactly as the endpoints run them:
``import_preview`` (calamine read, matching by credit code, per-cell checks, the preview stored) and
``import_apply`` (accounts locked, one 「余额更新」 ledger entry + its audit entry + a 「银行账户入账通知」
per merchant), then a re-upload of the same file (preview, and apply refused: nothing changes). The
floor of the same run: the raw calamine read of the file, and inserting the same number of ledger rows
with one ``bulk_create``.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import machine, setup

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"benchmark check failed: {what}")


def credit_code(tag: str, index: int) -> str:
    return f"91320722{tag}{index:06d}"


def make_merchants(rows: int) -> tuple[str, list[int]]:
    from jmt.accounts.models import User
    from jmt.merchants.models import MemberRole, Membership, Merchant, RegistrationStatus

    tag = "".join(ALPHABET[b % len(ALPHABET)] for b in uuid.uuid4().bytes[:4])
    merchants = Merchant.objects.bulk_create(
        [
            Merchant(
                name=f"基准商户 {tag}-{i}",
                registration_status=RegistrationStatus.APPROVED,
                credit_code=credit_code(tag, i),
                ccb_sub_account=f"3205{tag}{i:08d}",
            )
            for i in range(rows)
        ]
    )
    users = User.objects.bulk_create(
        [User(username=f"fxb-{tag}-{i}", name=f"管理员{i}", current_merchant=m) for i, m in enumerate(merchants)]
    )
    Membership.objects.bulk_create(
        [Membership(user=u, merchant=m, role=MemberRole.ADMIN) for u, m in zip(users, merchants, strict=True)]
    )
    return tag, [m.pk for m in merchants]


def workbook(tag: str, rows: int) -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet("余额")
    sheet.write_row(0, 0, ["商户", "统一社会信用代码", "子账户号", "币种", "余额", "余额日期"])
    for i in range(rows):
        sheet.write_row(
            i + 1, 0, [f"基准商户 {tag}-{i}", credit_code(tag, i), "", "USD", 1000 + i * 1.25, "2026-12-01"]
        )
    book.close()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    setup()
    from django.db import connection, transaction
    from python_calamine import CalamineWorkbook

    from jmt.accounts.models import User
    from jmt.accounts.selectors import build_actor
    from jmt.core.errors import ApiError
    from jmt.fx import imports
    from jmt.fx.models import Account, EntryKind, LedgerEntry
    from jmt.notifications.models import Message

    print("machine:", machine(), "database:", connection.vendor)
    staff, _ = User.objects.get_or_create(
        username="fx-bench-root", defaults={"is_staff": True, "is_superadmin": True, "name": "基准超级管理员"}
    )
    actor = build_actor(staff)

    started = time.perf_counter()
    tag, merchant_ids = make_merchants(args.rows)
    print(f"setup: {args.rows:,} merchants with one admin each in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    content = workbook(tag, args.rows)
    print(f"workbook: {len(content) / 1024:.0f} KB written in {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    floor_read = time.perf_counter() - started
    check(len(sheet) == args.rows + 1, "every row read")

    started = time.perf_counter()
    upload = imports.import_preview(actor=actor, file_name="基准余额表.xlsx", content=content)
    preview = time.perf_counter() - started
    check(upload.valid_rows == args.rows, f"{upload.total_rows - upload.valid_rows} rows refused")

    messages_before = Message.objects.count()
    started = time.perf_counter()
    imports.import_apply(actor=actor, import_id=upload.pk)
    apply = time.perf_counter() - started
    entries = LedgerEntry.objects.filter(balance_import=upload).count()
    messages = Message.objects.count() - messages_before
    check(entries == args.rows, "one entry per row")
    check(messages == args.rows, "one message per merchant admin")

    started = time.perf_counter()
    again = imports.import_preview(actor=actor, file_name="基准余额表.xlsx", content=content)
    repeat_preview = time.perf_counter() - started
    unchanged = sum(1 for row in again.rows if row["status"] == "unchanged")
    started = time.perf_counter()
    try:
        imports.import_apply(actor=actor, import_id=again.pk)
        refused = "applied (wrong)"
    except ApiError as exc:
        refused = exc.code
    repeat_apply = time.perf_counter() - started
    check(LedgerEntry.objects.filter(merchant_id__in=merchant_ids).count() == args.rows, "re-upload changed nothing")

    accounts = list(Account.objects.filter(merchant_id__in=merchant_ids))
    started = time.perf_counter()
    with transaction.atomic():
        LedgerEntry.objects.bulk_create(
            [
                LedgerEntry(
                    account=a,
                    merchant_id=a.merchant_id,
                    kind=EntryKind.BALANCE_UPDATE,
                    amount=0,
                    frozen=0,
                    balance_after=0,
                    frozen_after=0,
                )
                for a in accounts
            ]
        )
        floor_insert = time.perf_counter() - started
        transaction.set_rollback(True)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"preview ({args.rows:,} rows: read, match, check, store): {preview:.2f} s")
    print(f"apply ({entries:,} ledger entries + audit + {messages:,} messages): {apply:.2f} s")
    print(f"re-upload of the same file: preview {repeat_preview:.2f} s ({unchanged:,} rows unchanged)")
    print(f"re-upload apply: {refused} in {repeat_apply * 1000:.0f} ms")
    print(f"floor: raw calamine read {floor_read:.2f} s")
    print(f"floor: bulk_create of {len(accounts):,} ledger rows {floor_insert:.2f} s")
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
