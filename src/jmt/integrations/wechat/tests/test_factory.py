from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.wechat.client import HttpWechatClient
from jmt.integrations.wechat.factory import get_wechat_client
from jmt.integrations.wechat.fake import FakeWechatClient


def test_factory_returns_the_fake_client_for_the_fake_backend(settings):
    settings.WECHAT_BACKEND = "fake"

    assert isinstance(get_wechat_client(), FakeWechatClient)


def test_factory_builds_the_http_client_from_settings(settings):
    settings.WECHAT_BACKEND = "http"
    settings.WECHAT_MINIPROGRAM_APPID = "wx-mp"
    settings.WECHAT_MINIPROGRAM_SECRET = "mp-secret"
    settings.WECHAT_WEB_APPID = "wx-web"
    settings.WECHAT_WEB_SECRET = "web-secret"

    client = get_wechat_client()

    assert isinstance(client, HttpWechatClient)
    assert client.mp_appid == "wx-mp"
    assert client.qr_login_url("s").startswith(f"{settings.WECHAT_OPEN_BASE}/connect/qrconnect?appid=wx-web&")
    assert "mp-secret" not in repr(client)


def test_factory_refuses_the_http_backend_without_secrets(settings):
    settings.WECHAT_BACKEND = "http"
    settings.WECHAT_MINIPROGRAM_SECRET = ""
    settings.WECHAT_WEB_SECRET = ""

    with pytest.raises(ImproperlyConfigured, match="WECHAT_MINIPROGRAM_SECRET"):
        get_wechat_client()


def test_factory_refuses_an_unknown_backend(settings):
    settings.WECHAT_BACKEND = "telegram"

    with pytest.raises(ImproperlyConfigured, match="telegram"):
        get_wechat_client()
