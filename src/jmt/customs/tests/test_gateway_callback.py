"""POST /api/v1/customs/gateway/callback: signed receipts are stored, then answered SUCCESS."""

from __future__ import annotations

import time

import pytest

from jmt.customs.models import DocStatus, Message, Order, Receipt
from jmt.customs.tests.factories import make_order
from jmt.integrations.customs_gateway.signing import sign_headers
from jmt.integrations.customs_gateway.simulator import build_receipt_message

pytestmark = pytest.mark.django_db
PATH = "/api/v1/customs/gateway/callback"


@pytest.fixture(autouse=True)
def _gateway_credentials(settings):
    settings.CUSTOMS_GATEWAY_APP_KEY = "jmt-app"
    settings.CUSTOMS_GATEWAY_APP_SECRET = "callback-secret"


def _push(client, body: bytes, *, secret: str = "callback-secret", app_key: str = "jmt-app", when: float | None = None):
    headers = sign_headers(app_key=app_key, secret=secret, method="POST", path=PATH, body=body, now=when)
    return client.post(PATH, body, content_type="application/xml", headers=headers)


@pytest.fixture
def receipt_xml(batch) -> tuple[Order, bytes]:
    order = make_order(batch)
    Order.objects.filter(pk=order.pk).update(status=DocStatus.SENT)
    entity = {
        "guid": order.guid, "ebpCode": order.ebp_code, "ebcCode": order.ebc_code, "orderNo": order.order_no,
        "returnStatus": "120", "returnTime": "20260318090003000", "returnInfo": "海关入库",
    }  # fmt: skip
    return order, build_receipt_message("CEB304", [entity])


def test_a_signed_receipt_is_stored_and_answered_success(client, receipt_xml):
    order, body = receipt_xml
    response = _push(client, body)
    assert response.status_code == 200
    assert response.content == b"SUCCESS"
    order.refresh_from_db()
    assert order.status == DocStatus.STORED
    assert Message.objects.get(direction="in").xml.encode() == body


def test_a_repeated_push_is_answered_success_and_stored_once(client, receipt_xml):
    _, body = receipt_xml
    assert _push(client, body).content == b"SUCCESS"
    assert _push(client, body).content == b"SUCCESS"  # a new nonce, the same receipt
    assert Message.objects.filter(direction="in").count() == 1
    assert Receipt.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [{"secret": "wrong"}, {"app_key": "someone-else"}, {"when": time.time() - 3600}],
    ids=["bad-signature", "unknown-app-key", "stale-timestamp"],
)
def test_an_unsigned_or_forged_push_is_refused_and_not_stored(client, receipt_xml, change):
    _, body = receipt_xml
    response = _push(client, body, **change)
    assert response.status_code == 401
    assert response.json()["code"] == "CUSTOMS_GATEWAY_SIGNATURE_INVALID"
    assert not Message.objects.exists()


def test_a_replayed_request_is_refused(client, receipt_xml):
    _, body = receipt_xml
    headers = sign_headers(app_key="jmt-app", secret="callback-secret", method="POST", path=PATH, body=body)
    assert client.post(PATH, body, content_type="application/xml", headers=headers).status_code == 200
    assert client.post(PATH, body, content_type="application/xml", headers=headers).status_code == 401


def test_a_push_that_is_not_a_receipt_is_refused_without_success(client):
    response = _push(client, b"<html>oops</html>")
    assert response.status_code == 400
    assert response.json()["code"] == "CUSTOMS_RECEIPT_INVALID"


def test_without_configured_credentials_every_push_is_refused(client, settings, receipt_xml):
    settings.CUSTOMS_GATEWAY_APP_SECRET = ""
    _, body = receipt_xml
    assert _push(client, body, secret="").status_code == 401


def test_a_receipt_signed_with_a_merchants_own_account_is_verified_with_that_accounts_secret(client, receipt_xml):
    order, body = receipt_xml  # the batch's merchant has its own 点点通 account (factories.make_gateway_config)
    assert _push(client, body, app_key="ddt-merchant-app", secret="s3cret-ab12").content == b"SUCCESS"
    order.refresh_from_db()
    assert order.status == DocStatus.STORED


def test_a_merchants_key_with_the_platform_secret_is_refused(client, receipt_xml):
    _, body = receipt_xml
    response = _push(client, body, app_key="ddt-merchant-app", secret="callback-secret")
    assert response.status_code == 401
    assert not Message.objects.exists()


def test_a_receipt_with_entity_references_is_refused_and_kept_for_staff(client, receipt_xml):
    order, body = receipt_xml
    head, rest = body.split(b"?>", 1)
    doctype = b'<!DOCTYPE x [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;&a;">]>'
    hostile = head + b"?>" + doctype + rest.replace("海关入库".encode(), b"&b;")

    response = _push(client, hostile)

    assert response.status_code == 400
    assert response.json()["code"] == "CUSTOMS_RECEIPT_INVALID"
    kept = Message.objects.get(direction="in")
    assert kept.message_type == "UNKNOWN"
    assert "DOCTYPE" in kept.problem
    assert kept.xml.encode() == hostile
    order.refresh_from_db()
    assert order.status == DocStatus.SENT
    assert not Receipt.objects.exists()


def test_an_unreadable_receipt_with_nul_characters_is_kept_without_them(client):
    response = _push(client, b"<CEB304Message>\x00</CEB304Message>")
    assert response.status_code == 400
    assert "\x00" not in Message.objects.get(direction="in").xml


# --- receipts are scoped to the merchant whose account signed them (issue 9 item 5) ----------------


@pytest.fixture
def other_account(other_merchant_user):
    from jmt.customs.models import GatewayConfig
    from jmt.customs.tests.factories import make_gateway_config
    from jmt.merchants.models import Membership

    merchant = Membership.objects.get(user=other_merchant_user).merchant
    config = GatewayConfig.objects.filter(merchant=merchant).first()
    if config is None:
        make_gateway_config(merchant, app_key="ddt-other-app", secret="other-secret")
    else:  # ``other_batch`` gave it one already
        config.app_key = "ddt-other-app"
        config.set_secret("other-secret")
        config.save()
    return merchant


def test_a_receipt_signed_by_another_merchants_account_changes_nothing_and_is_recorded_refused(
    client, receipt_xml, other_account
):
    order, body = receipt_xml  # the order belongs to the batch's merchant, not to ``other_account``
    response = _push(client, body, app_key="ddt-other-app", secret="other-secret")

    assert response.content == b"SUCCESS"  # stored: the gateway must not retry it forever
    order.refresh_from_db()
    assert (order.status, order.return_status) == (DocStatus.SENT, "")
    receipt = Receipt.objects.get()
    assert (receipt.refused, receipt.applied, receipt.order_id) == (True, False, None)
    message = Message.objects.get(direction="in")
    assert message.merchant_id == other_account.pk
    assert "1 条回执涉及其他商户的单证" in message.problem
    assert other_account.name in message.problem


def test_a_receipt_signed_by_the_owners_account_is_not_refused(client, receipt_xml, other_account):
    order, body = receipt_xml
    assert _push(client, body, app_key="ddt-merchant-app", secret="s3cret-ab12").content == b"SUCCESS"
    order.refresh_from_db()
    assert order.status == DocStatus.STORED
    assert Receipt.objects.get().refused is False


def test_a_summary_result_for_another_merchants_summary_writes_no_declaration_number(other_account, batch):
    from jmt.customs.models import SummaryApply, SummaryResult
    from jmt.customs.services.receipts import receipt_ingest
    from jmt.customs.tests.factories import make_summary

    summary = make_summary(batch, ["230520260E000000001"])
    head = {
        "guid": summary.guid, "customsCode": "2305", "sumNo": "230520260000000001", "opDate": "20260401090000000",
        "declSeqNo": "230520260000000001", "decTmpNo": "", "decPreNo": "", "entryId": "230520260000000001",
        "decState": "1", "agentCode": batch.agent_code, "agentName": batch.agent_name, "ebcCode": batch.ebc_code,
        "ebcName": batch.ebc_name, "declAgentCode": batch.agent_code, "declAgentName": batch.agent_name,
        "grossWeight": "0.35", "netWeight": "0.3", "msgCount": "1", "msgSeqNo": "1", "note": "",
    }  # fmt: skip
    line = {"invtNo": "230520260E000000001", "logisticsNo": "SF1", "gseqno": "1", "gnum": "1", "gcode": "7116200000"}
    xml = build_receipt_message("CEB792", [{"head": head, "lines": [line]}])

    result = receipt_ingest(xml, source="callback", signer_merchant_id=other_account.pk)

    assert result.refused == 1
    assert SummaryApply.objects.get(pk=summary.pk).entry_id == ""
    assert not SummaryResult.objects.exists()


def test_by_business_keys_the_signers_own_document_is_found_not_another_merchants_twin(
    client, batch, other_batch, other_account
):
    mine = make_order(other_batch, order_no="DH-SAME-0001")
    theirs = make_order(batch, order_no="DH-SAME-0001")
    assert theirs.ebp_code == mine.ebp_code  # the same platform and number at two merchants
    Order.objects.filter(pk__in=[mine.pk, theirs.pk]).update(status=DocStatus.SENT)
    entity = {
        "guid": "00000000-0000-0000-0000-00000000ABCD", "ebpCode": mine.ebp_code, "ebcCode": mine.ebc_code,
        "orderNo": "DH-SAME-0001", "returnStatus": "120", "returnTime": "20260318090003000", "returnInfo": "海关入库",
    }  # fmt: skip
    body = build_receipt_message("CEB304", [entity])

    assert _push(client, body, app_key="ddt-other-app", secret="other-secret").content == b"SUCCESS"

    assert Order.objects.get(pk=mine.pk).status == DocStatus.STORED
    assert Order.objects.get(pk=theirs.pk).status == DocStatus.SENT
    assert Receipt.objects.get().refused is False
