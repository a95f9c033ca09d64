"""系统参数 · 通知参数 drives the WeChat push (switch, template per business) and the 我的 page's push status."""

from __future__ import annotations

import json

import pytest

from jmt.notifications.models import PushAttempt, WechatFollower
from jmt.notifications.services import notify
from jmt.notifications.tests.helpers import run_ready_tasks
from jmt.notifications.tests.test_wechat_push import TEMPLATE, follower, wechat
from jmt.system.models import SystemParameter

__all__ = ["follower", "wechat"]
pytestmark = pytest.mark.django_db


def _save(**value):
    SystemParameter.objects.update_or_create(group="notifications", defaults={"value": value})


def _raise(user, link: str) -> None:
    notify(recipients=[user], merchant=user.current_merchant, kind="status", title="状态变更", link=link)


def test_the_template_of_the_business_from_the_parameters_wins_over_the_environment(wechat, merchant_admin, follower):
    _save(wechat_templates={"customs_status": "TPL-CUSTOMS"})
    _raise(merchant_admin, "/customs/manifests?id=3")
    _raise(merchant_admin, "/registration/progress?id=7")
    run_ready_tasks()

    sent = sorted(json.loads(call.body)["template_id"] for call in wechat.calls(TEMPLATE))
    assert sent == ["TPL-CUSTOMS", "tpl-status"]  # registration falls back to the environment's status template


def test_switching_wechat_templates_off_stops_every_push(wechat, merchant_admin, follower):
    _save(wechat_enabled=False)
    _raise(merchant_admin, "/customs/orders")
    run_ready_tasks()

    assert wechat.calls(TEMPLATE) == []
    attempt = PushAttempt.objects.get()
    assert (attempt.status, attempt.errmsg) == ("skipped", "系统参数中已关闭微信模板消息")


def test_the_push_status_says_what_is_missing_and_shows_the_qr_from_the_parameters(api, wechat, merchant_admin):
    _save(service_account_name="晶贸通服务", service_account_qr="/media/qr/service.png")
    me = api.as_user(merchant_admin)

    unbound = me.get("/notifications/push-status").json()
    assert (unbound["will_receive"], unbound["wechat_bound"], unbound["following"]) == (False, False, False)
    assert unbound["qr_url"] == "/media/qr/service.png"
    assert "绑定微信" in unbound["hint"]

    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    not_following = me.get("/notifications/push-status").json()
    assert not_following["wechat_bound"] is True
    assert "关注服务号「晶贸通服务」" in not_following["hint"]

    WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin")
    ready = me.get("/notifications/push-status").json()
    assert (ready["will_receive"], ready["following"]) == (True, True)


def test_the_push_status_says_so_when_pushes_are_off(api, wechat, merchant_admin):
    _save(wechat_enabled=False)
    status = api.as_user(merchant_admin).get("/notifications/push-status").json()
    assert (status["enabled"], status["will_receive"]) == (False, False)
    assert "暂未开启" in status["hint"]
