"""综合数据 custom report: declared exports by period, destination country, product (HS code) and merchant,
written as an xlsx workbook to a file object (the download center registers :func:`write_report`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]
from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from jmt.cockpits.facts import ZONE, MerchantIds, Window
from jmt.cockpits.money import country_name, currency_label
from jmt.cockpits.overview import hs_name


@dataclass(frozen=True)
class ReportFilters:
    window: Window
    country: str = ""  # customs country code
    hs: str = ""  # an HS code or its leading digits
    merchant_id: int | None = None


def _lines(filters: ReportFilters, merchant_ids: MerchantIds) -> Any:
    from jmt.customs.models import InventoryLine

    qs = InventoryLine.objects.filter(
        inventory__created_at__gte=filters.window.since, inventory__created_at__lt=filters.window.until
    )
    if merchant_ids is not None:
        qs = qs.filter(inventory__merchant_id__in=sorted(merchant_ids))
    if filters.country:
        qs = qs.filter(inventory__country=filters.country)
    if filters.hs:
        qs = qs.filter(gcode__startswith=filters.hs)
    return qs


def _grouped(qs: Any, *keys: str) -> list[dict[str, Any]]:
    return list(
        qs.values(*keys, "currency")
        .annotate(inventories=Count("inventory_id", distinct=True), quantity=Sum("qty"), value=Sum("total_price"))
        .order_by(*keys, "currency")
    )


def write_report(out: IO[bytes], *, filters: ReportFilters, merchant_ids: MerchantIds) -> int:
    """Write the workbook to ``out``; returns the number of data rows written (over all sheets)."""
    from jmt.merchants.models import Merchant

    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#EEF2FF", "border": 1})
    number = book.add_format({"num_format": "#,##0.00"})
    lines = _lines(filters, merchant_ids)
    written = 0

    about = book.add_worksheet("说明")
    about.set_column(0, 0, 16)
    about.set_column(1, 1, 48)
    merchant = Merchant.objects.filter(pk=filters.merchant_id).first() if filters.merchant_id else None
    for row, (label, value) in enumerate(
        (
            ("报表", "出口申报数据报表（综合数据驾驶舱）"),
            ("期间", f"{filters.window.start:%Y-%m-%d} 至 {filters.window.end:%Y-%m-%d}（北京时间，按清单生成日期）"),
            ("目的国", country_name(filters.country) if filters.country else "全部"),
            ("商品（HS 编码）", filters.hs or "全部"),
            ("商户", merchant.display_name if merchant else "全部（可见范围内）"),
            ("生成时间", timezone.localtime(timezone.now(), ZONE).strftime("%Y-%m-%d %H:%M")),
            ("说明", "申报数量与总价按清单商品行合计，不同币制分行列出。"),
        )
    ):
        about.write(row, 0, label, bold)
        about.write(row, 1, value)

    def sheet(title: str, headers: list[str], rows: list[list[Any]]) -> None:
        nonlocal written
        ws = book.add_worksheet(title)
        ws.set_column(0, len(headers) - 1, 18)
        ws.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            ws.write(0, col, header, bold)
        for r, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                if isinstance(value, (int, float)) or hasattr(value, "as_tuple"):
                    ws.write_number(r, col, float(value), number if col >= len(values) - 2 else None)
                else:
                    ws.write(r, col, value)
        written += len(rows)

    tail = ["币制", "清单数", "申报数量", "申报总价"]

    def money(row: dict[str, Any]) -> list[Any]:
        return [currency_label(row["currency"]), row["inventories"], row["quantity"] or 0, row["value"] or 0]

    by_day = list(
        lines.annotate(day=TruncDate("inventory__created_at", tzinfo=ZONE))
        .values("day", "currency")
        .annotate(inventories=Count("inventory_id", distinct=True), quantity=Sum("qty"), value=Sum("total_price"))
        .order_by("day", "currency")
    )
    sheet("按日期", ["日期", *tail], [[f"{row['day']:%Y-%m-%d}", *money(row)] for row in by_day])
    sheet(
        "按目的国",
        ["目的国（地区）", *tail],
        [[country_name(row["inventory__country"]), *money(row)] for row in _grouped(lines, "inventory__country")],
    )
    sheet(
        "按商品",
        ["HS 编码", "商品", *tail],
        [[row["gcode"], hs_name(row["gcode"]), *money(row)] for row in _grouped(lines, "gcode")],
    )
    merchant_rows = _grouped(lines, "inventory__merchant_id")
    names = {
        m.pk: m.display_name
        for m in Merchant.objects.filter(pk__in={row["inventory__merchant_id"] for row in merchant_rows})
    }
    sheet(
        "按商户",
        ["商户", *tail],
        [[names.get(row["inventory__merchant_id"], ""), *money(row)] for row in merchant_rows],
    )
    book.close()
    return written
