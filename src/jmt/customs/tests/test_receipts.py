"""Receipts are stored once and applied by returnTime: never backwards, whatever the arrival order."""

from __future__ import annotations

import pytest

from jmt.customs.models import DocStatus, Message, Order, Receipt
from jmt.customs.services.receipts import receipt_ingest
from jmt.customs.tests.factories import make_order
from jmt.customs.xml.receipts import ReceiptParseError
from jmt.integrations.customs_gateway.simulator import build_receipt_message

pytestmark = pytest.mark.django_db


def _receipt(order: Order, status: str, when: str, info: str = "") -> dict[str, str]:
    return {
        "guid": order.guid,
        "ebpCode": order.ebp_code,
        "ebcCode": order.ebc_code,
        "orderNo": order.order_no,
        "returnStatus": status,
        "returnTime": when,
        "returnInfo": info or f"状态{status}",
    }


def _deliver(*entities: dict[str, str]):
    return receipt_ingest(build_receipt_message("CEB304", list(entities)))


@pytest.fixture
def order(batch):
    created = make_order(batch)
    Order.objects.filter(pk=created.pk).update(status=DocStatus.SENT)
    created.refresh_from_db()
    return created


def test_an_older_receipt_arriving_late_does_not_move_the_status_back(order):
    _deliver(_receipt(order, "120", "20260318090003000"))
    _deliver(_receipt(order, "2", "20260318090001000"))
    _deliver(_receipt(order, "3", "20260318090002000"))
    order.refresh_from_db()
    assert (order.status, order.return_status, order.return_time) == (DocStatus.STORED, "120", "20260318090003000")
    assert Receipt.objects.filter(order=order).count() == 3  # all kept for the timeline
    assert list(Receipt.objects.filter(order=order, applied=True).values_list("return_status", flat=True)) == ["120"]


def test_the_same_message_delivered_twice_is_stored_once(order):
    xml = build_receipt_message("CEB304", [_receipt(order, "2", "20260318090001000")], guid="B" * 36)
    first = receipt_ingest(xml)
    second = receipt_ingest(xml)
    assert (first.duplicate_message, second.duplicate_message) == (False, True)
    assert Message.objects.filter(direction="in").count() == 1
    assert Receipt.objects.count() == 1


def test_the_same_receipt_in_another_envelope_is_stored_once_and_changes_nothing(order):
    _deliver(_receipt(order, "2", "20260318090001000"))
    _deliver(_receipt(order, "2", "20260318090001000"))
    order.refresh_from_db()
    assert order.status == DocStatus.DECLARING
    assert Receipt.objects.count() == 1


def test_receipts_out_of_order_within_one_message_end_on_the_newest(order):
    _deliver(_receipt(order, "120", "20260318090003000"), _receipt(order, "2", "20260318090001000"))
    order.refresh_from_db()
    assert order.status == DocStatus.STORED


def test_a_rejection_keeps_its_reason(order):
    _deliver(_receipt(order, "100", "20260318090002000", "订单商品金额与表体总价合计不符"))
    order.refresh_from_db()
    assert (order.status, order.return_info) == (DocStatus.REJECTED, "订单商品金额与表体总价合计不符")


def test_already_exists_counts_as_declared_only_before_customs_answered(order, batch):
    _deliver(_receipt(order, "-301010", "20260318090001000", "订单编号已存在"))
    order.refresh_from_db()
    assert order.status == DocStatus.EXISTS
    stored = make_order(batch)
    _deliver(_receipt(stored, "120", "20260318090001000"))
    _deliver(_receipt(stored, "-301010", "20260318090009000", "订单编号已存在"))
    stored.refresh_from_db()
    assert stored.status == DocStatus.STORED


def test_a_receipt_without_our_guid_is_matched_by_order_number(order):
    entity = _receipt(order, "120", "20260318090003000")
    entity["guid"] = "0" * 36
    _deliver(entity)
    order.refresh_from_db()
    assert order.status == DocStatus.STORED


def test_a_receipt_for_an_unknown_order_is_kept_without_applying(batch):
    _deliver({
        "guid": "F" * 36, "ebpCode": "X", "ebcCode": "Y", "orderNo": "NOPE",
        "returnStatus": "120", "returnTime": "20260318090003000", "returnInfo": "海关入库",
    })  # fmt: skip
    receipt = Receipt.objects.get()
    assert (receipt.order_id, receipt.applied) == (None, False)


def test_unreadable_bytes_are_kept_and_refused():
    with pytest.raises(ReceiptParseError):
        receipt_ingest(b"<html>gateway error</html>")
    assert Message.objects.get().message_type == "UNKNOWN"
