from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from jmt.integrations.testing import FakeHttpServer
from jmt.integrations.wechat import fake
from jmt.integrations.wechat.client import HttpWechatClient
from jmt.integrations.wechat.tests.fake_server import FakeWechatApi


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture(autouse=True)
def _nothing_sent() -> Iterator[None]:
    fake.clear()
    yield
    fake.clear()


@pytest.fixture
def wechat_api() -> Iterator[FakeHttpServer[FakeWechatApi]]:
    # Fresh appids per test: access tokens are cached per appid in the (process-wide) Django cache.
    run = uuid.uuid4().hex[:8]
    api = FakeWechatApi(
        mp_appid=f"wx-mp-{run}",
        mp_secret="mp-secret",
        web_appid=f"wx-web-{run}",
        web_secret="web-secret",
        service_appid=f"wx-svc-{run}",
        service_secret="svc-secret",
    )
    with FakeHttpServer(api) as server:
        yield server


@pytest.fixture
def make_client(wechat_api):
    def build() -> HttpWechatClient:
        api = wechat_api.app
        return HttpWechatClient(
            api_base=wechat_api.url,
            open_base="https://open.weixin.qq.com",
            mp_appid=api.mp_appid,
            mp_secret=api.mp_secret,
            web_appid=api.web_appid,
            web_secret=api.web_secret,
            web_redirect_uri="https://jmt.example.cn/login/wechat-callback",
            service_appid=api.service_appid,
            service_secret=api.service_secret,
        )

    return build
