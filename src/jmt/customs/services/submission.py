"""Submissions: build the messages, validate them, and write them to the outbox with the documents.

Everything happens in one transaction: the documents move to ``queued``, the XML is stored as an
outgoing ``Message``, an ``Outbox`` row is added, and the dispatch task is enqueued (django-tasks-db
stores it in the same database, in the same transaction). Nothing is sent from here.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.customs.models import (
    Batch,
    Direction,
    DocStatus,
    Inventory,
    InvtCancel,
    Logistics,
    Message,
    Order,
    Outbox,
    SummaryApply,
    WayBill,
)
from jmt.customs.services.batch_flow import batch_follow
from jmt.customs.services.gateway import ensure_ready
from jmt.customs.xml.builders import (
    BuiltMessage,
    Transfer,
    build_ceb303,
    build_ceb505,
    build_ceb603,
    build_ceb605,
    build_ceb607,
    build_ceb701,
)

logger = logging.getLogger("jmt.customs")

# The document model carried by each outgoing message type.
MESSAGE_MODELS: dict[str, type[models.Model]] = {
    "CEB303": Order,
    "CEB505": Logistics,
    "CEB603": Inventory,
    "CEB605": InvtCancel,
    "CEB607": WayBill,
    "CEB701": SummaryApply,
}
READY_FOR_INVENTORY = (DocStatus.STORED, DocStatus.EXISTS)


@dataclass
class SubmitReport:
    messages: int = 0
    documents: int = 0

    def add(self, other: SubmitReport) -> None:
        self.messages += other.messages
        self.documents += other.documents


def transfer_of(batch: Batch) -> Transfer:
    return Transfer(cop_code=batch.cop_code, cop_name=batch.cop_name, dxp_id=batch.dxp_id)


def schedule_dispatch() -> None:
    """Enqueue the dispatch task in the caller's transaction (committed, or lost, with the data)."""
    from jmt.customs.tasks import customs_outbox_dispatch

    customs_outbox_dispatch.enqueue()


def _store(built: Sequence[BuiltMessage], *, model: type[models.Model], batch: Batch | None, merchant: Any) -> None:
    for item in built:
        xml = item.xml.decode("utf-8")
        message = Message.objects.create(
            direction=Direction.OUT,
            message_type=item.message_type,
            guid=item.guid,
            merchant=merchant,
            batch=batch,
            entity_count=len(item.documents),
            xml=xml,
            sha256=hashlib.sha256(item.xml).hexdigest(),
        )
        Outbox.objects.create(message=message)
        ids = [document.pk for document in item.documents]
        model._default_manager.filter(pk__in=ids).update(status=DocStatus.QUEUED, message=message)


def _submit(
    queryset: models.QuerySet[Any],
    builder: Callable[..., list[BuiltMessage]],
    *,
    batch: Batch,
    prefetch: tuple[str, ...] = (),
) -> SubmitReport:
    """Lock the draft documents, build their messages (100 a message), store them in the outbox."""
    with transaction.atomic():
        ids = list(
            queryset.select_for_update().filter(status=DocStatus.DRAFT).order_by("pk").values_list("pk", flat=True)
        )
        if not ids:
            return SubmitReport()
        model = queryset.model
        documents = list(model._default_manager.filter(pk__in=ids).order_by("pk").prefetch_related(*prefetch))
        built = builder(documents, transfer_of(batch))
        _store(built, model=model, batch=batch, merchant=batch.merchant)
    return SubmitReport(messages=len(built), documents=len(documents))


def orders_submit_system(*, batch: Batch, order_ids: Sequence[int] | None = None) -> SubmitReport:
    """Queue the batch's draft orders (CEB303) in the outbox (no dispatch task: see ``batch_submit``)."""
    queryset = Order.objects.filter(batch=batch)
    if order_ids is not None:
        queryset = queryset.filter(pk__in=order_ids)
    return _submit(queryset, build_ceb303, batch=batch, prefetch=("lines",))


def batch_submit(*, actor: Actor, batch: Batch) -> SubmitReport:
    """Submit a batch: its orders and waybills now; each inventory once its order and waybill reach 120."""
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch.pk)
        ensure_ready(batch.merchant)
        before = {"status": batch.state}
        report = orders_submit_system(batch=batch)
        report.add(_submit(Logistics.objects.filter(batch=batch), build_ceb505, batch=batch))
        report.add(inventories_submit_ready(batch_ids=[batch.pk]))
        batch_follow(batch, actor=actor)
        record(
            actor=actor,
            module="customs",
            action="batch_submit",
            obj=batch,
            before=before,
            after={"status": batch.state, "messages": report.messages, "documents": report.documents},
        )
        if report.messages:
            schedule_dispatch()
    return report


def inventories_submit_ready(*, batch_ids: Sequence[int]) -> SubmitReport:
    """Queue every draft inventory whose order and waybill customs has stored (三单对碰 can start)."""
    report = SubmitReport()
    ready = Inventory.objects.filter(
        batch_id__in=batch_ids,
        status=DocStatus.DRAFT,
        order__status__in=READY_FOR_INVENTORY,
        logistics__status__in=READY_FOR_INVENTORY,
    )
    for batch in Batch.objects.filter(pk__in=ready.values("batch_id")).select_related("merchant"):
        report.add(_submit(ready.filter(batch=batch), build_ceb603, batch=batch, prefetch=("lines",)))
    return report


def invt_cancel_submit(*, actor: Actor, inventory: Inventory, reason: str, cop_no: str) -> InvtCancel:
    """撤销申请单 (CEB605) for an inventory customs has cleared: needs its invtNo and a reason."""
    with transaction.atomic():
        ensure_ready(inventory.merchant)
        batch = inventory.batch
        if batch is None:
            raise ValueError("an inventory without a batch cannot be cancelled")
        cancel = InvtCancel.objects.create(
            merchant=inventory.merchant,
            inventory=inventory,
            customs_code=inventory.customs_code,
            cop_no=cop_no,
            invt_no=inventory.invt_no,
            reason=reason,
            agent_code=inventory.agent_code,
            agent_name=inventory.agent_name,
            ebc_code=inventory.ebc_code,
            ebc_name=inventory.ebc_name,
        )
        _submit(InvtCancel.objects.filter(pk=cancel.pk), build_ceb605, batch=batch)
        record(
            actor=actor, module="customs", action="invt_cancel_submit", obj=cancel, before={}, after={"reason": reason}
        )
        schedule_dispatch()
    cancel.refresh_from_db()
    return cancel


def _single(document: WayBill | SummaryApply, builder: Callable[..., list[BuiltMessage]], batch: Batch) -> int:
    locked = type(document)._default_manager.select_for_update().filter(pk=document.pk, status=DocStatus.DRAFT)
    if not locked.exists():
        return 0
    fresh = type(document)._default_manager.prefetch_related("lines").get(pk=document.pk)
    built = builder(fresh, transfer_of(batch))
    _store(built, model=type(document), batch=batch, merchant=batch.merchant)
    return len(built)


def waybill_submit(*, actor: Actor, waybill: WayBill, batch: Batch) -> int:
    """清单总分单 (CEB607), split into numbered parts above 100 waybills."""
    with transaction.atomic():
        ensure_ready(waybill.merchant)
        parts = _single(waybill, build_ceb607, batch)
        record(actor=actor, module="customs", action="waybill_submit", obj=waybill, before={}, after={"parts": parts})
        if parts:
            schedule_dispatch()
    return parts


def summary_submit(*, actor: Actor, summary: SummaryApply, batch: Batch) -> int:
    """汇总申请单 (CEB701), split into numbered parts above 100 inventories."""
    with transaction.atomic():
        ensure_ready(summary.merchant)
        parts = _single(summary, build_ceb701, batch)
        record(actor=actor, module="customs", action="summary_submit", obj=summary, before={}, after={"parts": parts})
        if parts:
            schedule_dispatch()
    return parts
