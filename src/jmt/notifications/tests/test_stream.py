"""The server-sent-events stream, driven through Django's async test client (the ASGI code path)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from asgiref.sync import async_to_sync, sync_to_async
from django.test import AsyncClient

from jmt.accounts.tokens import issue_tokens
from jmt.notifications.models import Message
from jmt.notifications.tests.conftest import make_message

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _fast_stream(settings):
    settings.NOTIFICATIONS_STREAM_POLL_SECONDS = 0.05
    settings.NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS = 0.3
    settings.NOTIFICATIONS_STREAM_MAX_SECONDS = 30


def ticket_for(api, user) -> str:
    response = api.as_user(user).post("/notifications/stream-ticket")
    assert response.status_code == 200
    body = response.json()
    assert body["url"] == f"/api/v1/notifications/stream?ticket={body['ticket']}"
    return body["ticket"]


class Events:
    """Reads a text/event-stream response chunk by chunk."""

    def __init__(self, content: AsyncIterator[bytes]) -> None:
        self.content = content
        self.text = ""

    async def until(self, seen: Callable[[str], bool], timeout: float = 3.0) -> str:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not seen(self.text):
            chunk = await asyncio.wait_for(self.content.__anext__(), max(0.01, deadline - loop.time()))
            self.text += chunk.decode() if isinstance(chunk, bytes) else chunk
        return self.text

    def events(self, name: str) -> list[dict[str, Any]]:
        found = []
        for block in self.text.split("\n\n"):
            lines = block.split("\n")
            if f"event: {name}" in lines:
                data = next(line.removeprefix("data: ") for line in lines if line.startswith("data: "))
                found.append(json.loads(data))
        return found

    async def close(self) -> None:
        await self.content.aclose()  # type: ignore[attr-defined]


async def open_stream(path: str) -> tuple[Any, Events]:
    response: Any = await AsyncClient().get(path)
    return response, Events(response.streaming_content)


def test_a_new_message_arrives_on_the_open_stream_within_a_second(api, merchant_admin, merchant_member):
    ticket = ticket_for(api, merchant_admin)

    async def scenario() -> None:
        response, stream = await open_stream(f"/api/v1/notifications/stream?ticket={ticket}")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/event-stream; charset=utf-8"
        assert response["Cache-Control"] == "no-cache, no-transform"
        await stream.until(lambda text: "event: unread" in text)
        assert stream.text.startswith("retry: 3000\n\n")
        assert stream.events("unread") == [{"status": 0, "todo": 0, "announcement": 0, "total": 0}]

        await sync_to_async(make_message)(merchant_member, title="别人的消息")
        mine = await sync_to_async(make_message)(
            merchant_admin, kind="todo", merchant=merchant_admin.current_merchant, title="请补充材料"
        )
        loop = asyncio.get_running_loop()
        started = loop.time()
        await stream.until(lambda text: "event: message" in text, timeout=1.0)
        assert loop.time() - started < 1.0
        (event,) = stream.events("message")
        assert event["message"]["id"] == mine.pk
        assert event["message"]["title"] == "请补充材料"
        assert event["unread"]["todo"] == 1
        assert f"id: {mine.pk}\n" in stream.text
        assert "别人的消息" not in stream.text
        await stream.close()

    async_to_sync(scenario)()


def test_a_heartbeat_comment_is_sent_and_reads_elsewhere_update_the_counts(api, merchant_admin):
    make_message(merchant_admin, title="未读")
    ticket = ticket_for(api, merchant_admin)

    async def scenario() -> None:
        _, stream = await open_stream(f"/api/v1/notifications/stream?ticket={ticket}")
        await stream.until(lambda text: ": heartbeat\n\n" in text)
        assert stream.events("unread")[-1]["total"] == 1
        await sync_to_async(Message.objects.update)(read_at="2026-01-01T00:00:00Z")
        await stream.until(lambda text: len(stream.events("unread")) == 2)
        assert stream.events("unread")[-1]["total"] == 0
        await stream.close()

    async_to_sync(scenario)()


def test_reconnecting_with_after_catches_up_on_what_was_missed(api, merchant_admin):
    first = make_message(merchant_admin, title="第一条")
    make_message(merchant_admin, title="第二条")
    ticket = ticket_for(api, merchant_admin)

    async def scenario() -> None:
        _, stream = await open_stream(f"/api/v1/notifications/stream?ticket={ticket}&after={first.pk}")
        await stream.until(lambda text: "event: message" in text)
        assert [e["message"]["title"] for e in stream.events("message")] == ["第二条"]
        await stream.close()

    async_to_sync(scenario)()


def test_the_stream_ends_after_its_lifetime_so_the_page_reconnects_with_a_fresh_ticket(api, merchant_admin, settings):
    settings.NOTIFICATIONS_STREAM_MAX_SECONDS = 0.2
    ticket = ticket_for(api, merchant_admin)

    async def scenario() -> None:
        _, stream = await open_stream(f"/api/v1/notifications/stream?ticket={ticket}")
        await stream.until(lambda text: "event: end" in text)
        assert stream.events("end") == [{"reason": "reconnect"}]
        with pytest.raises(StopAsyncIteration):
            await stream.content.__anext__()

    async_to_sync(scenario)()


def test_a_database_failure_ends_the_stream_cleanly_so_the_page_reconnects(api, merchant_admin, monkeypatch):
    ticket = ticket_for(api, merchant_admin)
    from django.db import OperationalError

    from jmt.notifications import stream as stream_module

    async def scenario() -> None:
        _, stream = await open_stream(f"/api/v1/notifications/stream?ticket={ticket}")
        await stream.until(lambda text: "event: unread" in text)

        def primary_gone(*args: Any) -> list[dict[str, Any]]:
            raise OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(stream_module, "_newer", primary_gone)  # e.g. the primary was killed
        await stream.until(lambda text: "event: end" in text)
        assert stream.events("end") == [{"reason": "reconnect"}]
        with pytest.raises(StopAsyncIteration):
            await stream.content.__anext__()

    async_to_sync(scenario)()


def test_a_forged_ticket_is_refused(client):
    response = client.get("/api/v1/notifications/stream", {"ticket": "forged:ticket"})

    assert response.status_code == 401
    assert response.json()["code"] == "STREAM_TICKET_INVALID"


def test_an_expired_ticket_is_refused(api, client, merchant_admin):
    ticket = ticket_for(api, merchant_admin)

    with time_machine.travel(timedelta(seconds=61)):
        response = client.get("/api/v1/notifications/stream", {"ticket": ticket})

    assert response.status_code == 401


def test_a_ticket_of_a_session_that_logged_out_is_refused(api, client, merchant_admin):
    tokens = issue_tokens(merchant_admin, remember=False)
    api.token = tokens.access
    ticket = api.post("/notifications/stream-ticket").json()["ticket"]
    api.post("/auth/logout", {"refresh": tokens.refresh})

    response = client.get("/api/v1/notifications/stream", {"ticket": ticket})

    assert response.status_code == 401


def test_over_wsgi_the_stream_answers_at_once_and_asks_the_page_to_poll(api, client, merchant_admin):
    make_message(merchant_admin, title="未读")
    ticket = ticket_for(api, merchant_admin)

    response = client.get("/api/v1/notifications/stream", {"ticket": ticket})  # the WSGI handler

    assert response.status_code == 200
    body = b"".join(response).decode()  # Django consumes the (short) async body for WSGI
    assert 'event: unread\ndata: {"status": 1, "todo": 0, "announcement": 0, "total": 1}' in body
    assert body.endswith('event: end\ndata: {"reason": "polling"}\n\n')
