"""Dispatch: workers claim outbox rows, send them through the gateway, and record the outcome.

Claiming is a short transaction: ``select_for_update(skip_locked=True)`` picks due rows no other
worker holds, and a lease (``lease_until``) is written; the HTTP call happens outside any
transaction. A worker that dies after sending but before recording leaves its rows leased: when the
lease runs out another worker sends the *same guid* again, the gateway answers "duplicate", and the
row is recorded as sent — customs receives every message once. Transient failures retry with
exponential backoff; permanent ones, or too many attempts, leave the row in ``needs_attention``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.customs.models import DocStatus, Outbox, OutboxState
from jmt.customs.services.submission import MESSAGE_MODELS
from jmt.integrations.customs_gateway.port import CustomsGateway, GatewayError, OutboundMessage, SubmitResult

logger = logging.getLogger("jmt.customs")

BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    duplicates: int = 0
    retried: int = 0
    needs_attention: int = 0
    next_attempt_at: datetime | None = None


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS))


def claim(*, now: datetime, limit: int, worker_id: str) -> list[Outbox]:
    """Take up to ``limit`` due rows that no live worker holds, and lease them to ``worker_id``."""
    lease_until = now + timedelta(seconds=settings.CUSTOMS_OUTBOX_LEASE_SECONDS)
    with transaction.atomic():
        rows = list(
            Outbox.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(state=OutboxState.PENDING, next_attempt_at__lte=now)
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lte=now))
            .select_related("message")
            .order_by("next_attempt_at", "pk")[:limit]
        )
        if rows:
            Outbox.objects.filter(pk__in=[row.pk for row in rows]).update(
                lease_until=lease_until, lease_owner=worker_id, attempts=F("attempts") + 1
            )
            for row in rows:
                row.attempts += 1
    return rows


def _documents(row: Outbox, status: str) -> Any:
    """The message's documents still in ``status``, locked in primary-key order (as receipts lock them)."""
    model = MESSAGE_MODELS[row.message.message_type]
    manager: Any = model._default_manager
    ids = list(
        manager.select_for_update()
        .filter(message_id=row.message_id, status=status)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return manager.filter(pk__in=ids)


def mark_sent(row: Outbox, result: SubmitResult, *, now: datetime) -> None:
    with transaction.atomic():
        Outbox.objects.filter(pk=row.pk).update(
            state=OutboxState.SENT,
            sent_at=now,
            duplicate=result.duplicate,
            gateway_reply=result.reply[:1000],
            lease_until=None,
            last_error="",
        )
        _documents(row, DocStatus.QUEUED).update(status=DocStatus.SENT)


def record_failure(row: Outbox, error: GatewayError, *, now: datetime) -> bool:
    """Schedule a retry, or give up into ``needs_attention``. True when given up."""
    give_up = error.permanent or row.attempts >= settings.CUSTOMS_OUTBOX_MAX_ATTEMPTS
    with transaction.atomic():
        if give_up:
            Outbox.objects.filter(pk=row.pk).update(
                state=OutboxState.NEEDS_ATTENTION, lease_until=None, last_error=str(error)[:1000]
            )
            _documents(row, DocStatus.QUEUED).update(status=DocStatus.NEEDS_ATTENTION, return_info=str(error)[:1000])
        else:
            Outbox.objects.filter(pk=row.pk).update(
                next_attempt_at=now + backoff(row.attempts), lease_until=None, last_error=str(error)[:1000]
            )
    logger.warning(
        "customs message %s %s failed (attempt %d%s): %s",
        row.message.message_type,
        row.message.guid,
        row.attempts,
        ", needs attention" if give_up else "",
        error,
    )
    return give_up


def send_one(row: Outbox, gateway: CustomsGateway, *, now: datetime, report: DispatchReport) -> None:
    message = OutboundMessage(
        message_type=row.message.message_type, guid=row.message.guid, xml=row.message.xml.encode("utf-8")
    )
    try:
        result = gateway.submit(message)
    except GatewayError as exc:
        if record_failure(row, exc, now=now):
            report.needs_attention += 1
        else:
            report.retried += 1
        return
    mark_sent(row, result, now=now)
    report.sent += 1
    report.duplicates += int(result.duplicate)


def outbox_dispatch(
    *,
    gateway: CustomsGateway,
    now: datetime | None = None,
    batch_size: int = 20,
    max_rounds: int | None = None,
    worker_id: str = "",
    resolve: Callable[[Outbox], CustomsGateway] | None = None,
) -> DispatchReport:
    """Send every due message, ``batch_size`` claimed at a time, until none is left (or ``max_rounds``).

    ``resolve`` picks the gateway of each row (its merchant's 点点通 account, see
    ``services.gateway.GatewayResolver``); without it every row goes through ``gateway``."""
    worker = worker_id or uuid.uuid4().hex
    report = DispatchReport()
    rounds = 0
    while max_rounds is None or rounds < max_rounds:
        rounds += 1
        moment = now or timezone.now()
        rows = claim(now=moment, limit=batch_size, worker_id=worker)
        if not rows:
            break
        report.claimed += len(rows)
        for row in rows:
            send_one(row, resolve(row) if resolve else gateway, now=moment, report=report)
    pending = Outbox.objects.filter(state=OutboxState.PENDING).aggregate(first=Min("next_attempt_at"))
    report.next_attempt_at = pending["first"]
    return report


def outbox_retry(*, actor: Actor, outbox: Outbox) -> Outbox:
    """Send a message again that was left in ``needs_attention`` (after its cause was fixed)."""
    with transaction.atomic():
        row = Outbox.objects.select_for_update().select_related("message").get(pk=outbox.pk)
        if row.state != OutboxState.NEEDS_ATTENTION:
            return row
        before = {"state": row.state, "attempts": row.attempts}
        row.state = OutboxState.PENDING
        row.attempts = 0
        row.next_attempt_at = timezone.now()
        row.save(update_fields=["state", "attempts", "next_attempt_at", "updated_at"])
        _documents(row, DocStatus.NEEDS_ATTENTION).update(status=DocStatus.QUEUED)
        record(actor=actor, module="customs", action="outbox_retry", obj=row, before=before, after={"state": row.state})
        from jmt.customs.services.submission import schedule_dispatch

        schedule_dispatch()
    return row
