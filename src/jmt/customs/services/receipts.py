"""Receipts: store what customs sends back, then apply it to the documents, idempotently.

* The received XML is kept once (by its SHA-256); a message delivered twice changes nothing.
* Each receipt entity becomes a ``Receipt`` row (deduplicated by fingerprint) and is applied to its
  document only when its ``returnTime`` is newer than the one applied last: a late, repeated or
  out-of-order receipt never moves a status backwards.
* "Already exists" codes (-301010, -504015) count as declared, and only for a document that has no
  answer from customs yet; they never overwrite a real status.
* A cancel (605) reaching 399 cancels its inventory; CEB792 stores the 汇总结果 with its entryId;
  CEB900 marks the documents of the refused message as errors.
* Orders and waybills reaching 120 release their inventories for submission, in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from jmt.core.bulk import insert_values
from jmt.customs.models import (
    PRE_RECEIPT_STATUSES,
    Direction,
    DocStatus,
    Inventory,
    InvtCancel,
    Logistics,
    Message,
    Order,
    Receipt,
    SummaryApply,
    SummaryResult,
    WayBill,
)
from jmt.customs.services import notices
from jmt.customs.services.batch_flow import batches_follow
from jmt.customs.services.submission import MESSAGE_MODELS, inventories_submit_ready, schedule_dispatch
from jmt.customs.xml.receipts import ParsedMessage, ParsedReturn, ParsedSummaryResult, ReceiptParseError, parse_message
from jmt.merchants.models import Merchant

STATUS_BY_CODE: dict[str, DocStatus] = {
    "1": DocStatus.STAGED,
    "2": DocStatus.DECLARING,
    "3": DocStatus.SENT_TO_CUSTOMS,
    "4": DocStatus.CUSTOMS_SEND_FAILED,
    "100": DocStatus.REJECTED,
    "120": DocStatus.STORED,
    "300": DocStatus.MANUAL_REVIEW,
    "399": DocStatus.CLEARED,
    "500": DocStatus.INSPECTION,
    "800": DocStatus.RELEASED,
    "899": DocStatus.CLOSED,
}
EXISTS_CODES = frozenset({"-301010", "-504015"})

KIND_MODELS: dict[str, type[models.Model]] = {
    "order": Order,
    "logistics": Logistics,
    "inventory": Inventory,
    "cancel": InvtCancel,
    "waybill": WayBill,
    "summary": SummaryApply,
}
# Business keys to find a document when the receipt's guid is not ours: receipt field → model field.
FALLBACK_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "order": (("ebpCode", "ebp_code"), ("orderNo", "order_no")),
    "logistics": (("logisticsCode", "logistics_code"), ("logisticsNo", "logistics_no")),
    "inventory": (("ebcCode", "ebc_code"), ("copNo", "cop_no")),
    "cancel": (("copNo", "cop_no"), ("invtNo", "invt_no")),
    "waybill": (("copNo", "cop_no"), ("agentCode", "agent_code")),
    "summary": (("copNo", "cop_no"), ("agentCode", "agent_code")),
}
# Numbers customs assigns and the receipt carries: receipt field → model field.
ASSIGNED: dict[str, tuple[tuple[str, str], ...]] = {
    "inventory": (("preNo", "pre_no"), ("invtNo", "invt_no")),
    "cancel": (("preNo", "pre_no"),),
    "waybill": (("preNo", "pre_no"),),
    "summary": (("preNo", "pre_no"), ("sumNo", "sum_no")),
}
KEY_FIELDS = (
    "orderNo",
    "ebpCode",
    "ebcCode",
    "logisticsCode",
    "logisticsNo",
    "copNo",
    "preNo",
    "invtNo",
    "sumNo",
    "msgSeqNo",
    "billNo",
    "agentCode",
)


@dataclass
class IngestResult:
    message_id: int
    duplicate_message: bool = False
    receipts: int = 0
    applied: int = 0
    refused: int = 0  # receipts about another merchant's documents than the signing account's


def status_for(code: str) -> DocStatus:
    if code in EXISTS_CODES:
        return DocStatus.EXISTS
    if code in STATUS_BY_CODE:
        return STATUS_BY_CODE[code]
    return DocStatus.ERROR if code.startswith("-") else DocStatus.DECLARING


def receipt_ingest(xml: bytes, *, source: str = "gateway", signer_merchant_id: int | None = None) -> IngestResult:
    """Store one received message and apply its receipts, all in one transaction.

    ``signer_merchant_id``: the merchant whose 点点通 account signed the callback. Its receipts change
    that merchant's documents only; a receipt about another merchant's document changes nothing, is kept
    with ``refused`` set, and the message's ``problem`` says so. None (the platform's own account, the
    simulator): every merchant's documents.

    Raises ``ReceiptParseError`` for XML that is not a receipt (the bytes are still kept).
    """
    digest = hashlib.sha256(xml).hexdigest()
    try:
        parsed = parse_message(xml)
    except ReceiptParseError as exc:
        _keep_unreadable(xml, digest, str(exc))
        raise
    with transaction.atomic():
        try:
            with transaction.atomic():
                message = Message.objects.create(
                    direction=Direction.IN,
                    message_type=parsed.message_type,
                    guid=parsed.guid[:36],
                    entity_count=parsed.entity_count,
                    xml=xml.decode("utf-8", "replace"),
                    sha256=digest,
                    schema_valid=parsed.schema_valid,
                    problem="；".join(parsed.schema_errors)[:1000],
                )
        except IntegrityError:
            existing = Message.objects.get(direction=Direction.IN, sha256=digest)
            return IngestResult(message_id=existing.pk, duplicate_message=True)
        result = IngestResult(message_id=message.pk)
        scope = Scope(signer_merchant_id)
        touched_batches: set[int] = set()
        moved: dict[str, list[Any]] = defaultdict(list)
        by_kind: dict[str, list[ParsedReturn]] = defaultdict(list)
        for item in parsed.returns:
            by_kind[item.kind].append(item)
        for kind, items in by_kind.items():
            if kind in KIND_MODELS:
                moved[kind].extend(
                    _apply_returns(kind, items, message, parsed.message_type, result, touched_batches, scope)
                )
        for summary_result in parsed.summary_results:
            _apply_summary_result(summary_result, message, result, scope)
        if parsed.format_receipt is not None:
            kind, refused = _apply_format_receipt(parsed, message, result, scope)
            if refused:  # a format failure is a problem the merchant hears about, like a rejection
                moved[kind].extend(refused)
        if result.refused:
            message.merchant_id = signer_merchant_id
            signer_name = Merchant.objects.filter(pk=signer_merchant_id or 0).values_list("name", flat=True).first()
            message.problem = (
                f"{result.refused} 条回执涉及其他商户的单证（签名的点点通账号属于「{signer_name}」），"
                "已拒绝，未更新这些单证" + (f"；{message.problem}" if message.problem else "")
            )[:1000]
            message.save(update_fields=["merchant", "problem"])
        notices.receipts_applied(moved)
        batches_follow(_batches_moved(moved))
        if touched_batches and inventories_submit_ready(batch_ids=sorted(touched_batches)).messages:
            schedule_dispatch()
    return result


def _keep_unreadable(xml: bytes, digest: str, problem: str) -> None:
    try:
        with transaction.atomic():
            Message.objects.create(
                direction=Direction.IN,
                message_type="UNKNOWN",
                xml=xml.decode("utf-8", "replace").replace("\x00", "\ufffd"),  # PostgreSQL stores no NUL
                sha256=digest,
                schema_valid=False,
                problem=problem[:1000],
            )
    except IntegrityError:
        pass


def _fingerprint(message_type: str, fields: dict[str, str]) -> str:
    return hashlib.sha256(
        f"{message_type}|{json.dumps(fields, sort_keys=True, ensure_ascii=False)}".encode()
    ).hexdigest()


@dataclass(frozen=True)
class Scope:
    """Whose documents a received message may change: one merchant's, or (None) every merchant's."""

    merchant_id: int | None

    def allows(self, doc: Any) -> bool:
        return self.merchant_id is None or doc.merchant_id == self.merchant_id


def _find_targets(kind: str, items: list[ParsedReturn], scope: Scope) -> dict[int, Any]:
    """Index of ``items`` → the locked document each one is about (by guid, else business keys).

    Business keys are unique per merchant only, so a scoped message looks for the signer's document
    first; another merchant's document is still found (and then refused by the caller) so the refusal
    is recorded."""
    model = KIND_MODELS[kind]
    manager: Any = model._default_manager
    guids = {item.get("guid").upper() for item in items if item.get("guid")}
    # Lock in primary-key order, so two workers applying overlapping receipts cannot deadlock.
    by_guid: dict[str, Any] = {
        doc.guid: doc for doc in manager.select_for_update().filter(guid__in=guids).order_by("pk")
    }
    found: dict[int, Any] = {}
    cache: dict[tuple[str, ...], Any] = {}
    for index, item in enumerate(items):
        doc = by_guid.get(item.get("guid").upper())
        if doc is None:
            keys = FALLBACK_KEYS[kind]
            values = tuple(item.get(source) for source, _ in keys)
            if all(values):
                if values not in cache:
                    lookup = {target: value for (_, target), value in zip(keys, values, strict=True)}
                    candidates = manager.select_for_update().filter(**lookup).order_by("-pk")
                    own = candidates.filter(merchant_id=scope.merchant_id) if scope.merchant_id else candidates
                    cache[values] = own.first() or candidates.first()
                doc = cache[values]
                if doc is not None:
                    doc = by_guid.setdefault(doc.guid, doc)
        if doc is not None:
            found[index] = doc
    return found


def _should_apply(doc: Any, code: str, when: str) -> bool:
    if doc.status == DocStatus.CANCELLED:
        return False  # a cancelled inventory stays cancelled whatever else is still on its way
    if code in EXISTS_CODES:
        return doc.status in PRE_RECEIPT_STATUSES
    return when > (doc.return_time or "")


def _apply_returns(
    kind: str,
    items: list[ParsedReturn],
    message: Message,
    message_type: str,
    result: IngestResult,
    touched_batches: set[int],
    scope: Scope,
) -> list[Any]:
    """Apply one kind's receipts; returns the documents whose status moved (for the C7 notices).

    A receipt about a document outside ``scope`` is kept, refused and linked to nothing."""
    targets = _find_targets(kind, items, scope)
    changed: dict[int, Any] = {}
    rows: list[Receipt] = []
    order = sorted(range(len(items)), key=lambda i: items[i].get("returnTime"))
    for index in order:
        item = items[index]
        code, when = item.get("returnStatus"), item.get("returnTime")
        doc = targets.get(index)
        applied = refused = False
        if doc is not None and not scope.allows(doc):
            doc, refused = None, True
            result.refused += 1
        if doc is not None and code and _should_apply(doc, code, when):
            doc.status = status_for(code)
            doc.return_status = code
            doc.return_time = when
            doc.return_info = item.get("returnInfo")[:1000]
            for source, target in ASSIGNED.get(kind, ()):
                if item.get(source):
                    setattr(doc, target, item.get(source))
            changed[doc.pk] = doc
            applied = True
            result.applied += 1
        rows.append(_receipt_row(kind, item, message, message_type, doc, applied, refused))
    _save(kind, changed.values())
    insert_values(rows, ignore_conflicts=True)  # a repeated receipt (same fingerprint) is kept once
    result.receipts += len(rows)
    for doc in changed.values():
        if kind in ("order", "logistics") and doc.status in (DocStatus.STORED, DocStatus.EXISTS) and doc.batch_id:
            touched_batches.add(doc.batch_id)
        if kind == "cancel" and doc.status == DocStatus.CLEARED:
            Inventory.objects.filter(pk=doc.inventory_id).exclude(status=DocStatus.CLOSED).update(
                status=DocStatus.CANCELLED, return_info=f"撤销成功：{doc.reason}"[:1000]
            )
    return list(changed.values())


def _save(kind: str, documents: Iterable[Any]) -> None:
    """One UPDATE per distinct outcome: a receipt message usually moves many documents the same way."""
    assigned = [target for _, target in ASSIGNED.get(kind, ())]
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for doc in documents:
        outcome = (doc.status, doc.return_status, doc.return_time, doc.return_info)
        groups[outcome + tuple(getattr(doc, name) for name in assigned)].append(doc.pk)
    manager: Any = KIND_MODELS[kind]._default_manager
    now = timezone.now()
    for values, ids in groups.items():
        update = dict(zip(("status", "return_status", "return_time", "return_info", *assigned), values, strict=True))
        manager.filter(pk__in=ids).update(**update, updated_at=now)


def _receipt_row(
    kind: str, item: ParsedReturn, message: Message, message_type: str, doc: Any, applied: bool, refused: bool = False
) -> Receipt:
    keys = {name: item.get(name) for name in KEY_FIELDS if item.get(name)}
    row = Receipt(
        received_in=message,
        message_type=message_type,
        guid=item.get("guid")[:36],
        return_status=item.get("returnStatus")[:10],
        return_time=item.get("returnTime")[:17],
        return_info=item.get("returnInfo")[:5000],
        keys=keys,
        raw=item.raw,
        fingerprint=_fingerprint(message_type, item.fields),
        applied=applied,
        refused=refused,
    )
    if doc is not None:
        setattr(row, kind, doc)
    return row


def _apply_summary_result(item: ParsedSummaryResult, message: Message, result: IngestResult, scope: Scope) -> None:
    head = item.head
    summary = (
        SummaryApply.objects.filter(guid=head.get("guid", "").upper()).first()
        or SummaryApply.objects.filter(sum_no=head.get("sumNo", "")).exclude(sum_no="").first()
    )
    if summary is not None and not scope.allows(summary):
        result.refused += 1
        result.receipts += 1
        return  # another merchant's 汇总: no result kept against it, no 报关单号 written
    values = {
        "summary": summary,
        "received_in": message,
        "guid": head.get("guid", "")[:36],
        "customs_code": head.get("customsCode", ""),
        "dec_tmp_no": head.get("decTmpNo", ""),
        "dec_pre_no": head.get("decPreNo", ""),
        "decl_seq_no": head.get("declSeqNo", ""),
        "entry_id": head.get("entryId", ""),
        "dec_state": head.get("decState", ""),
        "agent_code": head.get("agentCode", ""),
        "agent_name": head.get("agentName", ""),
        "ebc_code": head.get("ebcCode", ""),
        "ebc_name": head.get("ebcName", ""),
        "decl_agent_code": head.get("declAgentCode", ""),
        "decl_agent_name": head.get("declAgentName", ""),
        "gross_weight": head.get("grossWeight") or "0",
        "net_weight": head.get("netWeight") or "0",
        "msg_count": int(head.get("msgCount") or 1),
        "note": head.get("note", ""),
        "lines": item.lines,
    }
    _, created = SummaryResult.objects.get_or_create(
        sum_no=head.get("sumNo", ""),
        msg_seq_no=int(head.get("msgSeqNo") or 1),
        op_date=head.get("opDate", ""),
        defaults=values,
    )
    result.receipts += 1
    if created and summary is not None and head.get("entryId"):
        SummaryApply.objects.filter(pk=summary.pk).update(entry_id=head["entryId"], sum_no=head.get("sumNo", ""))
        result.applied += 1
        notices.summary_result_received(summary, head["entryId"])


def _apply_format_receipt(
    parsed: ParsedMessage, message: Message, result: IngestResult, scope: Scope
) -> tuple[str, list[Any]]:
    """Mark the documents of the refused message as errors; returns their kind and the documents moved."""
    receipt = parsed.format_receipt or {}
    moved: list[Any] = []
    kind = ""
    original = Message.objects.filter(direction=Direction.OUT, guid=receipt.get("guid", parsed.guid)).first()
    foreign = original is not None and scope.merchant_id is not None and original.merchant_id != scope.merchant_id
    if foreign:
        original = None  # another merchant's message: nothing of it changes
        result.refused += 1
    when = "".join(ch for ch in receipt.get("returnTime", "") if ch.isdigit())[:17].ljust(17, "0")
    code = receipt.get("returnStatus", "-1")
    info = ("报文格式校验失败：" + receipt.get("returnInfo", ""))[:1000]
    applied = 0
    if original is not None and original.message_type in MESSAGE_MODELS:
        model = MESSAGE_MODELS[original.message_type]
        kind = next(key for key, kind_model in KIND_MODELS.items() if kind_model is model)
        docs: Iterable[Any] = model._default_manager.select_for_update().filter(message=original)
        for doc in docs:
            if when > (doc.return_time or ""):
                doc.status, doc.return_status, doc.return_time, doc.return_info = DocStatus.ERROR, code, when, info
                doc.save(update_fields=["status", "return_status", "return_time", "return_info", "updated_at"])
                applied += 1
                moved.append(doc)
    fields = {k: v for k, v in receipt.items() if k != "oriBizMessage"}
    Receipt.objects.bulk_create(
        [
            Receipt(
                received_in=message,
                message_type="CEB900",
                guid=receipt.get("guid", "")[:36],
                return_status=code[:10],
                return_time=when,
                return_info=receipt.get("returnInfo", "")[:5000],
                keys={"oriMessageType": receipt.get("oriMessageType", "")},
                raw=json.dumps(fields, ensure_ascii=False),
                fingerprint=_fingerprint("CEB900", fields),
                applied=applied > 0,
                refused=foreign,
            )
        ],
        ignore_conflicts=True,
    )
    result.receipts += 1
    result.applied += applied
    return kind, moved


def _batches_moved(moved: dict[str, list[Any]]) -> set[int]:
    """The batches whose state the moved documents may change: their inventories' batches, and the
    batches of inventories a cleared 撤销 has just taken out."""
    batch_ids = {doc.batch_id for doc in moved.get("inventory", []) if doc.batch_id}
    cancelled = [doc.inventory_id for doc in moved.get("cancel", []) if doc.status == DocStatus.CLEARED]
    if cancelled:
        batch_ids |= set(
            Inventory.objects.filter(pk__in=cancelled, batch__isnull=False).values_list("batch_id", flat=True)
        )
    return batch_ids
