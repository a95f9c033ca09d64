from __future__ import annotations

from collections.abc import Iterator

import pytest

from jmt.integrations.sms import memory
from jmt.integrations.sms.tests.fake_server import FakeAliyunSms, FakeTencentSms
from jmt.integrations.testing import FakeHttpServer


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture(autouse=True)
def _empty_outbox() -> Iterator[None]:
    memory.clear()
    yield
    memory.clear()


@pytest.fixture
def aliyun_api() -> Iterator[FakeHttpServer[FakeAliyunSms]]:
    with FakeHttpServer(FakeAliyunSms()) as server:
        yield server


@pytest.fixture
def tencent_api() -> Iterator[FakeHttpServer[FakeTencentSms]]:
    with FakeHttpServer(FakeTencentSms()) as server:
        yield server
