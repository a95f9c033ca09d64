from __future__ import annotations

import dataclasses
import json
import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.wechat.client import HttpWechatClient
from jmt.integrations.wechat.port import Follower, TemplateMessage, WechatError
from jmt.integrations.wechat.tests.fake_server import SESSION_KEY

STABLE_TOKEN = "/cgi-bin/stable_token"
PHONE = "/wxa/business/getuserphonenumber"
TEMPLATE = "/cgi-bin/message/template/send"


def test_code_to_session_returns_openid_and_unionid(wechat_api, make_client):
    session = make_client().code_to_session("login-1")

    assert session.openid == "mp-openid-login-1"
    assert session.unionid == "unionid-login-1"
    (call,) = wechat_api.calls("/sns/jscode2session")
    assert call.query == {
        "appid": wechat_api.app.mp_appid,
        "secret": "mp-secret",
        "js_code": "login-1",
        "grant_type": "authorization_code",
    }


def test_code_to_session_never_hands_out_the_session_key(wechat_api, make_client, caplog):
    caplog.set_level(logging.DEBUG)

    session = make_client().code_to_session("login-1")

    assert "session_key" not in {f.name for f in dataclasses.fields(session)}
    assert SESSION_KEY not in repr(session)
    assert SESSION_KEY not in caplog.text


@pytest.mark.parametrize(("code", "errcode"), [("invalid-1", 40029), ("risky-1", 40226)])
def test_code_to_session_refusal_is_a_permanent_wechat_error(wechat_api, make_client, code, errcode):
    with pytest.raises(WechatError) as caught:
        make_client().code_to_session(code)

    assert caught.value.errcode == errcode
    assert caught.value.permanent is True
    assert len(wechat_api.requests) == 1


def test_phone_number_returns_the_pure_phone_number(wechat_api, make_client):
    wechat_api.app.phones["phone-code"] = "13912345678"

    assert make_client().phone_number("phone-code") == "13912345678"
    (call,) = wechat_api.calls(PHONE)
    assert json.loads(call.body) == {"code": "phone-code"}
    assert call.query["access_token"] == wechat_api.app.current_tokens[wechat_api.app.mp_appid]


def test_stable_token_is_cached_so_a_second_call_makes_no_token_request(wechat_api, make_client):
    wechat_api.app.phones.update({"first": "13900000001", "second": "13900000002"})

    make_client().phone_number("first")
    make_client().phone_number("second")  # a new client instance: the cache is Django's, per appid

    assert len(wechat_api.calls(STABLE_TOKEN)) == 1
    assert wechat_api.app.token_requests[0] == {
        "grant_type": "client_credential",
        "appid": wechat_api.app.mp_appid,
        "secret": "mp-secret",
        "force_refresh": False,
    }


def test_phone_number_refreshes_an_expired_token_once_and_retries(wechat_api, make_client):
    client = make_client()
    wechat_api.app.phones.update({"warm-up": "13900000001", "phone-code": "13912345678"})
    client.phone_number("warm-up")
    wechat_api.app.expire_token(wechat_api.app.mp_appid)

    assert client.phone_number("phone-code") == "13912345678"
    assert len(wechat_api.calls(STABLE_TOKEN)) == 2
    assert len(wechat_api.calls(PHONE)) == 3  # warm-up, refused with 42001, retried


def test_phone_number_forces_a_new_token_when_wechat_hands_back_the_refused_one(wechat_api, make_client):
    client = make_client()
    wechat_api.app.phones.update({"warm-up": "13900000001", "phone-code": "13912345678"})
    client.phone_number("warm-up")
    wechat_api.app.revoke_token_silently(wechat_api.app.mp_appid)

    assert client.phone_number("phone-code") == "13912345678"
    assert [r["force_refresh"] for r in wechat_api.app.token_requests] == [False, False, True]


def test_phone_number_refreshes_the_token_only_once(wechat_api, make_client):
    wechat_api.app.reject_every_token = True
    wechat_api.app.phones["phone-code"] = "13912345678"

    with pytest.raises(WechatError) as caught:
        make_client().phone_number("phone-code")

    assert caught.value.errcode == 40001
    assert caught.value.permanent is False
    assert len(wechat_api.calls(PHONE)) == 2


def test_template_send_posts_data_miniprogram_and_client_msg_id(wechat_api, make_client):
    message = TemplateMessage(
        touser="svc-openid-1",
        template_id="tpl-shipped",
        data={"thing1": "订单已发货", "time2": "2025-11-26 10:00"},
        miniprogram_pagepath="pages/orders/detail?id=42",
        client_msg_id="order-42-shipped",
    )

    make_client().send_template(message)

    assert wechat_api.app.templates == [
        {
            "touser": "svc-openid-1",
            "template_id": "tpl-shipped",
            "data": {"thing1": {"value": "订单已发货"}, "time2": {"value": "2025-11-26 10:00"}},
            "miniprogram": {"appid": wechat_api.app.mp_appid, "pagepath": "pages/orders/detail?id=42"},
            "client_msg_id": "order-42-shipped",
        }
    ]
    (token_request,) = wechat_api.app.token_requests
    assert token_request["appid"] == wechat_api.app.service_appid


def test_template_send_to_a_user_not_following_is_permanent_and_not_retried(wechat_api, make_client):
    wechat_api.app.unfollowed.add("svc-openid-gone")
    message = TemplateMessage(touser="svc-openid-gone", template_id="tpl", data={"thing1": "x"})

    with pytest.raises(WechatError) as caught:
        make_client().send_template(message)

    assert caught.value.errcode == 43004
    assert caught.value.permanent is True
    assert len(wechat_api.calls(TEMPLATE)) == 1


def test_template_send_refreshes_an_expired_token_once_and_retries(wechat_api, make_client):
    client = make_client()
    message = TemplateMessage(touser="svc-openid-1", template_id="tpl", data={"thing1": "x"})
    client.send_template(message)
    wechat_api.app.expire_token(wechat_api.app.service_appid)

    client.send_template(message)

    assert len(wechat_api.app.templates) == 2
    assert len(wechat_api.calls(TEMPLATE)) == 3
    assert len(wechat_api.calls(STABLE_TOKEN)) == 2


def test_template_send_without_a_service_account_is_a_configuration_error(wechat_api):
    client = HttpWechatClient(
        api_base=wechat_api.url,
        open_base="https://open.weixin.qq.com",
        mp_appid="wx-mp",
        mp_secret="s",
        web_appid="wx-web",
        web_secret="s",
        web_redirect_uri="https://jmt.example.cn/cb",
    )

    with pytest.raises(ImproperlyConfigured):
        client.send_template(TemplateMessage(touser="o", template_id="t", data={}))
    assert wechat_api.requests == []


def test_qr_login_url_carries_appid_encoded_redirect_state_and_snsapi_login(wechat_api, make_client):
    url = make_client().qr_login_url("st/ate+1")

    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://open.weixin.qq.com/connect/qrconnect"
    assert parts.fragment == "wechat_redirect"
    assert parse_qs(parts.query) == {
        "appid": [wechat_api.app.web_appid],
        "redirect_uri": ["https://jmt.example.cn/login/wechat-callback"],
        "response_type": ["code"],
        "scope": ["snsapi_login"],
        "state": ["st/ate+1"],
    }
    assert "redirect_uri=https%3A%2F%2Fjmt.example.cn%2Flogin%2Fwechat-callback" in parts.query
    assert wechat_api.requests == []


def test_web_user_exchanges_the_code_then_reads_userinfo(wechat_api, make_client):
    user = make_client().web_user("qr-1")

    assert user.openid == "web-openid-qr-1"
    assert user.unionid == "unionid-qr-1"
    assert user.nickname == "张三"
    assert [r.path for r in wechat_api.requests] == ["/sns/oauth2/access_token", "/sns/userinfo"]
    assert wechat_api.requests[0].query["appid"] == wechat_api.app.web_appid
    assert wechat_api.requests[1].query["access_token"] == "web-token-qr-1"


def test_web_user_with_an_invalid_code_is_a_permanent_error_and_skips_userinfo(wechat_api, make_client):
    with pytest.raises(WechatError) as caught:
        make_client().web_user("invalid-qr")

    assert caught.value.errcode == 40029
    assert caught.value.permanent is True
    assert [r.path for r in wechat_api.requests] == ["/sns/oauth2/access_token"]


def test_an_unreachable_wechat_is_a_transient_wechat_error(make_client, wechat_api):
    client = make_client()
    wechat_api.stop()  # nothing listens on the port any more

    with pytest.raises(WechatError) as caught:
        client.code_to_session("login-1")

    assert caught.value.errcode == -1
    assert caught.value.permanent is False


def test_a_refused_private_address_is_a_permanent_wechat_error(make_client, wechat_api, settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False

    with pytest.raises(WechatError) as caught:
        make_client().code_to_session("login-1")

    assert caught.value.permanent is True
    assert wechat_api.requests == []


# --- the service account's followers -----------------------------------------------------------------


def test_follower_reads_user_info_with_the_service_account_token(wechat_api, make_client):
    wechat_api.app.followers["svc-openid-1"] = "union-1"
    client = make_client()

    assert client.follower("svc-openid-1") == Follower("svc-openid-1", "union-1", subscribed=True)
    assert client.follower("svc-openid-2") == Follower("svc-openid-2", None, subscribed=False)
    assert all(
        c.query["access_token"].startswith(f"token-{wechat_api.app.service_appid}")
        for c in wechat_api.calls("/cgi-bin/user/info")
    )


def test_follower_page_follows_next_openid_and_ends_on_an_empty_page(wechat_api, make_client):
    wechat_api.app.page_size = 2
    for n in range(3):
        wechat_api.app.followers[f"o{n}"] = f"u{n}"
    client = make_client()

    first = client.follower_page()
    second = client.follower_page(first.next_openid)
    last = client.follower_page(second.next_openid)

    assert (first.openids, first.total) == (["o0", "o1"], 3)
    assert second.openids == ["o2"]
    assert (last.openids, last.next_openid) == ([], "")


def test_followers_asks_batchget_100_at_a_time(wechat_api, make_client):
    openids = [f"o{n:03d}" for n in range(150)]
    for openid in openids:
        wechat_api.app.followers[openid] = f"u-{openid}"

    found = make_client().followers(openids)

    assert [f.unionid for f in found] == [f"u-{o}" for o in openids]
    assert [len(json.loads(c.body)["user_list"]) for c in wechat_api.calls("/cgi-bin/user/info/batchget")] == [100, 50]
