"""Readiness of a claim before submit: one line per condition, each saying what is missing and where to fix it.

- 报关单: at least one, each 结关 and summarised (a CEB792 with its 报关单号), or typed in from another channel;
- 报关单 PDF, 进项发票, 销售发票: present (PDFs, checked by content when attached);
- 收汇: the foreign-exchange receipt recorded — from 收结汇 when that module reports it
  (``fx_receipt.source``), until then the merchant's manual confirmation;
- 申报期限: 30 April of the year after the (earliest) export month; past it the line is red and blocks.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.utils import timezone

from jmt.refunds import fx_receipt
from jmt.refunds.models import Claim, DeclarationSource, FileRole

SHANGHAI = ZoneInfo("Asia/Shanghai")
WARN_DAYS = 30


def today() -> date:
    return timezone.now().astimezone(SHANGHAI).date()


def deadline_for(export_month: date) -> date:
    """The 申报期限 of an export month: 30 April of the following year."""
    return date(export_month.year + 1, 4, 30)


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    ok: bool
    level: str  # "ok" | "missing" | "warning" | "overdue"
    message: str
    fix_label: str = ""
    fix_route: str = ""


def _edit(claim: Claim, section: str) -> str:
    return f"/refunds/claims?id={claim.pk}#{section}"


def check(claim: Claim) -> list[Line]:
    declarations = list(claim.declarations.all())
    roles = {f.role for f in claim.files.all()}
    lines: list[Line] = []

    if not declarations:
        lines.append(
            Line(
                "declarations",
                "报关单",
                False,
                "missing",
                "还没有选择要退税的报关单",
                "选择报关单",
                _edit(claim, "declarations"),
            )
        )
    else:
        manual = [d.entry_id for d in declarations if d.source == DeclarationSource.MANUAL]
        note = f"{len(declarations)} 张报关单均已结关并完成汇总（已收到汇总结果单）"
        if manual:
            note = f"{len(declarations)} 张报关单；其中 {len(manual)} 张为其他渠道手工录入，由捷晶人工核对"
        lines.append(Line("declarations", "报关单已结关并汇总", True, "ok", note))

    for role, section in (
        (FileRole.CUSTOMS_DECLARATION, "files"),
        (FileRole.PURCHASE_INVOICE, "files"),
        (FileRole.SALES_INVOICE, "files"),
    ):
        if role in roles:
            lines.append(Line(role.value, f"{role.label}已上传", True, "ok", f"{role.label} PDF 已上传"))
        else:
            lines.append(
                Line(
                    role.value,
                    role.label,
                    False,
                    "missing",
                    f"缺少{role.label} PDF",
                    f"上传{role.label}",
                    _edit(claim, section),
                )
            )

    received = fx_receipt.status(claim)
    if received.ok:
        lines.append(Line("fx_receipt", "已收汇", True, "ok", received.message))
    else:
        lines.append(
            Line("fx_receipt", "收汇", False, "missing", received.message, received.fix_label, _edit(claim, "fx"))
        )

    if declarations:
        earliest = min(d.export_month for d in declarations)
        due = deadline_for(earliest)
        days = (due - today()).days
        month = f"{earliest.year} 年 {earliest.month} 月"
        if days < 0:
            lines.append(
                Line(
                    "deadline",
                    "申报期限",
                    False,
                    "overdue",
                    f"{month}出口的申报期限 {due:%Y-%m-%d} 已过，已逾期 {-days} 天，不能再申报退税"
                    "（逾期按规定视同内销或免税处理）",
                    "移除逾期报关单",
                    _edit(claim, "declarations"),
                )
            )
        elif days <= WARN_DAYS:
            lines.append(
                Line("deadline", "申报期限", True, "warning", f"{month}出口须在 {due:%Y-%m-%d} 前申报，仅剩 {days} 天")
            )
        else:
            lines.append(
                Line("deadline", "申报期限", True, "ok", f"{month}出口须在 {due:%Y-%m-%d} 前申报，还有 {days} 天")
            )
    return lines


def missing(claim: Claim) -> list[dict[str, object]]:
    return [asdict(line) for line in check(claim) if not line.ok]


def as_dicts(claim: Claim) -> list[dict[str, object]]:
    return [asdict(line) for line in check(claim)]
