"""Every message we build validates against the official XSD; batches split at 100 entities."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from lxml import etree

from jmt.customs.models import Order
from jmt.customs.services.submission import transfer_of
from jmt.customs.tests.factories import (
    make_cancel,
    make_logistics,
    make_order,
    make_shipment,
    make_summary,
    make_waybill,
)
from jmt.customs.xml import schema
from jmt.customs.xml.builders import (
    build_ceb303,
    build_ceb505,
    build_ceb603,
    build_ceb605,
    build_ceb607,
    build_ceb701,
)
from jmt.customs.xml.schema import CEB_NS, MessageInvalid, get_schema

pytestmark = pytest.mark.django_db
NS = {"ceb": CEB_NS}


def _root(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def _assert_valid(xml: bytes) -> etree._Element:
    root = _root(xml)
    assert get_schema().validate(root), get_schema().error_log
    return root


def test_the_official_schema_is_where_the_settings_say():
    # Tests and CI use the shared copy and fail (never skip) when it is missing.
    assert schema.schema_path().is_file(), f"missing official XSD at {schema.schema_path()}"
    assert (schema.schema_path().parent / "xmldsig-core-schema.xsd").is_file()


def test_a_missing_schema_stops_every_build(settings, batch):
    settings.CUSTOMS_XSD_PATH = "/nonexistent/海关跨境出口业务节点报文定义202205.xsd"
    order = make_order(batch)
    with pytest.raises(ImproperlyConfigured, match="JMT_CUSTOMS_XSD_PATH"):
        build_ceb303([order], transfer_of(batch))


def test_ceb303_order_validates_and_uses_the_xsd_names(batch):
    order = make_order(batch, lines=3)
    [message] = build_ceb303([Order.objects.prefetch_related("lines").get(pk=order.pk)], transfer_of(batch))
    root = _assert_valid(message.xml)
    assert root.tag == f"{{{CEB_NS}}}CEB303Message"
    assert root.get("guid") == message.guid
    assert len(message.guid) == 36
    assert message.guid == message.guid.upper()
    assert root.findtext("ceb:Order/ceb:OrderHead/ceb:orderNo", namespaces=NS) == order.order_no
    assert root.findtext("ceb:Order/ceb:OrderHead/ceb:goodsValue", namespaces=NS) == "153"
    assert [g.text for g in root.findall("ceb:Order/ceb:OrderList/ceb:gnum", namespaces=NS)] == ["1", "2", "3"]
    assert root.findtext("ceb:BaseTransfer/ceb:dxpMode", namespaces=NS) == "DXP"
    assert root.findtext("ceb:BaseTransfer/ceb:dxpId", namespaces=NS) == batch.dxp_id


def test_ceb505_waybill_validates(batch):
    logistics = make_logistics(batch, ebc_telephone="13800000001")
    [message] = build_ceb505([logistics], transfer_of(batch))
    root = _assert_valid(message.xml)
    assert root.findtext("ceb:Logistics/ceb:logisticsNo", namespaces=NS) == logistics.logistics_no
    assert root.findtext("ceb:Logistics/ceb:grossWeight", namespaces=NS) == "0.35"


def test_ceb603_inventory_validates_with_hs_code_and_legal_quantity(batch):
    _, _, inventory = make_shipment(batch)
    inventory = type(inventory).objects.prefetch_related("lines").get(pk=inventory.pk)
    [message] = build_ceb603([inventory], transfer_of(batch))
    root = _assert_valid(message.xml)
    head = root.find("ceb:Inventory/ceb:InventoryHead", namespaces=NS)
    assert head is not None
    assert head.findtext("ceb:tradeMode", namespaces=NS) == "9610"
    assert head.findtext("ceb:statisticsFlag", namespaces=NS) == "B"
    assert head.findtext("ceb:POD", namespaces=NS) == "ULAX"  # a port, not the country code
    assert head.findtext("ceb:fCurrency", namespaces=NS) == "502"
    assert head.findtext("ceb:ieDate", namespaces=NS) == "20260318"
    assert head.find("ceb:invtNo", namespaces=NS) is None  # optional and not yet assigned: left out
    line = root.find("ceb:Inventory/ceb:InventoryList", namespaces=NS)
    assert line is not None
    assert line.findtext("ceb:gcode", namespaces=NS) == "7116200000"
    assert line.findtext("ceb:unit1", namespaces=NS) == "035"


def test_ceb605_cancel_validates_with_invt_no_and_reason(batch):
    _, _, inventory = make_shipment(batch)
    cancel = make_cancel(inventory)
    [message] = build_ceb605([cancel], transfer_of(batch))
    root = _assert_valid(message.xml)
    assert root.findtext("ceb:InvtCancel/ceb:invtNo", namespaces=NS) == cancel.invt_no
    assert root.findtext("ceb:InvtCancel/ceb:reason", namespaces=NS) == cancel.reason


def test_ceb607_waybill_groups_validates(batch):
    waybill = make_waybill(batch, ["LN1", "LN2"])
    [message] = build_ceb607(type(waybill).objects.prefetch_related("lines").get(pk=waybill.pk), transfer_of(batch))
    root = _assert_valid(message.xml)
    assert root.findtext("ceb:WayBill/ceb:WayBillHead/ceb:billNo", namespaces=NS) == "999-12345678"
    assert root.findtext("ceb:WayBill/ceb:WayBillHead/ceb:msgCount", namespaces=NS) == "1"
    assert root.findtext("ceb:WayBill/ceb:WayBillHead/ceb:guid", namespaces=NS) == waybill.guid
    assert len(root.findall("ceb:WayBill/ceb:WayBillList", namespaces=NS)) == 2


def test_ceb701_summary_validates(batch):
    summary = make_summary(batch, ["230520260E000000001", "230520260E000000002"])
    [message] = build_ceb701(type(summary).objects.prefetch_related("lines").get(pk=summary.pk), transfer_of(batch))
    root = _assert_valid(message.xml)
    assert len(root.findall("ceb:SummaryApply/ceb:SummaryApplyList", namespaces=NS)) == 2
    assert root.findtext("ceb:SummaryApply/ceb:SummaryApplyHead/ceb:summaryFlag", namespaces=NS) == "1"


def test_ceb701_sends_the_inventory_list_and_never_the_time_window_with_it(batch):
    summary = make_summary(batch, ["230520260E000000001"], start_time="20260301000000", end_time="20260331235959")
    [message] = build_ceb701(type(summary).objects.prefetch_related("lines").get(pk=summary.pk), transfer_of(batch))
    root = _assert_valid(message.xml)
    head = root.find("ceb:SummaryApply/ceb:SummaryApplyHead", namespaces=NS)
    assert head is not None
    assert head.find("ceb:startTime", namespaces=NS) is None
    assert head.find("ceb:endTime", namespaces=NS) is None
    assert root.findtext("ceb:SummaryApply/ceb:SummaryApplyList/ceb:invtNo", namespaces=NS) == "230520260E000000001"


def test_250_orders_are_split_into_messages_of_100(batch):
    for _ in range(250):
        make_order(batch)
    orders = list(Order.objects.prefetch_related("lines").order_by("pk"))
    messages = build_ceb303(orders, transfer_of(batch))
    assert [len(_root(m.xml).findall("ceb:Order", namespaces=NS)) for m in messages] == [100, 100, 50]
    assert len({m.guid for m in messages}) == 3
    assert [o.pk for m in messages for o in m.documents] == [o.pk for o in orders]


def test_a_250_line_waybill_group_goes_out_in_three_numbered_parts(batch):
    waybill = make_waybill(batch, [f"LN{i:05d}" for i in range(250)])
    parts = build_ceb607(type(waybill).objects.prefetch_related("lines").get(pk=waybill.pk), transfer_of(batch))
    found = [_root(p.xml).find("ceb:WayBill/ceb:WayBillHead", namespaces=NS) for p in parts]
    heads = [head for head in found if head is not None]
    assert len(heads) == 3
    assert [(h.findtext("ceb:msgCount", namespaces=NS), h.findtext("ceb:msgSeqNo", namespaces=NS)) for h in heads] == [
        ("3", "1"),
        ("3", "2"),
        ("3", "3"),
    ]
    assert [len(_root(p.xml).findall("ceb:WayBill/ceb:WayBillList", namespaces=NS)) for p in parts] == [100, 100, 50]
    assert len({h.findtext("ceb:guid", namespaces=NS) for h in heads}) == 3


def test_a_message_that_breaks_the_schema_never_leaves(batch):
    order = make_order(batch)
    Order.objects.filter(pk=order.pk).update(currency="US")  # length=3 in the XSD
    with pytest.raises(MessageInvalid) as caught:
        build_ceb303([Order.objects.prefetch_related("lines").get(pk=order.pk)], transfer_of(batch))
    assert caught.value.message_type == "CEB303"
    assert any("currency" in error for error in caught.value.errors)


def test_decimals_are_written_without_exponent_or_trailing_zeros(batch):
    order = make_order(batch, goods_value=Decimal("100.00000"))
    Order.objects.filter(pk=order.pk).update(freight=Decimal("0.00000"))
    lines = order.lines.all()
    lines.update(total_price=Decimal("50.00000"))
    [message] = build_ceb303([Order.objects.prefetch_related("lines").get(pk=order.pk)], transfer_of(batch))
    root = _root(message.xml)
    assert root.findtext("ceb:Order/ceb:OrderHead/ceb:goodsValue", namespaces=NS) == "100"
    assert root.findtext("ceb:Order/ceb:OrderHead/ceb:freight", namespaces=NS) == "0"


def test_no_official_schema_or_sample_is_copied_into_the_repository(settings):
    repo = Path(settings.BASE_DIR)
    copies = [p for p in (repo / "src").rglob("*") if p.suffix == ".xsd" or p.name.endswith("Message.xml")]
    assert copies == []
