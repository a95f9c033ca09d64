"""The sub-account balance workbook (F2): upload → preview with per-cell Chinese errors → apply.

Columns (found by their header in the first rows): 商户, 统一社会信用代码, 子账户号, 币种, 余额,
余额日期. A row is matched to a merchant by its credit code or its sub-account number (both given
must name the same merchant); unmatched rows are refused with the reason. Applying writes, per
changed account, a 「余额更新」 entry that brings the ledger to the workbook's balance, and a
「银行账户入账通知」 to the merchant's members. Applying the same file again changes nothing: its
SHA-256 is refused once applied, and a row whose balance equals the ledger's writes no entry anyway.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]
from django.db import transaction
from django.utils import timezone
from python_calamine import CalamineError, CalamineWorkbook

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.fx import ledger
from jmt.fx.errors import FxError
from jmt.fx.models import Account, BalanceImport, EntryKind, ImportStatus, LedgerEntry
from jmt.merchants.models import Merchant
from jmt.notifications.services import Outgoing, notify_many, recipients_by_merchant

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 10
CENT = Decimal("0.01")

HEADERS: dict[str, str] = {
    "商户": "merchant_name",
    "商户名称": "merchant_name",
    "统一社会信用代码": "credit_code",
    "子账户号": "sub_account_no",
    "子账号": "sub_account_no",
    "币种": "currency",
    "余额": "balance",
    "余额日期": "balance_date",
}
LABELS = {
    "merchant_name": "商户",
    "credit_code": "统一社会信用代码",
    "sub_account_no": "子账户号",
    "currency": "币种",
    "balance": "余额",
    "balance_date": "余额日期",
}
REQUIRED = ("currency", "balance", "balance_date")
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _decimal(cell: Any) -> Decimal | None:
    if cell is None or cell == "":
        return None
    try:
        value = Decimal(str(cell).replace(",", "").replace("$", "").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _date(cell: Any) -> dt.date | None:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool) and 1 <= cell < 2958466:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(cell))  # an Excel serial day without a date format
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", _text(cell))
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


TEMPLATE_HEADERS = ("商户", "统一社会信用代码", "子账户号", "币种", "余额", "余额日期")


def template() -> bytes:
    """The workbook the back office fills in: the header row and one example row."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("子账户余额")
    bold = book.add_format({"bold": True, "bg_color": "#EEF2FF"})
    text = book.add_format({"num_format": "@"})
    sheet.write_row(0, 0, TEMPLATE_HEADERS, bold)
    sheet.write_row(1, 0, ["东海晶莹水晶", "91320722MA1XYK1234", "32050161000100001234", "USD"], text)
    sheet.write_number(1, 4, 12580.00, book.add_format({"num_format": "#,##0.00"}))
    sheet.write_string(1, 5, "2026-12-01", text)
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 2, 26, text)
    sheet.set_column(3, 5, 14)
    book.close()
    return buffer.getvalue()


def _check_package(content: bytes) -> None:
    if len(content) > MAX_FILE_BYTES:
        raise FxError.import_file_invalid(f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FxError.import_file_invalid("文件解压后过大")
    except zipfile.BadZipFile as exc:
        raise FxError.import_file_invalid("不是 .xlsx 文件") from exc


def read_rows(content: bytes) -> list[tuple[int, dict[str, Any]]]:
    """(Excel row number, raw cells by column key) for every non-blank data row of the first sheet."""
    _check_package(content)
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        cells = sheet.to_python(skip_empty_area=False)
    except (CalamineError, ValueError, IndexError) as exc:
        raise FxError.import_file_invalid(str(exc)[:200]) from exc
    header_at, columns = None, {}
    for index, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        found = {
            pos: HEADERS[_text(c).replace(" ", "").replace("*", "")]
            for pos, c in enumerate(row)
            if _text(c).replace(" ", "").replace("*", "") in HEADERS
        }
        if len(found) >= 3:
            header_at, columns = index, found
            break
    keys = set(columns.values())
    missing = [LABELS[k] for k in REQUIRED if k not in keys]
    if "credit_code" not in keys and "sub_account_no" not in keys:
        missing.append("统一社会信用代码 或 子账户号")
    if header_at is None or missing:
        raise FxError.import_headers_missing(missing or [LABELS[k] for k in REQUIRED])
    rows = []
    for index, row in enumerate(cells[header_at + 1 :], start=header_at + 2):
        values = {key: row[pos] if pos < len(row) else None for pos, key in columns.items()}
        if all(_text(v) == "" for v in values.values()):
            continue
        rows.append((index, values))
        if len(rows) > MAX_ROWS:
            raise FxError.import_too_many_rows(MAX_ROWS)
    return rows


@dataclass
class _Lookup:
    by_code: dict[str, Merchant]
    by_sub: dict[str, Merchant]
    accounts: dict[int, Account]
    totals: dict[int, ledger.Totals]


def _lookup(raw_rows: list[tuple[int, dict[str, Any]]]) -> _Lookup:
    codes = {_text(v.get("credit_code")).upper() for _, v in raw_rows} - {""}
    subs = {_text(v.get("sub_account_no")) for _, v in raw_rows} - {""}
    by_code = {m.credit_code.upper(): m for m in Merchant.objects.filter(credit_code__in=codes)} if codes else {}
    by_sub: dict[str, Merchant] = {}
    if subs:
        by_sub = {m.ccb_sub_account: m for m in Merchant.objects.filter(ccb_sub_account__in=subs)}
        for account in Account.objects.filter(sub_account_no__in=subs).select_related("merchant"):
            by_sub.setdefault(account.sub_account_no, account.merchant)
    merchant_ids = {m.pk for m in [*by_code.values(), *by_sub.values()]}
    accounts = {a.merchant_id: a for a in Account.objects.filter(merchant_id__in=merchant_ids)}
    totals = ledger.totals_of([a.pk for a in accounts.values()])
    return _Lookup(by_code, by_sub, accounts, {mid: totals[a.pk] for mid, a in accounts.items()})


def _check_row(
    number: int, raw: dict[str, Any], lookup: _Lookup, seen: dict[int, int], today: dt.date
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    code = _text(raw.get("credit_code")).upper()
    sub = _text(raw.get("sub_account_no"))
    merchant: Merchant | None = None
    if code and not CREDIT_CODE.match(code):
        errors["credit_code"] = "统一社会信用代码应为 18 位数字或大写字母"
    by_code = lookup.by_code.get(code) if code else None
    by_sub = lookup.by_sub.get(sub) if sub else None
    if not code and not sub:
        errors["credit_code"] = "请填写统一社会信用代码或子账户号"
    elif by_code and by_sub and by_code.pk != by_sub.pk:
        errors["sub_account_no"] = f"子账户号属于「{by_sub.display_name}」，与统一社会信用代码的商户不一致"
    else:
        merchant = by_code or by_sub
        if merchant is None and "credit_code" not in errors:
            field = "credit_code" if code else "sub_account_no"
            errors[field] = f"未找到{'统一社会信用代码' if code else '子账户号'}为「{code or sub}」的商户"
    currency = _text(raw.get("currency")).upper() or ""
    if currency in ("美元", "USD"):
        currency = "USD"
    elif not currency:
        errors["currency"] = "请填写币种"
    else:
        errors["currency"] = "子账户余额只支持美元（USD）"
    balance = _decimal(raw.get("balance"))
    if balance is None:
        errors["balance"] = "请填写数字格式的余额"
    elif balance < 0:
        errors["balance"] = "余额不能为负数"
    elif balance != balance.quantize(CENT):
        errors["balance"] = "余额最多保留 2 位小数"
    elif balance >= Decimal("1e15"):
        errors["balance"] = "余额过大，请核对"
    balance_date = _date(raw.get("balance_date"))
    if balance_date is None:
        errors["balance_date"] = "请填写日期，如 2026-12-01"
    elif balance_date > today:
        errors["balance_date"] = "余额日期不能晚于今天"
    account = lookup.accounts.get(merchant.pk) if merchant else None
    if merchant is not None:
        first = seen.setdefault(merchant.pk, number)
        if first != number:
            errors["credit_code" if code else "sub_account_no"] = f"与第 {first} 行是同一商户"
        if account and account.balance_date and balance_date and balance_date < account.balance_date:
            errors["balance_date"] = f"早于系统中已有的余额日期 {account.balance_date:%Y-%m-%d}"
    current = lookup.totals[merchant.pk].balance if merchant and merchant.pk in lookup.totals else Decimal("0.00")
    status = "error" if errors else ("unchanged" if balance == current else "ok")
    return {
        "row": number,
        "merchant_name": _text(raw.get("merchant_name")),
        "credit_code": code,
        "sub_account_no": sub,
        "currency": currency,
        "balance": str(balance.quantize(CENT))
        if balance is not None and "balance" not in errors
        else _text(raw.get("balance")),
        "balance_date": balance_date.isoformat() if balance_date else _text(raw.get("balance_date")),
        "merchant_id": merchant.pk if merchant and not errors else None,
        "matched_merchant": merchant.display_name if merchant else "",
        "current_balance": str(current),
        "delta": str(balance - current) if balance is not None and not errors else None,
        "status": status,
        "errors": errors,
    }


@transaction.atomic
def import_preview(*, actor: Actor, file_name: str, content: bytes) -> BalanceImport:
    raw_rows = read_rows(content)
    lookup = _lookup(raw_rows)
    seen: dict[int, int] = {}
    today = timezone.localdate()
    rows = [_check_row(number, raw, lookup, seen, today) for number, raw in raw_rows]
    upload = BalanceImport.objects.create(
        file_name=file_name[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        rows=rows,
        total_rows=len(rows),
        valid_rows=sum(1 for r in rows if r["status"] != "error"),
        changed_rows=sum(1 for r in rows if r["status"] == "ok"),
        uploaded_by=actor.user,
    )
    record(
        actor=actor,
        module="fx",
        action="balance_import_upload",
        obj=upload,
        before={},
        after={"file_name": upload.file_name, "rows": upload.total_rows, "valid_rows": upload.valid_rows},
    )
    return upload


def already_applied(upload: BalanceImport) -> BalanceImport | None:
    return (
        BalanceImport.objects.filter(sha256=upload.sha256, status=ImportStatus.APPLIED)
        .exclude(pk=upload.pk)
        .order_by("applied_at")
        .first()
    )


def _accounts_locked(rows: list[dict[str, Any]]) -> dict[int, Account]:
    merchants = {m.pk: m for m in Merchant.objects.filter(pk__in={r["merchant_id"] for r in rows})}
    existing = set(Account.objects.filter(merchant_id__in=merchants).values_list("merchant_id", flat=True))
    Account.objects.bulk_create(
        [Account(merchant=m, sub_account_no=m.ccb_sub_account) for pk, m in merchants.items() if pk not in existing],
        ignore_conflicts=True,
    )
    # One lock statement, in primary-key order, so two appliers can never deadlock each other.
    locked = Account.objects.select_for_update().filter(merchant_id__in=merchants).order_by("pk")
    return {a.merchant_id: a for a in locked}


@transaction.atomic
def import_apply(*, actor: Actor, import_id: int) -> BalanceImport:
    upload = BalanceImport.objects.select_for_update().filter(pk=import_id).first()
    if upload is None:
        raise NotFound()
    if upload.status == ImportStatus.APPLIED or already_applied(upload) is not None:
        raise FxError.import_already_applied()
    rows = [r for r in upload.rows if r["status"] != "error"]
    if not rows:
        raise FxError.import_nothing_to_apply()
    accounts = _accounts_locked(rows)
    # The ledger is read again under the locks: a settlement since the preview is taken into account.
    current = ledger.totals_of([a.pk for a in accounts.values()])
    now = timezone.now()
    by_day: dict[dt.date, list[int]] = {}
    sub_accounts: dict[int, str] = {}
    planned: list[tuple[LedgerEntry, ledger.Totals]] = []
    notices: list[tuple[Account, Decimal, Decimal, dt.date]] = []
    for row in rows:
        account = accounts[row["merchant_id"]]
        target = Decimal(row["balance"])
        before = current[account.pk]
        day = dt.date.fromisoformat(row["balance_date"])
        if account.balance_date and day < account.balance_date:
            continue  # a later workbook was applied since this preview
        account.balance_date = day
        account.updated_at = now
        by_day.setdefault(day, []).append(account.pk)
        if row["sub_account_no"] and not account.sub_account_no:
            account.sub_account_no = sub_accounts[account.pk] = row["sub_account_no"]
        delta = target - before.balance
        if delta == 0:
            continue
        entry = LedgerEntry(
            account=account,
            merchant_id=account.merchant_id,
            kind=EntryKind.BALANCE_UPDATE,
            amount=delta,
            frozen=Decimal("0.00"),
            balance_import=upload,
            balance_date=day,
            note=f"子账户余额表「{upload.file_name}」第 {row['row']} 行"[:200],
        )
        planned.append((entry, before))
        notices.append((account, before.balance, target, day))
    # One UPDATE per balance date (a workbook usually has one), not a CASE per row.
    for day, ids in by_day.items():
        Account.objects.filter(pk__in=ids).update(balance_date=day, updated_at=now)
    for pk, number in sub_accounts.items():
        Account.objects.filter(pk=pk).update(sub_account_no=number)
    ledger.append_many(actor=actor, entries=planned)
    recipients = recipients_by_merchant(a.merchant_id for a, *_ in notices)
    notify_many(
        kind="status",
        messages=[
            _arrival_notice(a, before, after, day, recipients[a.merchant_id]) for a, before, after, day in notices
        ],
    )
    upload.status = ImportStatus.APPLIED
    upload.applied_at = now
    upload.changed_rows = len(planned)
    upload.save(update_fields=["status", "applied_at", "changed_rows"])
    record(
        actor=actor,
        module="fx",
        action="balance_import_apply",
        obj=upload,
        before={"status": ImportStatus.PREVIEW.value},
        after={"status": upload.status, "changed_rows": upload.changed_rows},
    )
    return upload


def _arrival_notice(account: Account, before: Decimal, after: Decimal, day: dt.date, recipients: list[Any]) -> Outgoing:
    delta = after - before
    tail = f"（尾号 {account.sub_account_no[-4:]}）" if account.sub_account_no else ""
    sign = "+" if delta > 0 else "-"
    return Outgoing(
        recipients=recipients,
        merchant_id=account.merchant_id,
        title=f"银行账户入账通知：子账户余额 ${after:,.2f}",
        body=(
            f"您的外汇子账户{tail}余额已更新为 ${after:,.2f}（余额日期 {day:%Y-%m-%d}），"
            f"较上次 {sign}${abs(delta):,.2f}。"
        ),
        link="/fx/settlements?tab=ledger",
    )
