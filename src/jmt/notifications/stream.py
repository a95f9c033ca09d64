"""Server-sent events for the message center: a short-lived ticket, then an async stream.

``EventSource`` cannot send an ``Authorization`` header, so the page first asks (with its bearer
token) for a signed ticket valid for ``STREAM_TICKET_SECONDS`` and opens
``/api/v1/notifications/stream?ticket=…``. The stream is an async view (ASGI: an open stream holds
no worker thread) that polls the database every ``NOTIFICATIONS_STREAM_POLL_SECONDS`` for messages
newer than the last one sent, sends each as an ``event: message``, sends the unread counts as
``event: unread`` when they change, a ``: heartbeat`` comment every
``NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS``, and ends after ``NOTIFICATIONS_STREAM_MAX_SECONDS`` (the
page reconnects with a fresh ticket and ``after=<last id>`` so nothing is missed). A client that
goes away cancels the stream (Django's ASGI handler), which closes its database connection.
Under WSGI (Django's test server, a sync deployment) the view answers at once with the counts and
``end: polling`` instead, so no thread is held; the page polls.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, close_old_connections, connection

from jmt.core.auth import Actor
from jmt.notifications.errors import NotificationError
from jmt.notifications.models import Message
from jmt.notifications.selectors import counts_of, message_out, visibility

logger = logging.getLogger("jmt.notifications.stream")

TICKET_SALT = "jmt.notifications.stream"
STREAM_TICKET_SECONDS = 60
BATCH = 50


@dataclass(frozen=True)
class StreamGrant:
    user_id: int
    merchant_id: int | None
    session: str


def issue_ticket(actor: Actor) -> str:
    merchant_id = actor.merchant.pk if actor.merchant is not None else None
    return signing.dumps({"u": actor.user.pk, "m": merchant_id, "s": actor.session}, salt=TICKET_SALT)


def read_ticket(ticket: str) -> StreamGrant:
    try:
        claims = signing.loads(ticket, salt=TICKET_SALT, max_age=STREAM_TICKET_SECONDS)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature
        raise NotificationError.stream_ticket_invalid() from exc
    if not isinstance(claims, dict) or not isinstance(claims.get("u"), int):
        raise NotificationError.stream_ticket_invalid()
    merchant = claims.get("m")
    return StreamGrant(
        user_id=claims["u"], merchant_id=merchant if isinstance(merchant, int) else None, session=str(claims.get("s"))
    )


def grant_is_valid(grant: StreamGrant) -> bool:
    """The account is still active and its session was not logged out or revoked."""
    from jmt.accounts.models import User
    from jmt.accounts.tokens import session_is_active

    close_old_connections()
    if not User.objects.filter(pk=grant.user_id, is_active=True).exists():
        return False
    return not grant.session or session_is_active(grant.session)


def _newer(grant: StreamGrant, after: int) -> list[dict[str, Any]]:
    messages = Message.objects.filter(visibility(grant.user_id, grant.merchant_id), pk__gt=after).order_by("pk")
    return [message_out(m) for m in messages[:BATCH]]


def _counts(grant: StreamGrant) -> dict[str, int]:
    return counts_of(Message.objects.filter(visibility(grant.user_id, grant.merchant_id)))


def _latest_id(grant: StreamGrant) -> int:
    latest = Message.objects.filter(visibility(grant.user_id, grant.merchant_id)).order_by("-pk").first()
    return latest.pk if latest else 0


def _close_connection() -> None:
    connection.close()  # looked up in the thread that runs it: the stream's own connection


def _event(name: str, data: Any, event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {name}\ndata: {json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)}\n\n"


async def polling_only(grant: StreamGrant) -> AsyncIterator[str]:
    """Served over WSGI, where an endless response would hold a worker thread: the counts, then
    ``end`` with reason ``polling`` — the page falls back to polling the unread count."""
    yield "retry: 3000\n\n"
    yield _event("unread", await sync_to_async(_counts)(grant))
    yield _event("end", {"reason": "polling"})


async def event_stream(grant: StreamGrant, after: int | None) -> AsyncIterator[str]:
    poll = float(settings.NOTIFICATIONS_STREAM_POLL_SECONDS)
    heartbeat = float(settings.NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS)
    lifetime = float(settings.NOTIFICATIONS_STREAM_MAX_SECONDS)
    db = sync_to_async
    started = last_beat = time.monotonic()
    try:
        yield "retry: 3000\n\n"
        last_id = after if after is not None else await db(_latest_id)(grant)
        counts = await db(_counts)(grant)
        yield _event("unread", counts)
        while True:
            for message in await db(_newer)(grant, last_id):
                last_id = message["id"]
                counts = await db(_counts)(grant)
                yield _event("message", {"message": message, "unread": counts}, event_id=last_id)
            now = time.monotonic()
            if now - last_beat >= heartbeat:
                last_beat = now
                if not await db(grant_is_valid)(grant):
                    yield _event("end", {"reason": "session_ended"})
                    return
                yield ": heartbeat\n\n"
                fresh = await db(_counts)(grant)
                if fresh != counts:  # read elsewhere (another tab, the phone): keep the badge true
                    counts = fresh
                    yield _event("unread", counts)
            if now - started >= lifetime:
                yield _event("end", {"reason": "reconnect"})
                return
            await asyncio.sleep(poll)
    except DatabaseError:
        # The database went away (a pg_auto_failover promotion, a restart): end cleanly so the page reconnects
        # with a fresh ticket and `after=<last id>` — by then libpq finds the new primary.
        logger.warning("stream of user %s ended: database unavailable", grant.user_id)
        yield _event("end", {"reason": "reconnect"})
    except asyncio.CancelledError:
        logger.debug("stream of user %s closed by the client", grant.user_id)
        raise
    finally:
        await sync_to_async(_close_connection)()
