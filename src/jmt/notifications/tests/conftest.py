from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from jmt.integrations.wechat import fake
from jmt.notifications.models import Message
from jmt.workflow.tests.demo import demo_graph, demo_tables

__all__ = ["demo_graph", "demo_tables"]


def make_message(
    user: Any, *, kind: str = "status", merchant: Any = None, title: str = "消息", **fields: Any
) -> Message:
    return Message.objects.create(recipient=user, merchant=merchant, kind=kind, title=title, **fields)


@pytest.fixture(autouse=True)
def _no_wechat_sent() -> Iterator[None]:
    fake.clear()
    yield
    fake.clear()
