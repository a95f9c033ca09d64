"""E-orders from Excel (C2): upload → parse → validate → store, and declaring the valid orders."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.customs.errors import CustomsError
from jmt.customs.excel.parse import open_sheet
from jmt.customs.excel.store import store_rows
from jmt.customs.excel.validation import Defaults, Outcome, validate
from jmt.customs.models import (
    Batch,
    ImportRow,
    ImportStatus,
    Inventory,
    InventoryLine,
    Logistics,
    Order,
    OrderImport,
    OrderLine,
    new_guid,
)
from jmt.customs.services.gateway import ensure_ready
from jmt.customs.services.submission import SubmitReport, _submit, orders_submit_system, schedule_dispatch
from jmt.customs.xml.builders import build_ceb505


@dataclass
class ImportResult:
    order_import: OrderImport
    outcome: Outcome
    store_method: str


def order_import_create(
    *, actor: Actor, file_name: str, content: bytes, batch: Batch | None = None, max_rows: int | None = None
) -> ImportResult:
    """Parse and validate a workbook and keep every row with its errors. Nothing is declared yet."""
    merchant = actor.merchant
    if merchant is None:
        raise CustomsError.merchant_required()
    if len(content) > settings.CUSTOMS_IMPORT_MAX_BYTES:
        raise CustomsError.import_file_too_large(settings.CUSTOMS_IMPORT_MAX_BYTES)
    limit = max_rows or settings.CUSTOMS_IMPORT_MAX_ROWS
    sheet = open_sheet(content)
    defaults = Defaults(
        ebp_code=batch.ebp_code if batch else "",
        ebp_name=batch.ebp_name if batch else "",
        ie_date=timezone.localdate().isoformat(),
    )
    outcome = validate(sheet, merchant_id=merchant.pk, defaults=defaults, max_rows=limit)
    if len(outcome.rows) > limit:
        raise CustomsError.import_too_many_rows(limit)
    if not outcome.rows:
        raise CustomsError.import_empty()
    with transaction.atomic():
        order_import = OrderImport.objects.create(
            merchant=merchant,
            batch=batch,
            file_name=file_name[:255],
            sha256=hashlib.sha256(content).hexdigest(),
            total_rows=len(outcome.rows),
            valid_rows=outcome.valid_rows,
            error_count=outcome.error_count,
            order_count=outcome.order_count,
            declarable_orders=outcome.declarable_orders,
            created_by=actor.user,
        )
        method = store_rows(order_import, outcome.rows)
        record(
            actor=actor,
            module="customs",
            action="order_import_create",
            obj=order_import,
            before={},
            after={
                "file_name": order_import.file_name,
                "rows": order_import.total_rows,
                "valid_rows": order_import.valid_rows,
                "errors": order_import.error_count,
            },
        )
    return ImportResult(order_import=order_import, outcome=outcome, store_method=method)


def _d(value: Any) -> Decimal:
    return Decimal(str(value or "0"))


def order_import_declare(
    *, actor: Actor, order_import: OrderImport, batch: Batch, all_or_nothing: bool = False
) -> SubmitReport:
    """Turn every order whose rows are all valid into CEB303 + CEB505 + CEB603 documents and submit
    the orders and waybills (inventories follow once both reach 120). With ``all_or_nothing`` any
    row with an error refuses the whole declaration."""
    with transaction.atomic():
        ensure_ready(batch.merchant)
        locked = OrderImport.objects.select_for_update().get(pk=order_import.pk)
        if locked.status == ImportStatus.DECLARED:
            raise CustomsError.nothing_to_declare()
        rows = list(ImportRow.objects.filter(order_import=locked).order_by("row_no"))
        if all_or_nothing and any(not row.is_valid for row in rows):
            raise CustomsError.nothing_to_declare()
        orders: dict[tuple[str, str], list[ImportRow]] = defaultdict(list)
        for row in rows:
            orders[(row.ebp_code, row.order_no)].append(row)
        declarable = [lines for lines in orders.values() if all(row.is_valid for row in lines)]
        if not declarable:
            raise CustomsError.nothing_to_declare()
        order_ids = _create_documents(batch, declarable)
        report = orders_submit_system(batch=batch, order_ids=order_ids)
        report.add(
            _submit(
                Logistics.objects.filter(batch=batch, inventories__order_id__in=order_ids), build_ceb505, batch=batch
            )
        )
        locked.status = ImportStatus.DECLARED
        locked.batch = batch
        locked.save(update_fields=["status", "batch"])
        record(
            actor=actor,
            module="customs",
            action="order_import_declare",
            obj=locked,
            before={"status": ImportStatus.VALIDATED},
            after={"status": locked.status, "orders": len(order_ids), "messages": report.messages},
        )
        if report.messages:
            schedule_dispatch()
    return report


def _create_documents(batch: Batch, groups: list[list[ImportRow]]) -> list[int]:
    merchant = batch.merchant
    new_orders: list[Order] = []
    new_logistics: list[Logistics] = []
    for lines in groups:
        head = lines[0].data
        new_orders.append(
            Order(
                merchant=merchant,
                batch=batch,
                guid=new_guid(),
                order_no=head["orderNo"],
                ebp_code=head["ebpCode"],
                ebp_name=head["ebpName"],
                ebc_code=batch.ebc_code,
                ebc_name=batch.ebc_name,
                goods_value=sum((_d(row.data["totalPrice"]) for row in lines), Decimal(0)),
                freight=_d(head["freight"]),
                currency=head["currency"],
            )
        )
        new_logistics.append(
            Logistics(
                merchant=merchant,
                batch=batch,
                guid=new_guid(),
                logistics_code=head["logisticsCode"],
                logistics_name=head["logisticsName"],
                logistics_no=head["logisticsNo"],
                freight=_d(head["freight"]),
                currency=head["currency"],
                gross_weight=_d(head["grossWeight"]),
                pack_no=int(head["packNo"]),
                goods_info=lines[0].data["gname"][:200],
                ebc_code=batch.ebc_code,
                ebc_name=batch.ebc_name,
            )
        )
    Order.objects.bulk_create(new_orders, batch_size=1000)
    Logistics.objects.bulk_create(new_logistics, batch_size=1000)
    orders = {
        (o.ebp_code, o.order_no): o for o in Order.objects.filter(batch=batch, guid__in=[o.guid for o in new_orders])
    }
    carriers = {
        (w.logistics_code, w.logistics_no): w
        for w in Logistics.objects.filter(batch=batch, guid__in=[w.guid for w in new_logistics])
    }
    order_lines: list[OrderLine] = []
    inventories: list[Inventory] = []
    for lines in groups:
        head = lines[0].data
        order = orders[(head["ebpCode"], head["orderNo"])]
        for gnum, row in enumerate(lines, start=1):
            data = row.data
            order_lines.append(
                OrderLine(
                    order=order,
                    gnum=gnum,
                    item_no=data["itemNo"],
                    item_name=data["itemName"],
                    bar_code=data["barCode"],
                    unit=data["unit"],
                    currency=data["currency"],
                    qty=_d(data["qty"]),
                    price=_d(data["price"]),
                    total_price=_d(data["totalPrice"]),
                    note=data["note"],
                )
            )
        inventories.append(
            Inventory(
                merchant=merchant,
                batch=batch,
                order=order,
                logistics=carriers[(head["logisticsCode"], head["logisticsNo"])],
                guid=new_guid(),
                customs_code=batch.customs_code,
                ebp_code=order.ebp_code,
                ebp_name=order.ebp_name,
                order_no=order.order_no,
                logistics_code=head["logisticsCode"],
                logistics_name=head["logisticsName"],
                logistics_no=head["logisticsNo"],
                cop_no=f"{order.pk:012d}",
                port_code=batch.port_code,
                ie_date=date.fromisoformat(head["ieDate"]),
                statistics_flag=batch.statistics_flag,
                agent_code=batch.agent_code,
                agent_name=batch.agent_name,
                ebc_code=batch.ebc_code,
                ebc_name=batch.ebc_name,
                owner_code=batch.owner_code or batch.ebc_code,
                owner_name=batch.owner_name or batch.ebc_name,
                traf_mode=batch.traf_mode,
                traf_name=batch.traf_name,
                voyage_no=batch.voyage_no,
                bill_no=batch.bill_no,
                loct_no=batch.loct_no,
                country=head["country"],
                pod=batch.pod or head["country"],
                freight=_d(head["freight"]),
                f_currency=head["currency"],
                i_currency=head["currency"],
                wrap_type=batch.wrap_type,
                pack_no=int(head["packNo"]),
                gross_weight=_d(head["grossWeight"]),
                net_weight=_d(head["netWeight"]),
            )
        )
    OrderLine.objects.bulk_create(order_lines, batch_size=2000)
    Inventory.objects.bulk_create(inventories, batch_size=1000)
    stored = {i.order_id: i for i in Inventory.objects.filter(order_id__in=[o.pk for o in orders.values()])}
    inventory_lines: list[InventoryLine] = []
    for lines in groups:
        inventory = stored[orders[(lines[0].data["ebpCode"], lines[0].data["orderNo"])].pk]
        for gnum, row in enumerate(lines, start=1):
            data = row.data
            inventory_lines.append(
                InventoryLine(
                    inventory=inventory,
                    gnum=gnum,
                    item_no=data["itemNo"],
                    item_name=data["itemName"],
                    gcode=data["gcode"],
                    gname=data["gname"],
                    gmodel=data["gmodel"],
                    bar_code=data["barCode"] or "无",
                    country=data["country"],
                    currency=data["currency"],
                    qty=_d(data["qty"]),
                    qty1=_d(data["qty1"]),
                    unit=data["unit"],
                    unit1=data["unit1"],
                    price=_d(data["price"]),
                    total_price=_d(data["totalPrice"]),
                    note=data["note"],
                )
            )
    InventoryLine.objects.bulk_create(inventory_lines, batch_size=2000)
    return [order.pk for order in orders.values()]
