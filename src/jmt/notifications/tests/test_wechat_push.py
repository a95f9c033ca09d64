"""WeChat pushes (G4) through the real ``HttpWechatClient`` against the local fake api.weixin.qq.com."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone

from jmt.integrations.testing import FakeHttpServer
from jmt.integrations.wechat.tests.fake_server import FakeWechatApi
from jmt.notifications import push
from jmt.notifications.models import Message, PushAttempt, WechatFollower
from jmt.notifications.services import notify
from jmt.notifications.tests.helpers import queued, run_ready_tasks

pytestmark = pytest.mark.django_db

TEMPLATE = "/cgi-bin/message/template/send"
TOKEN = "/cgi-bin/stable_token"


@pytest.fixture
def wechat(settings) -> Iterator[FakeHttpServer[FakeWechatApi]]:
    run = uuid.uuid4().hex[:8]  # fresh appids: tokens are cached per appid in the process-wide cache
    app = FakeWechatApi(
        mp_appid=f"wx-mp-{run}",
        mp_secret="mp-secret",
        web_appid=f"wx-web-{run}",
        web_secret="web-secret",
        service_appid=f"wx-svc-{run}",
        service_secret="svc-secret",
    )
    with FakeHttpServer(app) as server:
        settings.HTTP_ALLOW_PRIVATE_HOSTS = True
        settings.WECHAT_BACKEND = "http"
        settings.WECHAT_API_BASE = server.url
        settings.WECHAT_MINIPROGRAM_APPID = app.mp_appid
        settings.WECHAT_MINIPROGRAM_SECRET = app.mp_secret
        settings.WECHAT_WEB_APPID = app.web_appid
        settings.WECHAT_WEB_SECRET = app.web_secret
        settings.WECHAT_SERVICE_APPID = app.service_appid
        settings.WECHAT_SERVICE_SECRET = app.service_secret
        settings.WECHAT_TEMPLATE_IDS = {"status": "tpl-status", "todo": "tpl-todo", "announcement": "tpl-notice"}
        yield server


@pytest.fixture
def follower(merchant_admin) -> WechatFollower:
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    return WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin")


def raise_status(user, title: str = "演示申请「东海晶莹水晶」已驳回") -> Message:
    (message,) = notify(
        recipients=[user],
        merchant=user.current_merchant,
        kind="status",
        title=title,
        body="演示申请「东海晶莹水晶」已进入「已驳回」。说明：营业执照照片不清晰，请重新上传",
        link="/registration/progress?id=7",
    )
    return message


def test_a_message_is_pushed_as_a_template_that_opens_the_mini_program_page(wechat, merchant_admin, follower):
    message = raise_status(merchant_admin)

    run_ready_tasks()

    (call,) = wechat.calls(TEMPLATE)
    body = json.loads(call.body)
    assert body["touser"] == "svc-openid-lin"
    assert body["template_id"] == "tpl-status"
    assert body["miniprogram"] == {
        "appid": wechat.app.mp_appid,
        "pagepath": "pages/webview/index?path=%2Fm%2Fregistration%2Fprogress%3Fid%3D7",
    }
    assert body["client_msg_id"] == f"jmt-message-{message.pk}"
    assert body["data"]["thing1"]["value"] == "演示申请「东海晶莹水晶」已驳回"
    assert len(body["data"]["thing2"]["value"]) == 20  # WeChat's limit for a thing value
    assert body["data"]["time3"]["value"].endswith(timezone.localtime(message.created_at).strftime("%H:%M"))
    attempt = PushAttempt.objects.get(message=message)
    assert (attempt.status, attempt.attempt, attempt.errcode) == ("sent", 1, None)


def test_43004_is_recorded_as_not_following_and_not_retried(wechat, merchant_admin, follower):
    wechat.app.unfollowed.add("svc-openid-lin")
    message = raise_status(merchant_admin)

    run_ready_tasks()

    attempt = PushAttempt.objects.get(message=message)
    assert (attempt.status, attempt.errcode, attempt.retry_at) == ("not_following", 43004, None)
    follower.refresh_from_db()
    assert follower.followed is False
    assert queued() == []
    raise_status(merchant_admin, title="第二条")  # known not to follow: WeChat is not called again
    run_ready_tasks()
    assert len(wechat.calls(TEMPLATE)) == 1
    assert PushAttempt.objects.filter(status="not_following").count() == 2


def test_an_expired_token_42001_is_refreshed_once_and_the_push_sent(wechat, merchant_admin, follower):
    raise_status(merchant_admin, title="第一条")
    run_ready_tasks()  # caches a token
    wechat.app.expire_token(wechat.app.service_appid)

    message = raise_status(merchant_admin, title="第二条")
    run_ready_tasks()

    assert PushAttempt.objects.get(message=message).status == "sent"
    assert len(wechat.app.templates) == 2
    assert len(wechat.calls(TOKEN)) == 2  # the first token, and one refresh


def test_a_silently_revoked_token_40001_is_force_refreshed_and_the_push_sent(wechat, merchant_admin, follower):
    raise_status(merchant_admin, title="第一条")
    run_ready_tasks()
    wechat.app.revoke_token_silently(wechat.app.service_appid)

    message = raise_status(merchant_admin, title="第二条")
    run_ready_tasks()

    assert PushAttempt.objects.get(message=message).status == "sent"
    assert [r.get("force_refresh") for r in wechat.app.token_requests] == [False, False, True]


def test_a_transient_failure_is_recorded_and_retried_later_with_backoff(wechat, merchant_admin, follower):
    wechat.app.reject_every_token = True
    message = raise_status(merchant_admin)
    before = timezone.now()

    run_ready_tasks()

    attempt = PushAttempt.objects.get(message=message)
    assert (attempt.status, attempt.errcode) == ("failed", 40001)
    assert attempt.retry_at is not None
    assert timedelta(seconds=29) < attempt.retry_at - before < timedelta(seconds=31)
    (retry,) = queued("push_message_retry")
    assert retry.args_kwargs["args"] == [message.pk, 2]
    assert retry.run_after == attempt.retry_at

    wechat.app.reject_every_token = False  # WeChat recovers before the retry is due
    retry.run_after = timezone.now()
    retry.save()
    run_ready_tasks()

    assert list(PushAttempt.objects.filter(message=message).values_list("attempt", "status")) == [
        (1, "failed"),
        (2, "sent"),
    ]


def test_retries_stop_after_the_last_attempt(wechat, merchant_admin, follower):
    wechat.app.reject_every_token = True
    message = raise_status(merchant_admin)

    status = push.deliver(message.pk, push.MAX_ATTEMPTS)

    assert status == "failed"
    assert PushAttempt.objects.get(message=message).retry_at is None
    assert queued("push_message_retry") == []


def test_a_message_already_sent_is_not_sent_twice(wechat, merchant_admin, follower):
    message = raise_status(merchant_admin)
    run_ready_tasks()

    assert push.deliver(message.pk, 1) == "already_sent"
    assert len(wechat.app.templates) == 1


def test_a_person_without_a_service_account_openid_is_skipped(wechat, merchant_admin):
    merchant_admin.wechat_unionid = "union-never-followed"
    merchant_admin.save()
    message = raise_status(merchant_admin)

    run_ready_tasks()

    assert PushAttempt.objects.get(message=message).status == "skipped"
    assert wechat.calls(TEMPLATE) == []


def test_a_kind_without_a_template_is_skipped(wechat, merchant_admin, follower, settings):
    settings.WECHAT_TEMPLATE_IDS = {**settings.WECHAT_TEMPLATE_IDS, "status": ""}
    message = raise_status(merchant_admin)

    run_ready_tasks()

    attempt = PushAttempt.objects.get(message=message)
    assert attempt.status == "skipped"
    assert "业务状态变更" in attempt.errmsg
