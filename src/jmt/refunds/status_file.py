"""The tax bureau's daily status file (人工上传报文, once a day): read, preview, confirm.

Staff upload an xlsx of status lines (报关单号 or 退税申报编号, 状态, 日期, 金额, 说明). The preview
(``status_file_preview``) lists every change it would make and every row it cannot match, with why,
and writes nothing but the upload itself. Confirming (``status_file_confirm``) re-plans the rows
against the claims as they are *now* and walks each claim through the workflow's moves in one
transaction, so a file uploaded twice changes nothing the second time (every claim is already where
the file says), and a second confirmed upload on the same day needs ``force``.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from python_calamine import CalamineError, CalamineWorkbook

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.rbac.scope import merchant_in_scope, merchant_scope, merchants_visible
from jmt.refunds import readiness
from jmt.refunds.errors import RefundsError
from jmt.refunds.flow import CLAIM, FORWARD, MANAGE, MANAGE_VIEW
from jmt.refunds.models import Claim, ClaimDeclaration, StatusFile
from jmt.refunds.services import record_received
from jmt.workflow import services as workflow

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_ROWS = 5000

# What the bureau's status words mean on our graph.
STATUS_WORDS: dict[str, str] = {
    "已申报": "submitted",
    "申报": "submitted",
    "已受理": "reviewing",
    "受理": "reviewing",
    "审核中": "reviewing",
    "审核": "reviewing",
    "审核通过": "refunding",
    "已审核": "refunding",
    "退库": "refunding",
    "退库中": "refunding",
    "已退库": "received",
    "到账": "received",
    "已到账": "received",
    "审核不通过": "rejected",
    "不予退税": "rejected",
    "退回": "rejected",
}
HEADERS = {
    "entry_id": ("报关单号", "报关单编号"),
    "claim_no": ("退税申报编号", "申报编号", "申报单号"),
    "status": ("状态", "退税状态", "审核状态"),
    "date": ("日期", "状态日期", "办理日期"),
    "amount": ("金额", "退税额", "到账金额", "退税金额"),
    "note": ("说明", "备注", "原因"),
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def read_rows(content: bytes) -> list[dict[str, Any]]:
    """The status lines of the first sheet, each with its sheet row number; refuses what is not such a file."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise RefundsError.status_file_invalid("文件解压后过大，请只导出状态列表")
    except zipfile.BadZipFile:
        raise RefundsError.status_file_invalid() from None
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        values = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 25)
    except (CalamineError, ValueError, IndexError):
        raise RefundsError.status_file_invalid() from None
    header_at, columns = -1, {}
    for index, row in enumerate(values[:20]):
        cells = [_cell(v) for v in row]
        found = {key: cells.index(name) for key, names in HEADERS.items() for name in names if name in cells}
        if "status" in found and ("entry_id" in found or "claim_no" in found):
            header_at, columns = index, found
            break
    if header_at < 0:
        raise RefundsError.status_file_invalid("没有找到表头：需要「报关单号」或「退税申报编号」，以及「状态」列")
    rows = []
    for index, row in enumerate(values[header_at + 1 :], start=header_at + 2):
        cells = [_cell(v) for v in row]
        if not any(cells):
            continue
        rows.append({"row": index, **{key: (cells[col] if col < len(cells) else "") for key, col in columns.items()}})
    if len(rows) > MAX_ROWS:
        raise RefundsError.status_file_invalid(f"一次最多导入 {MAX_ROWS} 行")
    return rows


@dataclass
class Planned:
    claim: Claim
    row: dict[str, Any]
    path: list[str]
    amount: Decimal | None
    on: date | None


def _date(text: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d"):
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    return None


def _path(current: str, target: str) -> tuple[list[str], str]:
    """The states a claim passes from ``current`` to ``target``, or why it cannot."""
    if current == target:
        return [], ""
    if current == "draft":
        return [], "商户尚未提交这份退税申报"
    if target == "rejected":
        if current in ("submitted", "reviewing"):
            return ["rejected"], ""
        return [], f"申报已处于「{CLAIM.label_of(current)}」，不能改为审核不通过"
    if current == "rejected":
        return [], "该申报审核不通过，正等待商户修改后重新提交"
    here, there = FORWARD.index(current), FORWARD.index(target)
    if there < here:
        return [], f"申报已处于「{CLAIM.label_of(current)}」，文件中的「{CLAIM.label_of(target)}」是更早的状态"
    return list(FORWARD[here + 1 : there + 1]), ""


def plan(actor: Actor, rows: list[dict[str, Any]]) -> tuple[list[Planned], dict[str, Any]]:
    """Match each row to a claim and work out its moves; later rows continue from earlier ones."""
    visible = Claim.objects.filter(merchants_visible(actor, MANAGE_VIEW)).select_related("merchant")
    by_no = {
        c.claim_no: c for c in visible.filter(claim_no__in=[r.get("claim_no", "") for r in rows if r.get("claim_no")])
    }
    entries: dict[str, list[Claim]] = {}
    wanted = [r.get("entry_id", "") for r in rows if r.get("entry_id")]
    for d in ClaimDeclaration.objects.filter(entry_id__in=wanted, claim__in=visible).select_related("claim__merchant"):
        entries.setdefault(d.entry_id, []).append(d.claim)
    state: dict[int, str] = {}
    planned: list[Planned] = []
    out: dict[str, Any] = {"changes": [], "unchanged": [], "unmatched": []}

    def refuse(row: dict[str, Any], why: str) -> None:
        out["unmatched"].append(
            {
                "row": row["row"],
                "key": row.get("claim_no") or row.get("entry_id", ""),
                "status": row.get("status", ""),
                "reason": why,
            }
        )

    for row in rows:
        key_no, key_entry = row.get("claim_no", ""), row.get("entry_id", "")
        if not key_no and not key_entry:
            refuse(row, "没有报关单号或退税申报编号")
            continue
        claim = by_no.get(key_no) if key_no else None
        if claim is None and key_no:
            refuse(row, f"没有编号为 {key_no} 的退税申报")
            continue
        if claim is None:
            found = entries.get(key_entry, [])
            if not found:
                refuse(row, f"没有包含报关单 {key_entry} 的退税申报")
                continue
            if len({c.pk for c in found}) > 1:
                refuse(row, f"报关单 {key_entry} 对应多份退税申报，请改用退税申报编号")
                continue
            claim = found[0]
        target = STATUS_WORDS.get(row.get("status", "").replace(" ", ""))
        if target is None:
            refuse(row, f"无法识别的状态「{row.get('status', '')}」")
            continue
        amount = None
        if row.get("amount"):
            try:
                amount = Decimal(row["amount"].replace(",", "")).quantize(Decimal("0.01"))
            except InvalidOperation:
                refuse(row, f"金额「{row['amount']}」不是有效数字")
                continue
        on = _date(row.get("date", "")) if row.get("date") else None
        if row.get("date") and on is None:
            refuse(row, f"日期「{row['date']}」无法识别，应为 YYYY-MM-DD")
            continue
        current = state.get(claim.pk, claim.state)
        path, why = _path(current, target)
        if why:
            refuse(row, why)
            continue
        if not path:
            out["unchanged"].append(
                {
                    "row": row["row"],
                    "claim_id": claim.pk,
                    "claim_no": claim.claim_no,
                    "state_label": CLAIM.label_of(current),
                }
            )
            continue
        if target == "received" and amount is None:
            refuse(row, "到账行需要填写到账金额")
            continue
        state[claim.pk] = target
        planned.append(Planned(claim, row, path, amount, on))
        out["changes"].append(
            {
                "row": row["row"],
                "claim_id": claim.pk,
                "claim_no": claim.claim_no,
                "merchant_name": claim.merchant.name,
                "from_label": CLAIM.label_of(current),
                "to_label": CLAIM.label_of(target),
                "steps": [CLAIM.label_of(s) for s in path],
                "amount": f"{amount:.2f}" if amount is not None else None,
                "note": row.get("note", ""),
            }
        )
    return planned, out


def _confirmed_today(day: date, exclude: int | None = None) -> list[str]:
    rows = StatusFile.objects.filter(business_date=day, confirmed_at__isnull=False)
    if exclude:
        rows = rows.exclude(pk=exclude)
    return [f.original_name for f in rows.order_by("confirmed_at")]


def preview_out(upload: StatusFile) -> dict[str, Any]:
    same = (
        StatusFile.objects.filter(sha256=upload.sha256, confirmed_at__isnull=False)
        .exclude(pk=upload.pk)
        .order_by("-confirmed_at")
        .first()
    )
    return {
        "id": upload.pk,
        "original_name": upload.original_name,
        "uploaded_at": upload.uploaded_at,
        "confirmed_at": upload.confirmed_at,
        "applied": upload.applied,
        "rows": len(upload.rows),
        "changes": upload.plan.get("changes", []),
        "unchanged": upload.plan.get("unchanged", []),
        "unmatched": upload.plan.get("unmatched", []),
        "confirmed_today": _confirmed_today(upload.business_date, exclude=upload.pk),
        "same_file_confirmed_at": same.confirmed_at if same else None,
    }


def _require_manage(actor: Actor) -> None:
    if merchant_scope(actor, MANAGE).empty:
        raise PermissionDenied()


@transaction.atomic
def status_file_preview(*, actor: Actor, file: UploadedFile) -> StatusFile:
    _require_manage(actor)
    if not file.size or file.size > MAX_BYTES:
        raise RefundsError.status_file_invalid("状态文件为空或超过 5 MB")
    content = file.read()
    rows = read_rows(content)
    _, out = plan(actor, rows)
    upload = StatusFile.objects.create(
        original_name=(file.name or "状态文件.xlsx").replace("\\", "/").rsplit("/", 1)[-1][:255],
        sha256=hashlib.sha256(content).hexdigest(),
        business_date=readiness.today(),
        rows=rows,
        plan=out,
        uploaded_by=actor.user,
    )
    record(
        actor=actor,
        module="refunds",
        action="status_file_upload",
        obj=upload,
        before={},
        after={"changes": len(out["changes"]), "unmatched": len(out["unmatched"])},
    )
    return upload


def status_file_get(*, actor: Actor, status_file_id: int) -> StatusFile:
    if not actor.can(MANAGE_VIEW):
        raise PermissionDenied()
    found = StatusFile.objects.filter(pk=status_file_id).first()
    if found is None:
        raise NotFound()
    return found


@transaction.atomic
def status_file_confirm(*, actor: Actor, status_file_id: int, force: bool = False) -> StatusFile:
    _require_manage(actor)
    upload = StatusFile.objects.select_for_update().filter(pk=status_file_id).first()
    if upload is None:
        raise NotFound()
    if upload.confirmed_at is not None:
        raise RefundsError.status_file_confirmed()
    earlier = _confirmed_today(upload.business_date, exclude=upload.pk)
    if earlier and not force:
        raise RefundsError.already_today(earlier)
    planned, out = plan(actor, upload.rows)
    applied: set[int] = set()
    for item in planned:
        claim = Claim.objects.select_for_update().get(pk=item.claim.pk)
        if not merchant_in_scope(actor, MANAGE, claim.merchant_id):
            raise PermissionDenied()
        comment = item.row.get("note", "") or (
            "税务机关审核不通过，状态文件未注明原因，请联系捷晶"
            if item.path[-1] == "rejected"
            else f"据税务机关状态文件「{upload.original_name}」第 {item.row['row']} 行"
        )
        for step in item.path:
            if step == "received":
                record_received(actor=actor, claim=claim, amount=item.amount, on=item.on)
            workflow.transition(actor=actor, obj=claim, to=step, comment=comment)
        applied.add(claim.pk)
    upload.plan = out
    upload.confirmed_at = timezone.now()
    upload.applied = len(applied)
    upload.save(update_fields=["plan", "confirmed_at", "applied"])
    record(
        actor=actor,
        module="refunds",
        action="status_file_confirm",
        obj=upload,
        before={},
        after={"applied": upload.applied, "unmatched": len(out["unmatched"])},
    )
    return upload


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template() -> bytes:
    """An empty status file with the expected header and two example lines."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("退税状态")
    bold = book.add_format({"bold": True})
    sheet.set_column(0, 5, 22)
    for col, title in enumerate(("报关单号", "退税申报编号", "状态", "日期", "金额", "说明")):
        sheet.write(0, col, title, bold)
    sheet.write_row(1, 0, ["230520260000123456", "", "审核中", "2026-04-10", "", ""])
    sheet.write_row(2, 0, ["", "TS20260400001", "已到账", "2026-05-06", "10350.00", "国库已退库"])
    book.close()
    return buffer.getvalue()
