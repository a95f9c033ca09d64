"""The official receipt samples (those that validate) are read; CEB792 and CEB900 are read too."""

from __future__ import annotations

import pytest

from jmt.customs.tests.conftest import SHARED_CUSTOMS
from jmt.customs.xml.receipts import ReceiptParseError, parse_message
from jmt.integrations.customs_gateway.simulator import build_receipt_message

SAMPLES = SHARED_CUSTOMS / "samples"
VALID_RECEIPT_SAMPLES = {
    "CEB304": ("order", "orderNo"),
    "CEB506": ("logistics", "logisticsNo"),
    "CEB604": ("inventory", "invtNo"),
    "CEB606": ("cancel", "invtNo"),
    "CEB608": ("waybill", "billNo"),
    "CEB702": ("summary", "sumNo"),
}


@pytest.mark.parametrize("message_type", sorted(VALID_RECEIPT_SAMPLES))
def test_an_official_receipt_sample_is_read(message_type):
    path = SAMPLES / f"{message_type}Message.xml"
    assert path.is_file(), f"missing official sample {path}"
    parsed = parse_message(path.read_bytes())  # the samples start with a BOM
    kind, number = VALID_RECEIPT_SAMPLES[message_type]
    assert parsed.message_type == message_type
    assert parsed.schema_valid, parsed.schema_errors
    assert parsed.returns
    first = parsed.returns[0]
    assert first.kind == kind
    assert first.get("returnStatus") == "2"
    assert len(first.get("returnTime")) == 17
    assert first.get(number)
    assert first.raw.startswith("<ceb:")


def test_the_official_ceb792_sample_is_read_although_it_breaks_the_schema():
    parsed = parse_message((SAMPLES / "CEB792Message.xml").read_bytes())
    assert parsed.message_type == "CEB792"
    assert not parsed.schema_valid  # its lists put gnum where the XSD wants gseqno
    result = parsed.summary_results[0]
    assert result.head["sumNo"] == "S20180507000000001"
    assert result.head["declSeqNo"] == "S20180508000000001"
    assert result.lines[0]["invtNo"] == "Invt20180507000001"


def test_a_ceb900_format_receipt_is_read():
    xml = build_receipt_message(
        "CEB900",
        [
            {
                "guid": "A" * 36,
                "returnStatus": "-1",
                "returnInfo": "报文格式校验失败",
                "returnTime": "20260318090000123",
                "oriCopMsgId": "A" * 36,
                "oriMessageType": "CEB303Message",
                "oriBizMessage": "<ceb:CEB303Message/>",
            }
        ],
    )
    parsed = parse_message(xml)
    assert parsed.message_type == "CEB900"
    assert parsed.format_receipt is not None
    assert parsed.format_receipt["oriMessageType"] == "CEB303Message"
    assert parsed.format_receipt["oriBizMessage"] == "<ceb:CEB303Message/>"


@pytest.mark.parametrize(
    "xml",
    [b"not xml", b"<html><body>502 Bad Gateway</body></html>", b'<ceb:CEB304Message xmlns:ceb="x" guid="1"/>'],
)
def test_something_that_is_not_a_receipt_is_refused(xml):
    with pytest.raises(ReceiptParseError):
        parse_message(xml)


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE x [<!ENTITY e "boom">]>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY e "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ],
    ids=["internal-entity", "external-entity", "entity-expansion"],
)
def test_a_receipt_with_entity_declarations_is_refused_unexpanded(doctype):
    xml = (
        b'<?xml version="1.0"?>' + doctype + b'<CEB304Message guid="1"><OrderReturn><orderNo>&e;</orderNo>'
        b"</OrderReturn></CEB304Message>"
    )
    with pytest.raises(ReceiptParseError, match="DOCTYPE"):
        parse_message(xml)
