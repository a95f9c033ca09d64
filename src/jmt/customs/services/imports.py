"""E-orders from Excel (C2): upload → parse → validate → store, and declaring the valid orders."""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.customs.codes import main_port
from jmt.customs.errors import CustomsError
from jmt.customs.excel.annotate import build_error_workbook
from jmt.customs.excel.columns import BY_KEY, COLUMNS
from jmt.customs.excel.package import formula_cells_without_value, sheet_parts
from jmt.customs.excel.parse import Sheet
from jmt.customs.excel.safety import annotate, read_sheet
from jmt.customs.excel.store import store_rows
from jmt.customs.excel.validation import (
    Defaults,
    Outcome,
    Row,
    _row,
    check_across_rows,
    check_against_database,
    positions_of,
    validate,
)
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
from jmt.customs.services.batch_flow import batch_follow
from jmt.customs.services.batches import batch_defaults
from jmt.customs.services.gateway import ensure_ready
from jmt.customs.services.submission import SubmitReport, _submit, orders_submit_system, schedule_dispatch
from jmt.customs.services.validation import enabled_pods
from jmt.customs.xml.builders import build_ceb505

logger = logging.getLogger(__name__)


@dataclass
class ImportResult:
    order_import: OrderImport
    outcome: Outcome
    store_method: str


def formula_positions(content: bytes, sheet: Sheet) -> set[tuple[int, int]]:
    """(row, position in ``sheet``) of the data sheet's formula cells that have no cached value."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            part = sheet_parts(archive).get(sheet.sheet_name)
            cells = formula_cells_without_value(archive, part) if part else set()
    except (zipfile.BadZipFile, KeyError, OSError):
        return set()
    return {(row, col - sheet.first_col) for row, col in cells if col >= sheet.first_col}


def _keep_source(merchant_id: int, content: bytes) -> str:
    """The uploaded workbook kept through the storage API (local disk or an S3-compatible bucket), for the
    error file to annotate; returns its storage name."""
    return default_storage.save(f"customs-imports/{merchant_id}/{uuid.uuid4().hex}.xlsx", ContentFile(content))


def error_file(order_import: OrderImport) -> bytes:
    """The annotated workbook: the kept upload with marks added, else (older imports) a rebuilt sheet."""
    source = _read_source(order_import)
    if source is None:
        return build_error_workbook(
            (row.row_no, row.data, row.errors)
            for row in ImportRow.objects.filter(order_import=order_import, is_deleted=False)
            .order_by("row_no")
            .iterator(chunk_size=2000)
        )
    bad = ImportRow.objects.filter(order_import=order_import, is_deleted=False, is_valid=False).order_by("row_no")
    deleted = ImportRow.objects.filter(order_import=order_import, is_deleted=True).order_by("row_no")
    marked = annotate(
        source,
        order_import.layout,
        ((row.row_no, row.errors) for row in bad.iterator(chunk_size=2000)),
        deleted.values_list("row_no", flat=True),
    )
    if marked is not None:
        return marked
    logger.warning("annotating import %s in the reader process failed; rebuilding the sheet", order_import.pk)
    return build_error_workbook(
        (row.row_no, row.data, row.errors)
        for row in ImportRow.objects.filter(order_import=order_import, is_deleted=False)
        .order_by("row_no")
        .iterator(chunk_size=2000)
    )


def _read_source(order_import: OrderImport) -> bytes | None:
    if not order_import.source_path:
        return None
    try:
        if not default_storage.exists(order_import.source_path):
            return None
        with default_storage.open(order_import.source_path, "rb") as kept:
            return bytes(kept.read())
    except SuspiciousFileOperation:
        return None


def import_defaults(merchant: Any, batch: Batch | None) -> Defaults:
    """What blank 电商平台代码 / 名称 cells become: the chosen batch's platform, else the one a new batch
    would start with (the merchant's 点点通 configuration, then the profile)."""
    if batch is not None:
        ebp_code, ebp_name = batch.ebp_code, batch.ebp_name
    else:
        values = batch_defaults(merchant)
        ebp_code, ebp_name = values["ebp_code"], values["ebp_name"]
    return Defaults(ebp_code=ebp_code, ebp_name=ebp_name, ie_date=timezone.localdate().isoformat())


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
    sheet = read_sheet(content, max_rows=limit)
    defaults = import_defaults(merchant, batch)
    outcome = validate(sheet, merchant_id=merchant.pk, defaults=defaults, max_rows=limit)
    if any(error.code == "REQUIRED" for row in outcome.rows for error in row.errors):
        # Blank because a formula was never calculated? Then say so instead of "必填项为空".
        formulas = formula_positions(content, sheet)
        if formulas:
            sheet = read_sheet(content, max_rows=limit)
            sheet.formula_cells = formulas
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
            layout={
                "sheet": sheet.sheet_name,
                "header_row": sheet.first_row,
                "first_col": sheet.first_col,
                "columns": sheet.letters,
            },
            source_path=_keep_source(merchant.pk, content),
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
            declared_to = Batch.objects.filter(pk=locked.batch_id or 0).values_list("name", flat=True).first()
            groups: dict[tuple[str, str], bool] = {}
            declared_rows = ImportRow.objects.filter(order_import=locked, is_deleted=False)
            for row in declared_rows.only("ebp_code", "order_no", "is_valid"):
                key = (row.ebp_code, row.order_no)
                groups[key] = groups.get(key, True) and row.is_valid
            declared = sum(groups.values())  # the orders that were declared: every row valid
            raise CustomsError.import_already_declared(locked.batch_id, declared_to or "", declared)
        rows = list(ImportRow.objects.filter(order_import=locked, is_deleted=False).order_by("row_no"))
        if all_or_nothing and any(not row.is_valid for row in rows):
            raise CustomsError.nothing_to_declare()
        orders: dict[tuple[str, str], list[ImportRow]] = defaultdict(list)
        for row in rows:
            if not row.data.get("ebpCode"):  # blank in the file and no default at upload: the batch's platform
                row.data["ebpCode"], row.data["ebpName"] = batch.ebp_code, batch.ebp_name
            elif not row.data.get("ebpName"):
                row.data["ebpName"] = batch.ebp_name
            orders[(row.data["ebpCode"], row.order_no)].append(row)
        declarable = [lines for lines in orders.values() if all(row.is_valid for row in lines)]
        if not declarable:
            raise CustomsError.nothing_to_declare()
        no_port = sorted(
            {lines[0].data.get("country", "") for lines in declarable if not pod_for(batch, lines[0].data)}
        )
        if no_port:
            raise CustomsError.pod_missing(no_port)
        refused = sorted({pod_for(batch, lines[0].data) for lines in declarable} - enabled_pods())
        if refused:
            raise CustomsError.pod_not_enabled(refused)
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
        batch_follow(Batch.objects.select_for_update().get(pk=batch.pk), actor=actor)
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


def pod_for(batch: Batch, head: dict[str, Any]) -> str:
    """指运港 (POD) of one inventory: the row's own port, else the batch's, else the main port of the
    destination country (the port code table, ``customs.PortCode``) — a port code, never the country code."""
    return str(head.get("pod") or "") or batch.pod or main_port(str(head.get("country") or ""))


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
                pod=pod_for(batch, head),
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


# --- grid editing: fix a row in the preview --------------------------------------------------------


def _revalidated(row_no: int, data: dict[str, str]) -> Row:
    """One stored row through the same normalisation and checks as an upload (values as text)."""
    keys = [column.key for column in COLUMNS]
    cells: list[object] = [data.get(key, "") for key in keys]
    return _row(row_no, cells, positions_of(dict(enumerate(keys))))


def _locked_row(order_import: OrderImport, row_id: int) -> tuple[OrderImport, ImportRow]:
    locked = OrderImport.objects.select_for_update().get(pk=order_import.pk)
    if locked.status == ImportStatus.DECLARED:
        raise CustomsError.import_declared()
    target = ImportRow.objects.filter(order_import=locked, pk=row_id).first()
    if target is None:
        from jmt.core.errors import NotFound

        raise NotFound()
    return locked, target


def import_row_update(*, actor: Actor, order_import: OrderImport, row_id: int, changes: dict[str, str]) -> ImportRow:
    """Change cells of one row, then re-check it together with the rows it can clash with.

    The row is normalised and validated again; the rows of its order (before and after the change) and
    the rows sharing its waybill number are checked across rows again (order-level agreement, items
    twice, waybill reuse) and against the orders already declared. Totals of the import follow."""
    unknown = sorted(key for key in changes if key not in BY_KEY)
    if unknown:
        raise CustomsError.import_column_unknown(unknown)
    with transaction.atomic():
        locked, target = _locked_row(order_import, row_id)
        before = {key: target.data.get(key, "") for key in changes}
        data = {
            **target.data,
            **{key: str(value if value is not None else "").strip() for key, value in changes.items()},
        }
        target = _recheck(locked, target, data=data, deleted=target.is_deleted)
        record(
            actor=actor,
            module="customs",
            action="order_import_row_update",
            obj=locked,
            before={"row": target.row_no, **before},
            after={
                "row": target.row_no,
                **{key: target.data.get(key, "") for key in changes},
                "errors": len(target.errors),
            },
        )
    return target


def import_row_set_deleted(*, actor: Actor, order_import: OrderImport, row_id: int, deleted: bool) -> ImportRow:
    """Delete a row from the preview (it is not declared) or restore it; the rows it could clash with
    are checked again, as after an edit (deleting one of two duplicated rows clears the other)."""
    with transaction.atomic():
        locked, target = _locked_row(order_import, row_id)
        was = target.is_deleted
        if was != deleted:
            target = _recheck(locked, target, data=target.data, deleted=deleted)
        record(
            actor=actor,
            module="customs",
            action="order_import_row_restore" if not deleted else "order_import_row_delete",
            obj=locked,
            before={"row": target.row_no, "deleted": was},
            after={"row": target.row_no, "deleted": target.is_deleted},
        )
    return target


def _recheck(locked: OrderImport, target: ImportRow, *, data: dict[str, str], deleted: bool) -> ImportRow:
    """Give ``target`` its new cells and deleted flag; re-check every row it can clash with (before and
    after) and move the import's totals by the difference. Deleted rows take part in nothing."""
    old_keys = {(target.ebp_code, target.order_no)}
    old_waybills = {target.logistics_no} - {""}
    edited = _revalidated(target.row_no, data)
    affected_q = Q(pk=target.pk)
    for ebp_code, order_no in old_keys | {edited.order_key}:
        if order_no:
            affected_q |= Q(ebp_code=ebp_code, order_no=order_no)
    for number in old_waybills | ({edited.values["logisticsNo"]} - {""}):
        affected_q |= Q(logistics_no=number)
    stored = {r.pk: r for r in ImportRow.objects.select_for_update().filter(Q(order_import=locked) & affected_q)}
    # Waybill reuse is judged against every order using the number: pull in their whole orders.
    keys = {(r.ebp_code, r.order_no) for r in stored.values() if r.order_no} | {edited.order_key}
    extra_q = Q(pk__in=[])
    for ebp_code, order_no in keys:
        if order_no:
            extra_q |= Q(ebp_code=ebp_code, order_no=order_no)
    for stored_row in (
        ImportRow.objects.select_for_update().filter(order_import=locked).exclude(pk__in=list(stored)).filter(extra_q)
    ):
        stored[stored_row.pk] = stored_row

    def totals() -> tuple[int, int, int, int]:
        live = [r for r in stored.values() if not r.is_deleted]
        by_order: dict[tuple[str, str], list[ImportRow]] = defaultdict(list)
        for r in live:
            if r.order_no:
                by_order[(r.ebp_code, r.order_no)].append(r)
        declarable = sum(1 for lines in by_order.values() if all(r.is_valid for r in lines))
        return (
            sum(1 for r in live if r.is_valid),
            sum(len(r.errors) for r in live),
            declarable,
            sum(1 for r in stored.values() if r.is_deleted),
        )

    old_valid, old_errors, old_declarable, old_deleted = totals()
    stored[target.pk].is_deleted = deleted
    rows: dict[int, Row] = {}
    for pk, stored_row in stored.items():
        if stored_row.is_deleted:
            continue
        rows[pk] = edited if pk == target.pk else _revalidated(stored_row.row_no, stored_row.data)
    if deleted:
        # Kept as edited, checked on its own; it counts again once restored.
        check_across_rows([edited])
        rows_out = {**rows, target.pk: edited}
    else:
        rows_out = rows
    ordered = sorted(rows.items(), key=lambda item: item[1].row_no)
    orders = check_across_rows([r for _, r in ordered])
    check_against_database(orders, merchant_id=locked.merchant_id)
    for pk, checked in rows_out.items():
        stored_row = stored[pk]
        stored_row.data = checked.values
        stored_row.errors = [e.as_dict() for e in checked.errors]
        stored_row.is_valid = not checked.errors
        stored_row.order_no = checked.values.get("orderNo", "")[:100]
        stored_row.ebp_code = checked.values.get("ebpCode", "")[:40]
        stored_row.logistics_no = checked.values.get("logisticsNo", "")[:64]
    ImportRow.objects.bulk_update(
        list(stored.values()), ["data", "errors", "is_valid", "is_deleted", "order_no", "ebp_code", "logistics_no"]
    )
    new_valid, new_errors, new_declarable, new_deleted = totals()
    # Orders outside the affected set are unchanged; the order count is recounted (cheap: indexed).
    locked.valid_rows += new_valid - old_valid
    locked.error_count += new_errors - old_errors
    locked.declarable_orders += new_declarable - old_declarable
    locked.deleted_rows += new_deleted - old_deleted
    locked.order_count = (
        ImportRow.objects.filter(order_import=locked, is_deleted=False)
        .exclude(order_no="")
        .values("ebp_code", "order_no")
        .distinct()
        .count()
    )
    locked.save(update_fields=["valid_rows", "error_count", "declarable_orders", "deleted_rows", "order_count"])
    return stored[target.pk]
