"""The service account's followers (G4): the event callback and the scheduled sync fill ``WechatFollower``,
through the real ``HttpWechatClient`` against the local fake api.weixin.qq.com."""

from __future__ import annotations

import base64
import json
import os
import time
from urllib.parse import urlencode

import pytest

from jmt.notifications import wechat_events
from jmt.notifications.models import PushAttempt, WechatFollower
from jmt.notifications.services import notify
from jmt.notifications.tests.helpers import run_ready_tasks
from jmt.notifications.tests.test_wechat_push import TEMPLATE, wechat

__all__ = ["wechat"]
pytestmark = pytest.mark.django_db

CALLBACK = "/api/v1/notifications/wechat/callback"
TOKEN = "jmt-service-token"
AES_KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")  # 43 characters, as WeChat hands them out


@pytest.fixture
def account(settings, wechat):
    settings.WECHAT_SERVICE_TOKEN = TOKEN
    settings.WECHAT_SERVICE_AES_KEY = AES_KEY
    return wechat_events.service_account()


def _signed(**extra: str) -> dict[str, str]:
    timestamp, nonce = str(int(time.time())), os.urandom(4).hex()
    return {
        "signature": wechat_events.signature(TOKEN, timestamp, nonce),
        "timestamp": timestamp,
        "nonce": nonce,
        **extra,
    }


def _event(openid: str, event: str) -> bytes:
    return (
        f"<xml><ToUserName><![CDATA[gh_jmt]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        f"<Event><![CDATA[{event}]]></Event></xml>"
    ).encode()


def _post(client, query: dict[str, str], body: bytes):
    return client.post(f"{CALLBACK}?{urlencode(query)}", data=body, content_type="text/xml")


def _post_aes(client, account, body: bytes, *, tamper: bool = False):
    encrypted = wechat_events.encrypt(account, body)
    query = _signed(encrypt_type="aes")
    query["msg_signature"] = wechat_events.signature(TOKEN, query["timestamp"], query["nonce"], encrypted)
    if tamper:
        query["msg_signature"] = "0" * 40
    envelope = f"<xml><ToUserName><![CDATA[gh_jmt]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    return _post(client, query, envelope.encode())


# --- URL verification and the signature -----------------------------------------------------------


def test_url_verification_echoes_echostr_only_with_the_right_signature(client, account):
    ok = client.get(CALLBACK, _signed(echostr="4371923419"))
    assert (ok.status_code, ok.content) == (200, b"4371923419")

    forged = _signed(echostr="4371923419")
    forged["signature"] = "f" * 40
    assert client.get(CALLBACK, forged).status_code == 403

    stale = {"timestamp": str(int(time.time()) - 3600), "nonce": "n1", "echostr": "x"}
    stale["signature"] = wechat_events.signature(TOKEN, stale["timestamp"], stale["nonce"])
    assert client.get(CALLBACK, stale).status_code == 403


def test_without_a_configured_token_every_callback_is_refused(client, settings, wechat):
    settings.WECHAT_SERVICE_TOKEN = ""
    assert client.get(CALLBACK, {"signature": "x", "timestamp": str(int(time.time())), "nonce": "n"}).status_code == 403


# --- events -----------------------------------------------------------------------------------------


def test_a_subscribe_in_safe_mode_records_the_unionid_from_user_info_and_pushes_then_arrive(
    client, account, wechat, merchant_admin
):
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    wechat.app.followers["svc-openid-lin"] = "union-lin"

    response = _post(client, _signed(openid="svc-openid-lin"), _event("svc-openid-lin", "subscribe"))

    assert (response.status_code, response.content) == (200, b"success")
    (call,) = wechat.calls("/cgi-bin/user/info")
    assert call.query["openid"] == "svc-openid-lin"
    follower = WechatFollower.objects.get(unionid="union-lin")
    assert (follower.openid, follower.followed) == ("svc-openid-lin", True)

    notify(recipients=[merchant_admin], merchant=None, kind="status", title="工商注册申请已核准", link="/registration")
    run_ready_tasks()
    assert json.loads(wechat.calls(TEMPLATE)[0].body)["touser"] == "svc-openid-lin"
    assert PushAttempt.objects.get().status == "sent"


def test_a_subscribe_in_aes_mode_is_decrypted_and_recorded(client, account, wechat):
    wechat.app.followers["svc-openid-wang"] = "union-wang"

    response = _post_aes(client, account, _event("svc-openid-wang", "subscribe"))

    assert (response.status_code, response.content) == (200, b"success")
    assert WechatFollower.objects.get(unionid="union-wang").openid == "svc-openid-wang"


def test_an_aes_event_with_a_wrong_msg_signature_changes_nothing(client, account, wechat):
    wechat.app.followers["svc-openid-wang"] = "union-wang"
    assert _post_aes(client, account, _event("svc-openid-wang", "subscribe"), tamper=True).status_code == 403
    assert not WechatFollower.objects.exists()


def test_a_forged_event_is_refused(client, account, wechat):
    query = _signed(openid="svc-openid-x")
    query["signature"] = "0" * 40
    assert _post(client, query, _event("svc-openid-x", "subscribe")).status_code == 403
    assert wechat.calls("/cgi-bin/user/info") == []


def test_an_unsubscribe_marks_the_follower_as_not_following(client, account):
    WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin")
    assert _post(client, _signed(), _event("svc-openid-lin", "unsubscribe")).status_code == 200
    assert WechatFollower.objects.get(unionid="union-lin").followed is False


def test_a_follower_without_a_unionid_is_not_recorded(client, account, wechat):
    wechat.app.followers["svc-openid-anon"] = ""
    assert _post(client, _signed(), _event("svc-openid-anon", "subscribe")).status_code == 200
    assert not WechatFollower.objects.exists()


def test_a_returning_follower_is_followed_again(client, account, wechat):
    WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin", followed=False)
    wechat.app.followers["svc-openid-lin"] = "union-lin"
    _post(client, _signed(), _event("svc-openid-lin", "subscribe"))
    assert WechatFollower.objects.get(unionid="union-lin").followed is True


def test_the_aes_round_trip_keeps_the_message_and_refuses_another_appid(account):
    xml = _event("svc-openid-lin", "subscribe")
    encrypted = wechat_events.encrypt(account, xml)
    assert wechat_events.decrypt(account, encrypted) == xml
    other = wechat_events.ServiceAccount(token=TOKEN, aes_key=AES_KEY, appid="wx-someone-else")
    with pytest.raises(wechat_events.CallbackRefused):
        wechat_events.decrypt(other, encrypted)


# --- the scheduled sync -------------------------------------------------------------------------


def test_the_sync_pages_through_user_get_and_batchget_and_unfollows_who_left(wechat):
    wechat.app.page_size = 2  # three pages of openids
    for n in range(5):
        wechat.app.followers[f"svc-openid-{n}"] = f"union-{n}"
    WechatFollower.objects.create(unionid="union-gone", openid="svc-openid-gone")
    WechatFollower.objects.create(unionid="union-1", openid="svc-openid-1", followed=False)

    result = wechat_events.sync_followers()

    assert (result.listed, result.recorded, result.unfollowed) == (5, 5, 1)
    assert len(wechat.calls("/cgi-bin/user/get")) >= 3
    assert wechat.calls("/cgi-bin/user/info/batchget")
    following = set(WechatFollower.objects.filter(followed=True).values_list("unionid", flat=True))
    assert following == {f"union-{n}" for n in range(5)}
    assert WechatFollower.objects.get(unionid="union-gone").followed is False


def test_the_sync_is_a_scheduled_task():
    from jmt.system.scheduler import SCHEDULE

    entry = next(p for p in SCHEDULE if p.name == "notifications.sync_wechat_followers")
    assert entry.task == "jmt.notifications.tasks.sync_wechat_followers"
