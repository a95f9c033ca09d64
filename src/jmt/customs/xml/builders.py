"""Build CEB303 / 505 / 603 / 605 / 607 / 701 messages with lxml; each one is validated before use.

Entities go 100 to a message (the XSD's ``maxOccurs``); 总分单 and 汇总申请 with more than 100 lines
are split into parts numbered by ``msgCount`` / ``msgSeqNo``. Every builder returns
``BuiltMessage`` objects whose XML has passed the official XSD, or raises ``MessageInvalid``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.utils import timezone
from lxml import etree

from jmt.customs.xml import fields as f
from jmt.customs.xml.schema import CEB_NS, assert_valid

MAX_ENTITIES = 100  # Order / Logistics / Inventory / … per message
MAX_LINES = 100  # lines in one 总分单 or 汇总申请 part
NSMAP = {"ceb": CEB_NS}
T = TypeVar("T")


@dataclass(frozen=True)
class Transfer:
    """``BaseTransfer``: the enterprise that transmits the message and its DXP ID."""

    cop_code: str
    cop_name: str
    dxp_id: str
    dxp_mode: str = "DXP"
    note: str = ""


@dataclass
class BuiltMessage:
    message_type: str  # CEB303 …
    guid: str
    xml: bytes
    documents: list[Any] = field(default_factory=list)  # the entities (model instances) it carries
    part: int = 1
    parts: int = 1


def new_message_guid() -> str:
    return str(uuid.uuid4()).upper()


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def text(value: Any) -> str:
    """A value as the XSD wants it: decimals without exponent or trailing zeros, yyyyMMdd dates."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        normal = value.normalize()
        return format(normal, "f") if normal != 0 else "0"
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%Y%m%d%H%M%S")
            if timezone.is_aware(value)
            else value.strftime("%Y%m%d%H%M%S")
        )
    if isinstance(value, date):
        return value.strftime("%Y%m%d")
    return str(value)


def _q(name: str) -> str:
    return f"{{{CEB_NS}}}{name}"


def _append(parent: etree._Element, tag: str, names: Iterable[str], values: Callable[[str], Any], entity: str) -> None:
    node = etree.SubElement(parent, _q(tag))
    for name in names:
        value = text(values(name))
        if value == "" and f.is_optional(name, entity):
            continue
        etree.SubElement(node, _q(name)).text = value


def _attrs(obj: Any, overrides: dict[str, Any] | None = None) -> Callable[[str], Any]:
    extra = overrides or {}

    def get(name: str) -> Any:
        if name in extra:
            return extra[name]
        return getattr(obj, f.snake(name), "")

    return get


def _root(message_type: str, guid: str) -> etree._Element:
    return etree.Element(_q(f"{message_type}Message"), nsmap=NSMAP, attrib={"guid": guid, "version": "1.0"})


def _finish(root: etree._Element, transfer: Transfer, message_type: str) -> bytes:
    values = {
        "copCode": transfer.cop_code,
        "copName": transfer.cop_name,
        "dxpMode": transfer.dxp_mode,
        "dxpId": transfer.dxp_id,
        "note": transfer.note,
    }
    _append(root, "BaseTransfer", f.BASE_TRANSFER, values.__getitem__, "transfer")
    assert_valid(root, message_type)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _app_time(now: datetime | None) -> str:
    return text(now or timezone.now())


# --- one builder per message type ------------------------------------------------------------------


def build_ceb303(orders: Sequence[Any], transfer: Transfer, *, now: datetime | None = None) -> list[BuiltMessage]:
    """电子订单: ``orders`` are Order rows with their lines prefetched (``order.lines.all()``)."""
    built: list[BuiltMessage] = []
    app_time = _app_time(now)
    for part in chunks(orders, MAX_ENTITIES):
        guid = new_message_guid()
        root = _root("CEB303", guid)
        for order in part:
            node = etree.SubElement(root, _q("Order"))
            _append(node, "OrderHead", f.ORDER_HEAD, _attrs(order, {"appTime": app_time}), "order")
            for line in sorted(order.lines.all(), key=lambda item: item.gnum):
                _append(node, "OrderList", f.ORDER_LIST, _attrs(line), "order")
        built.append(BuiltMessage("CEB303", guid, _finish(root, transfer, "CEB303"), list(part)))
    return built


def build_ceb505(waybills: Sequence[Any], transfer: Transfer, *, now: datetime | None = None) -> list[BuiltMessage]:
    """物流运单: ``waybills`` are Logistics rows."""
    built: list[BuiltMessage] = []
    app_time = _app_time(now)
    for part in chunks(waybills, MAX_ENTITIES):
        guid = new_message_guid()
        root = _root("CEB505", guid)
        for item in part:
            _append(root, "Logistics", f.LOGISTICS, _attrs(item, {"appTime": app_time}), "logistics")
        built.append(BuiltMessage("CEB505", guid, _finish(root, transfer, "CEB505"), list(part)))
    return built


def build_ceb603(inventories: Sequence[Any], transfer: Transfer, *, now: datetime | None = None) -> list[BuiltMessage]:
    """出口申报清单: Inventory rows with their lines prefetched."""
    built: list[BuiltMessage] = []
    app_time = _app_time(now)
    for part in chunks(inventories, MAX_ENTITIES):
        guid = new_message_guid()
        root = _root("CEB603", guid)
        for inventory in part:
            node = etree.SubElement(root, _q("Inventory"))
            _append(node, "InventoryHead", f.INVENTORY_HEAD, _attrs(inventory, {"appTime": app_time}), "inventory")
            for line in sorted(inventory.lines.all(), key=lambda item: item.gnum):
                _append(node, "InventoryList", f.INVENTORY_LIST, _attrs(line), "inventory")
        built.append(BuiltMessage("CEB603", guid, _finish(root, transfer, "CEB603"), list(part)))
    return built


def build_ceb605(cancels: Sequence[Any], transfer: Transfer, *, now: datetime | None = None) -> list[BuiltMessage]:
    """撤销申请单: InvtCancel rows (invtNo and reason required)."""
    built: list[BuiltMessage] = []
    app_time = _app_time(now)
    for part in chunks(cancels, MAX_ENTITIES):
        guid = new_message_guid()
        root = _root("CEB605", guid)
        for cancel in part:
            _append(root, "InvtCancel", f.INVT_CANCEL, _attrs(cancel, {"appTime": app_time}), "cancel")
        built.append(BuiltMessage("CEB605", guid, _finish(root, transfer, "CEB605"), list(part)))
    return built


def part_guid(document_guid: str, part: int, parts: int) -> str:
    """The head guid of part ``part`` of a split 总分单 / 汇总申请: the document's own guid when unsplit."""
    if parts == 1:
        return document_guid
    return str(uuid.uuid5(uuid.UUID(document_guid), f"part-{part}")).upper()


def build_ceb607(waybill: Any, transfer: Transfer, *, now: datetime | None = None) -> list[BuiltMessage]:
    """清单总分单: one WayBill with its lines; more than 100 lines go out as numbered parts."""
    lines = sorted(waybill.lines.all(), key=lambda item: item.gnum)
    parts = list(chunks(lines, MAX_LINES)) or [[]]
    built: list[BuiltMessage] = []
    app_time = _app_time(now)
    for index, part_lines in enumerate(parts, start=1):
        guid = new_message_guid()
        root = _root("CEB607", guid)
        node = etree.SubElement(root, _q("WayBill"))
        head = {
            "guid": part_guid(waybill.guid, index, len(parts)),
            "appTime": app_time,
            "msgCount": len(parts),
            "msgSeqNo": index,
        }
        _append(node, "WayBillHead", f.WAYBILL_HEAD, _attrs(waybill, head), "waybill")
        for line in part_lines:
            _append(node, "WayBillList", f.WAYBILL_LIST, _attrs(line), "waybill")
        built.append(BuiltMessage("CEB607", guid, _finish(root, transfer, "CEB607"), [waybill], index, len(parts)))
    return built


def build_ceb701(summary: Any, transfer: Transfer, *, now: datetime | None = None) -> list[BuiltMessage]:
    """汇总申请单: the invtNo list, 100 to a part — never together with a startTime / endTime window.

    The spec takes either the list or the window; given both, customs ignores the list and summarises
    every 结关 inventory of the window (including ones we still hold as 待汇总). The official sample
    sends the list only, and so do we: the window is sent only by a summary that has no list."""
    lines = sorted(summary.lines.all(), key=lambda item: item.invt_no)
    parts = list(chunks(lines, MAX_LINES)) or [[]]
    built: list[BuiltMessage] = []
    app_time = _app_time(now)
    for index, part_lines in enumerate(parts, start=1):
        guid = new_message_guid()
        root = _root("CEB701", guid)
        node = etree.SubElement(root, _q("SummaryApply"))
        head = {
            "guid": part_guid(summary.guid, index, len(parts)),
            "appTime": app_time,
            "msgCount": len(parts),
            "msgSeqNo": index,
        }
        if lines:
            head |= {"startTime": "", "endTime": ""}
        _append(node, "SummaryApplyHead", f.SUMMARY_HEAD, _attrs(summary, head), "summary")
        for line in part_lines:
            _append(node, "SummaryApplyList", f.SUMMARY_LIST, _attrs(line), "summary")
        built.append(BuiltMessage("CEB701", guid, _finish(root, transfer, "CEB701"), [summary], index, len(parts)))
    return built


BUILDERS: dict[str, Callable[..., list[BuiltMessage]]] = {
    "CEB303": build_ceb303,
    "CEB505": build_ceb505,
    "CEB603": build_ceb603,
    "CEB605": build_ceb605,
}
