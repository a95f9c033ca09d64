"""The real 点点通 adapter against a local fake gateway: signed POSTs of CEB XML, every answer mapped."""

from __future__ import annotations

import hashlib

import pytest

from jmt.integrations.customs_gateway.dianduantong import DianDuanTongGateway
from jmt.integrations.customs_gateway.port import GatewayError, OutboundMessage
from jmt.integrations.customs_gateway.signing import signature, string_to_sign

NS = "http://www.chinaport.gov.cn/ceb"
XML = f'<?xml version="1.0" encoding="UTF-8"?><ceb:CEB303Message xmlns:ceb="{NS}" guid="G" version="1.0"/>'.encode()
MESSAGE = OutboundMessage(message_type="CEB303", guid="A1B2C3D4-0000-0000-0000-000000000001", xml=XML)


def test_a_message_is_posted_as_signed_xml(gateway, ddt_server):
    result = gateway.submit(MESSAGE)
    assert result.duplicate is False
    assert result.reply == "已接收"
    [request] = ddt_server.requests
    assert (request.method, request.path) == ("POST", "/api/v1/ceb/messages")
    assert request.body == XML
    assert request.headers["content-type"].startswith("application/xml")
    assert request.headers["x-ceb-message-type"] == "CEB303"
    assert request.headers["x-ceb-guid"] == MESSAGE.guid
    assert request.headers["x-callback-url"].endswith("/api/v1/customs/gateway/callback")
    assert request.headers["x-app-key"] == "jmt-app"
    expected = signature(
        "s3cret", "POST", "/api/v1/ceb/messages", request.headers["x-timestamp"], request.headers["x-nonce"], XML
    )
    assert request.headers["x-signature"] == expected
    assert "s3cret" not in repr(gateway)


def test_the_string_to_sign_covers_method_path_time_nonce_and_body_hash():
    assert string_to_sign("post", "/p", "1700000000", "n1", b"body") == "\n".join(
        ["POST", "/p", "1700000000", "n1", hashlib.sha256(b"body").hexdigest()]
    )


def test_the_same_guid_twice_is_a_duplicate_not_an_error(gateway, ddt_server):
    gateway.submit(MESSAGE)
    assert gateway.submit(MESSAGE).duplicate is True
    assert list(ddt_server.app.accepted) == [MESSAGE.guid]


def test_wrong_credentials_are_a_permanent_error(ddt_server):
    wrong = DianDuanTongGateway(base_url=ddt_server.url + "api/v1", app_key="jmt-app", app_secret="nope")
    with pytest.raises(GatewayError) as caught:
        wrong.submit(MESSAGE)
    assert caught.value.permanent is True
    assert not ddt_server.app.accepted


def test_a_busy_gateway_is_retried_then_transient(gateway, ddt_server):
    ddt_server.app.fail_next = [503, 503, 503]
    with pytest.raises(GatewayError) as caught:
        gateway.submit(MESSAGE)
    assert caught.value.permanent is False
    assert len(ddt_server.requests) == 3  # jmt.core.http retries twice


def test_a_short_outage_is_ridden_out_by_the_http_helper(gateway, ddt_server):
    ddt_server.app.fail_next = [502]
    assert gateway.submit(MESSAGE).duplicate is False
    assert len(ddt_server.requests) == 2


def test_a_business_refusal_is_permanent(gateway, ddt_server):
    ddt_server.app.refuse_with = "ENTERPRISE_NOT_FILED"
    with pytest.raises(GatewayError, match="ENTERPRISE_NOT_FILED") as caught:
        gateway.submit(MESSAGE)
    assert caught.value.permanent is True


def test_check_reports_working_and_failing_credentials(gateway, ddt_server):
    assert gateway.check().ok is True
    wrong = DianDuanTongGateway(base_url=ddt_server.url + "api/v1", app_key="jmt-app", app_secret="nope")
    outcome = wrong.check()
    assert outcome.ok is False
    assert "凭证无效" in outcome.message


def test_an_unreachable_gateway_is_transient():
    gateway = DianDuanTongGateway(base_url="http://127.0.0.1:9/api", app_key="k", app_secret="s")
    with pytest.raises(GatewayError) as caught:
        gateway.submit(MESSAGE)
    assert caught.value.permanent is False


def test_private_addresses_are_refused_outside_tests(settings, gateway):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False
    with pytest.raises(GatewayError) as caught:
        gateway.submit(MESSAGE)
    assert caught.value.permanent is True
