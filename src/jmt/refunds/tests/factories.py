"""Builders of 出口退税 test data: summarised customs declarations (through the customs factories), vault PDFs,
claims ready to submit, and daily status files."""

from __future__ import annotations

import io
import itertools
from datetime import date
from decimal import Decimal
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]
from django.core.files.uploadedfile import SimpleUploadedFile

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.customs.models import DocStatus, Message, SummaryResult
from jmt.customs.tests.factories import make_batch, make_shipment, make_summary
from jmt.documents.models import Document
from jmt.documents.services import document_upload
from jmt.merchants.models import Merchant
from jmt.refunds import services
from jmt.refunds.models import Claim
from jmt.refunds.seed import demo_pdf

_serial = itertools.count(1)


def summarised(merchant: Merchant, *, month: str = "2026-03", entry_id: str = "", orders: int = 2) -> str:
    """Closed B-flag inventories of ``month`` with their 汇总 and the CEB792 that gave the 报关单号; returns it."""
    n = next(_serial)
    entry_id = entry_id or f"2305{month[:4]}{n:010d}"
    year, mon = (int(x) for x in month.split("-"))
    batch = make_batch(merchant, name=f"批次 {n}")
    invt_nos = []
    for index in range(orders):
        _, _, inventory = make_shipment(batch)
        inventory.invt_no = f"2305{year}E{n:04d}{index:06d}"
        inventory.status = DocStatus.CLOSED
        inventory.ie_date = date(year, mon, 10)
        inventory.save(update_fields=["invt_no", "status", "ie_date"])
        invt_nos.append(inventory.invt_no)
    summary = make_summary(batch, invt_nos, start_time=f"{year}{mon:02d}01000000", entry_id=entry_id)
    message = Message.objects.create(direction="in", message_type="CEB792", xml="<x/>", sha256=f"{n:064d}")
    SummaryResult.objects.create(
        summary=summary,
        received_in=message,
        guid=f"G{n:035d}",
        customs_code="2305",
        sum_no=f"S{n:017d}",
        op_date=f"{year}{mon:02d}20100000000",
        decl_seq_no=f"D{n:017d}",
        entry_id=entry_id,
        dec_state="10",
        agent_code="a",
        agent_name="a",
        ebc_code="e",
        ebc_name="e",
        decl_agent_code="d",
        decl_agent_name="d",
        gross_weight=Decimal(1),
        net_weight=Decimal(1),
        lines=[{"invtNo": no} for no in invt_nos],
    )
    return entry_id


def simplified(merchant: Merchant, *, month: str = "2026-03") -> None:
    """A closed 简化申报 (statisticsFlag A) export: no 报关单, no refund."""
    year, mon = (int(x) for x in month.split("-"))
    batch = make_batch(merchant, name=f"简化 {next(_serial)}", statistics_flag="A")
    _, _, inventory = make_shipment(batch)
    inventory.invt_no = f"2305{year}A{next(_serial):010d}"
    inventory.status = DocStatus.CLOSED
    inventory.ie_date = date(year, mon, 5)
    inventory.save(update_fields=["invt_no", "status", "ie_date"])


def pdf(user: User, name: str = "报关单.pdf") -> Document:
    data = demo_pdf("测试", ["第一行"])
    return document_upload(actor=build_actor(user), kind="other", file=SimpleUploadedFile(name, data))


def png(user: User, name: str = "发票.png") -> Document:
    from jmt.registration.seed import _png

    return document_upload(actor=build_actor(user), kind="other", file=SimpleUploadedFile(name, _png("white", "x")))


def full_files(user: User) -> dict[str, list[int]]:
    return {
        "customs_declaration": [pdf(user, "报关单.pdf").pk],
        "purchase_invoice": [pdf(user, "进项发票.pdf").pk],
        "sales_invoice": [pdf(user, "销售发票.pdf").pk],
    }


def ready_claim(user: User, *, month: str = "2026-03", entry_id: str = "") -> Claim:
    """A draft claim that meets every condition (declaration, three PDFs, 收汇 confirmed)."""
    assert user.current_merchant is not None
    entry = summarised(user.current_merchant, month=month, entry_id=entry_id)
    actor = build_actor(user)
    claim = services.claim_create(actor=actor, data=services.ClaimInput(picks=[entry], files=full_files(user)))
    return services.claim_fx_confirm(actor=actor, claim_id=claim.pk, note="已收汇")


def submitted_claim(user: User, **kwargs: Any) -> Claim:
    claim = ready_claim(user, **kwargs)
    return services.claim_submit(actor=build_actor(user), claim_id=claim.pk)


def status_xlsx(rows: list[tuple[str, str, str, str, str, str]], *, title: bool = False) -> bytes:
    """报关单号, 退税申报编号, 状态, 日期, 金额, 说明 — optionally under a title row."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    start = 0
    if title:
        sheet.write(0, 0, "国家税务总局 出口退税审核状态日报")
        start = 2
    sheet.write_row(start, 0, ["报关单号", "退税申报编号", "状态", "日期", "金额", "说明"])
    for index, row in enumerate(rows, start=start + 1):
        sheet.write_row(index, 0, list(row))
    book.close()
    return buffer.getvalue()
