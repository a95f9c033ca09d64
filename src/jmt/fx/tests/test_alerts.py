"""Rate alerts (F1): fired once per crossing, with a message that opens a pre-filled settlement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jmt.fx import rates
from jmt.fx.models import RateAlert
from jmt.integrations.fx.port import Quote
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db


def _tick(spot_buy: str) -> None:
    value = Decimal(spot_buy)
    rates.store([Quote(currency="USD", middle=value, spot_buy=value, rate_date=date(2026, 12, 4), source="boc")])


def _alert_messages(user):
    return list(Message.objects.filter(recipient=user, title__startswith="汇率提醒").order_by("id"))


def test_an_alert_fires_once_per_crossing(merchant_api, merchant_admin):
    _tick("7.0500")
    created = merchant_api.post("/fx/alerts", {"currency": "USD", "direction": "above", "threshold": "7.1000"})
    assert created.status_code == 201
    _tick("7.1200")
    _tick("7.1300")
    assert len(_alert_messages(merchant_admin)) == 1
    _tick("7.0900")
    _tick("7.1100")
    messages = _alert_messages(merchant_admin)
    assert len(messages) == 2
    assert messages[0].title == "汇率提醒：美元汇率 7.1200 已高于 7.1000"
    assert messages[0].link == "/fx/settlements/new?rate=7.1200"


def test_an_alert_set_past_the_current_rate_waits_for_a_crossing(merchant_api, merchant_admin):
    _tick("7.2000")
    merchant_api.post("/fx/alerts", {"currency": "USD", "direction": "above", "threshold": "7.1000"})
    _tick("7.2100")
    assert _alert_messages(merchant_admin) == []


def test_a_below_alert_fires_when_the_rate_drops_under_it(merchant_api, merchant_admin):
    _tick("7.1000")
    merchant_api.post("/fx/alerts", {"currency": "USD", "direction": "below", "threshold": "7.0000"})
    _tick("6.9900")
    assert _alert_messages(merchant_admin)[0].title == "汇率提醒：美元汇率 6.9900 已低于 7.0000"


def test_a_paused_alert_stays_silent_and_a_deleted_one_is_gone(merchant_api, merchant_admin):
    _tick("7.0500")
    alert_id = merchant_api.post("/fx/alerts", {"currency": "USD", "direction": "above", "threshold": "7.1"}).json()[
        "id"
    ]
    paused = merchant_api.post(f"/fx/alerts/{alert_id}/active", {"active": False})
    assert paused.json()["active"] is False
    _tick("7.2000")
    assert _alert_messages(merchant_admin) == []
    assert (
        merchant_api.client.delete(
            f"/api/v1/fx/alerts/{alert_id}", headers={"Authorization": f"Bearer {merchant_api.token}"}
        ).status_code
        == 204
    )
    assert not RateAlert.objects.exists()


def test_an_alert_on_a_currency_off_the_board_is_refused(merchant_api):
    response = merchant_api.post("/fx/alerts", {"currency": "XYZ", "direction": "above", "threshold": "1"})
    assert response.status_code == 422
    assert response.json()["code"] == "FX_CURRENCY_UNSUPPORTED"


def test_a_fired_alert_is_pushed_to_wechat_opening_a_prefilled_settlement(merchant_api, merchant_admin, settings):
    from urllib.parse import unquote

    from jmt.integrations.wechat import fake
    from jmt.notifications.models import WechatFollower
    from jmt.notifications.tests.helpers import run_ready_tasks

    settings.WECHAT_TEMPLATE_IDS = {"status": "tpl-status", "todo": "tpl-todo", "announcement": "tpl-notice"}
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin")
    _tick("7.0500")
    merchant_api.post("/fx/alerts", {"currency": "USD", "direction": "above", "threshold": "7.1000"})
    _tick("7.1200")
    run_ready_tasks()
    (pushed,) = fake.sent
    assert pushed.touser == "svc-openid-lin"
    assert unquote(pushed.miniprogram_pagepath).endswith("path=/m/fx/settlements/new?rate=7.1200")
