from __future__ import annotations

from collections.abc import Iterator

import pytest

from jmt.integrations.customs_gateway.dianduantong import DianDuanTongGateway
from jmt.integrations.customs_gateway.tests.fake_server import FakeDianDuanTong
from jmt.integrations.testing import FakeHttpServer


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture
def ddt_server() -> Iterator[FakeHttpServer[FakeDianDuanTong]]:
    with FakeHttpServer(FakeDianDuanTong(app_key="jmt-app", secret="s3cret")) as server:
        yield server


@pytest.fixture
def gateway(ddt_server) -> DianDuanTongGateway:
    return DianDuanTongGateway(
        base_url=ddt_server.url + "api/v1",
        app_key="jmt-app",
        app_secret="s3cret",
        callback_url="https://jmt.example.cn/api/v1/customs/gateway/callback",
    )
