from __future__ import annotations

from typing import Any

import pytest

from jmt.accounts.selectors import build_actor
from jmt.core.auth import Actor
from jmt.integrations.wechat import fake
from jmt.merchants.models import Merchant
from jmt.workflow.tests.demo import DemoApplication, DemoOrder, demo_graph, demo_tables

__all__ = ["demo_graph", "demo_tables"]


def actor(user: Any) -> Actor:
    return build_actor(user)


def make_application(merchant: Merchant, state: str = "draft", title: str = "东海晶莹水晶工商注册") -> DemoApplication:
    return DemoApplication.objects.create(merchant=merchant, state=state, title=title)


def make_order(merchant: Merchant, state: str = "draft") -> DemoOrder:
    return DemoOrder.objects.create(merchant=merchant, state=state)


@pytest.fixture(autouse=True)
def _no_wechat_sent():
    fake.clear()
    yield
    fake.clear()
