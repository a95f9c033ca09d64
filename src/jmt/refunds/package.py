"""One claim as a zip for the back office: an application summary workbook and every file of the claim."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

from jmt.documents.selectors import open_stored
from jmt.refunds.flow import CLAIM
from jmt.refunds.models import Claim


def summary_workbook(claim: Claim) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("申报汇总")
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 5, 22)
    rows: list[tuple[str, Any]] = [
        ("退税申报编号", claim.claim_no),
        ("商户", claim.merchant.name),
        ("状态", CLAIM.label_of(claim.state)),
        ("申报金额", f"{claim.amount:.2f} {claim.currency}"),
        ("按报关单合计", f"{claim.computed_amount:.2f} {claim.currency}"),
        ("金额调整原因", claim.amount_reason or "—"),
        ("提交时间", claim.submitted_at.strftime("%Y-%m-%d %H:%M") if claim.submitted_at else "—"),
        (
            "收汇",
            (claim.fx_confirmed_at.strftime("%Y-%m-%d") + " 已确认 " + claim.fx_note)
            if claim.fx_confirmed_at
            else "未确认",
        ),
        ("到账退税额", f"{claim.refund_received:.2f} CNY" if claim.refund_received is not None else "—"),
        ("审核不通过原因", claim.reject_reason or "—"),
    ]
    for index, (label, value) in enumerate(rows):
        sheet.write(index, 0, label, bold)
        sheet.write(index, 1, value)
    start = len(rows) + 1
    for col, title in enumerate(("报关单号", "来源", "出口月份", "金额", "币种", "商品")):
        sheet.write(start, col, title, bold)
    for offset, d in enumerate(claim.declarations.order_by("export_month", "entry_id"), start=start + 1):
        values = (
            d.entry_id,
            d.get_source_display(),
            d.export_month.strftime("%Y-%m"),
            float(d.amount),
            d.currency,
            d.goods,
        )
        for col, value in enumerate(values):
            sheet.write(offset, col, value)
    steps = book.add_worksheet("线下办理记录")
    for col, title in enumerate(("日期", "事项", "说明", "记录人")):
        steps.write(0, col, title, bold)
    for row, step in enumerate(claim.offline_steps.select_related("recorded_by").order_by("done_on", "pk"), start=1):
        who = step.recorded_by.display_name if step.recorded_by else ""
        for col, value in enumerate((step.done_on.strftime("%Y-%m-%d"), step.title, step.note, who)):
            steps.write(row, col, value)
    book.close()
    return buffer.getvalue()


def claim_zip(claim: Claim) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{claim.claim_no}-申报汇总.xlsx", summary_workbook(claim))
        for index, f in enumerate(claim.files.select_related("document").order_by("role", "pk"), start=1):
            name = f.document.original_name.replace("/", "_")
            with open_stored(f.document) as stored:
                archive.writestr(f"{index:02d}-{f.get_role_display()}-{name}", stored.read())
    return buffer.getvalue()
