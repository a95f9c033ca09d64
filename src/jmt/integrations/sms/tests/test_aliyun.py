from __future__ import annotations

import json

import pytest

from jmt.integrations.sms.aliyun import AliyunSmsSender, canonicalized_query, rpc_signature
from jmt.integrations.sms.port import SmsError, SmsMessage
from jmt.integrations.sms.tests.fake_server import FakeAliyunSms
from jmt.integrations.testing import FakeHttpServer

MESSAGE = SmsMessage(phone="13800138000", scene="login", code="654321")

# The worked example of Aliyun's "RPC signature" document (DescribeRegions, secret "testsecret").
DOC_PARAMS = {
    "Timestamp": "2016-02-23T12:46:24Z",
    "Format": "XML",
    "AccessKeyId": "testid",
    "Action": "DescribeRegions",
    "SignatureMethod": "HMAC-SHA1",
    "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
    "Version": "2014-05-26",
    "SignatureVersion": "1.0",
}


def make_sender(server: FakeHttpServer[FakeAliyunSms], *, secret: str | None = None) -> AliyunSmsSender:
    return AliyunSmsSender(
        endpoint=server.url,
        access_key_id=server.app.access_key_id,
        access_key_secret=server.app.access_key_secret if secret is None else secret,
        sign_name="晶贸通",
        template_code="SMS_000000001",
        backoff_seconds=0.01,
    )


def test_aliyun_signature_matches_the_documented_example():
    assert rpc_signature("GET", DOC_PARAMS, "testsecret") == "OLeaidS1JvxuMvnyHOwuJ+uX5qY="


def test_aliyun_canonical_query_sorts_and_encodes_the_aliyun_way():
    query = canonicalized_query({"b": "a b*c~d", "a": "晶", "Timestamp": "12:46"})

    assert query == "Timestamp=12%3A46&a=%E6%99%B6&b=a%20b%2Ac~d"


def test_aliyun_sender_sends_a_signed_sendsms_request(aliyun_api):
    make_sender(aliyun_api).send_code(MESSAGE)

    assert len(aliyun_api.app.delivered) == 1
    params = aliyun_api.app.delivered[0]
    assert params["Action"] == "SendSms"
    assert params["PhoneNumbers"] == "13800138000"
    assert params["SignName"] == "晶贸通"
    assert params["TemplateCode"] == "SMS_000000001"
    assert json.loads(params["TemplateParam"]) == {"code": "654321"}
    assert aliyun_api.requests[0].headers["content-type"].startswith("application/x-www-form-urlencoded")


@pytest.mark.parametrize("code", ["isv.BUSINESS_LIMIT_CONTROL", "isv.MOBILE_NUMBER_ILLEGAL", "isv.AMOUNT_NOT_ENOUGH"])
def test_aliyun_sender_raises_a_permanent_error_when_the_provider_refuses(aliyun_api, code):
    aliyun_api.app.refuse_with = code

    with pytest.raises(SmsError) as caught:
        make_sender(aliyun_api).send_code(MESSAGE)

    assert caught.value.permanent is True
    assert caught.value.provider_code == code
    assert len(aliyun_api.requests) == 1  # a refusal is not retried


@pytest.mark.parametrize("code", ["Throttling.User", "isp.SYSTEM_ERROR", "ServiceUnavailable"])
def test_aliyun_sender_raises_a_transient_error_for_throttling_and_outages(aliyun_api, code):
    aliyun_api.app.refuse_with = code

    with pytest.raises(SmsError) as caught:
        make_sender(aliyun_api).send_code(MESSAGE)

    assert caught.value.permanent is False
    assert caught.value.provider_code == code


def test_aliyun_sender_retries_after_a_5xx_with_a_fresh_nonce(aliyun_api):
    aliyun_api.app.fail_next = [503]

    make_sender(aliyun_api).send_code(MESSAGE)

    assert len(aliyun_api.requests) == 2
    assert len(aliyun_api.app.delivered) == 1
    assert "SignatureNonceUsed" not in aliyun_api.app.refusals
    assert len(aliyun_api.app.seen_nonces) == 2


def test_aliyun_sender_gives_up_with_a_transient_error_when_5xx_persists(aliyun_api):
    aliyun_api.app.fail_next = [503, 502, 500]

    with pytest.raises(SmsError) as caught:
        make_sender(aliyun_api).send_code(MESSAGE)

    assert caught.value.permanent is False
    assert len(aliyun_api.requests) == 3
    assert aliyun_api.app.delivered == []


def test_aliyun_request_signed_with_the_wrong_secret_is_refused_by_the_fake(aliyun_api):
    with pytest.raises(SmsError) as caught:
        make_sender(aliyun_api, secret="not-the-secret").send_code(MESSAGE)

    assert caught.value.provider_code == "SignatureDoesNotMatch"
    assert caught.value.permanent is True
    assert aliyun_api.app.refusals == ["SignatureDoesNotMatch"]
    assert aliyun_api.app.delivered == []


def test_aliyun_sender_maps_a_refused_private_address_to_a_permanent_error(aliyun_api, settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False

    with pytest.raises(SmsError) as caught:
        make_sender(aliyun_api).send_code(MESSAGE)

    assert caught.value.permanent is True
    assert aliyun_api.requests == []


def test_aliyun_sender_repr_does_not_show_the_secret(aliyun_api):
    assert aliyun_api.app.access_key_secret not in repr(make_sender(aliyun_api))
