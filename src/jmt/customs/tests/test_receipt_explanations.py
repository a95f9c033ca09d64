"""Every receipt code a merchant can see is explained: a label, what it means, what to do next."""

from __future__ import annotations

import pytest

from jmt.customs.codes.receipts import CODE_BY_STATUS, TABLES, explain, explain_document, explain_receipt
from jmt.customs.models import DocStatus
from jmt.customs.services.receipts import STATUS_BY_CODE

EXPECTED = {
    ("order", "2"): "电子口岸申报中",
    ("order", "3"): "发送海关成功",
    ("order", "120"): "海关入库",
    ("order", "100"): "海关退单",
    ("order", "-301010"): "订单已存在",
    ("order", "-301011"): "订单的清单已申报",
    ("logistics", "2"): "电子口岸申报中",
    ("logistics", "120"): "海关入库",
    ("logistics", "100"): "海关退单",
    ("logistics", "-504015"): "运单已存在",
    ("inventory", "2"): "电子口岸申报中",
    ("inventory", "120"): "海关入库",
    ("inventory", "300"): "人工审核",
    ("inventory", "399"): "海关审结",
    ("inventory", "500"): "查验",
    ("inventory", "800"): "放行",
    ("inventory", "899"): "结关",
    ("inventory", "100"): "海关退单",
    ("inventory", "-301011"): "清单已申报",
    ("waybill", "2"): "电子口岸申报中",
    ("waybill", "3"): "发送海关成功",
    ("waybill", "120"): "海关入库",
    ("waybill", "100"): "海关退单",
    ("summary", "2"): "电子口岸申报中",
    ("summary", "120"): "海关入库",
    ("summary", "100"): "海关退单",
    ("summary", "792"): "已生成报关单",
    ("cancel", "2"): "电子口岸申报中",
    ("cancel", "120"): "海关入库",
    ("cancel", "399"): "撤销成功",
    ("cancel", "100"): "撤销被退回",
    ("cancel", "-623005"): "清单状态不允许撤销",
    ("cancel", "-623009"): "已有撤销申请",
}


@pytest.mark.parametrize(("kind", "code"), sorted(EXPECTED))
def test_each_receipt_code_of_each_document_type_has_a_label_a_meaning_and_a_next_step(kind, code):
    explained = explain(kind, code)
    assert explained.label == EXPECTED[(kind, code)]
    assert explained.meaning
    assert explained.next_step
    assert explained.tone in {"success", "processing", "warning", "error", "default"}


def test_every_code_customs_uses_for_a_status_is_in_the_tables():
    for code in STATUS_BY_CODE:
        assert code in TABLES["inventory"] or code in TABLES["order"], code


def test_plain_chinese_only_no_raw_english_in_the_tables():
    for table in TABLES.values():
        for explained in table.values():
            text = explained.label + explained.meaning + explained.next_step
            assert not any("a" <= ch.lower() <= "z" for ch in text), text


def test_a_refusal_carries_customs_reason_in_its_meaning():
    explained = explain("order", "100", "订单商品金额51与表体总价合计50不符")
    assert explained.label == "海关退单"
    assert "与表体总价合计50不符" in explained.meaning
    assert "修改" in explained.next_step


def test_an_unknown_negative_code_falls_back_to_customs_text_with_a_next_step():
    explained = explain("inventory", "-999001", "申报企业未备案")
    assert explained.label == "处理异常"
    assert "-999001" in explained.meaning
    assert "申报企业未备案" in explained.meaning
    assert "联系客服" in explained.next_step
    assert explained.tone == "error"


def test_an_unknown_positive_code_is_progress_in_customs_words():
    explained = explain("order", "130", "待三单对碰")
    assert explained.tone == "processing"
    assert "待三单对碰" in explained.meaning


def test_a_document_before_any_receipt_is_explained_by_our_own_state():
    class Doc:
        status = DocStatus.QUEUED
        return_status = ""
        return_info = ""

    assert explain_document("order", Doc()).label == "排队发送"
    Doc.status = DocStatus.WITHDRAWN
    assert explain_document("cancel", Doc()).label == "已不再撤销"


def test_a_cancelled_inventory_shows_cancelled_not_its_last_receipt():
    class Doc:
        status = DocStatus.CANCELLED
        return_status = "800"
        return_info = "撤销成功：买家取消"

    assert explain_document("inventory", Doc()).label == "已撤销"


def test_a_format_failure_is_explained_as_such():
    explained = explain_receipt("order", "CEB900", "-1", "currency 长度不符")
    assert explained.label == "报文格式错误"
    assert "currency 长度不符" in explained.meaning


def test_a_document_in_a_receipt_status_without_its_code_is_explained_by_that_status():
    """Demo data and back-office moves leave ``return_status`` empty: 放行 is still 放行, not ``released``."""

    class Doc:
        status = DocStatus.RELEASED
        return_status = ""
        return_info = ""

    explained = explain_document("inventory", Doc())
    assert (explained.label, explained.tone) == ("放行", "success")
    assert {code: DocStatus(status) for status, code in CODE_BY_STATUS.items()} == STATUS_BY_CODE
    for status in DocStatus:
        Doc.status = status
        label = explain_document("inventory", Doc()).label
        assert label != status
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label), status
