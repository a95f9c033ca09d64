"""Every write of 跨境物流: favourites, shipments (create, switch carrier), the back office's
carriers, handled flags and tracking numbers, and tracking events (push, poll, stand-in).

State moves go through ``jmt.workflow.services.transition``; its notices raise the merchant's
站内信 and WeChat push on every status change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from jmt.audit.services import record, record_event, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.documents.selectors import open_stored
from jmt.documents.services import kept_upload
from jmt.integrations.tracking.port import Status, TrackedNumber, TrackEvent, TrackingProvider, TrackUpdate
from jmt.logistics import quote as q
from jmt.logistics import selectors
from jmt.logistics.countries import BY_CODE
from jmt.logistics.errors import LogisticsError
from jmt.logistics.flow import COMPARE_EDIT, OPEN_STATES, QUEUE_VIEW, SHIP, SHIPMENT, TRACK
from jmt.logistics.models import AgreementFile, Carrier, CarrierStatus, Favourite, Shipment, TrackingEvent
from jmt.rbac.models import DataScope
from jmt.rbac.scope import merchant_in_scope
from jmt.workflow import services as workflow
from jmt.workflow.scope import can_read

CARRIER_FIELDS = (
    "code",
    "name",
    "kind",
    "status",
    "status_reason",
    "qualification_status",
    "description",
    "timeliness_standard",
    "exception_handling",
    "zones",
    "volumetric_divisor",
    "weight_step",
    "fuel_surcharge_pct",
    "remote_area_fee",
    "remote_postcodes",
    "max_weight_kg",
    "max_side_cm",
    "max_girth_cm",
    "max_sum_cm",
    "allows_battery",
    "allows_liquid",
    "allows_fragile",
    "fragile_packing_hint",
    "agreement_documents",
    "sort_order",
)
SHIPMENT_AUDIT = ("number", "carrier", "country", "amount", "tracking_no", "handled", "state")
STATE_OF = {
    Status.PICKED_UP: "picked_up",
    Status.IN_TRANSIT: "in_transit",
    Status.CUSTOMS: "customs",
    Status.OUT_FOR_DELIVERY: "delivering",
    Status.DELIVERED: "delivered",
    Status.EXCEPTION: "exception",
}
TRACKING_NO = re.compile(r"^[A-Za-z0-9-]{6,40}$")


def tracking_actor() -> Actor:
    """The platform acting on tracking events: may move every merchant's shipments, nothing else."""
    scopes = {code: frozenset({DataScope.ALL_WRITE.value}) for code in (TRACK, QUEUE_VIEW)}
    return Actor(user=None, merchant=None, role=None, permissions=frozenset(scopes), scopes=scopes)


# --- favourites --------------------------------------------------------------------------------------
def _merchant_for(actor: Actor, code: str) -> Any:
    merchant = actor.merchant
    if merchant is None or not merchant_in_scope(actor, code, merchant.pk):
        raise PermissionDenied(details={"permission": code})
    return merchant


@transaction.atomic
def favourite_set(*, actor: Actor, carrier_id: int, favourite: bool) -> bool:
    merchant = _merchant_for(actor, COMPARE_EDIT)
    carrier = Carrier.objects.filter(pk=carrier_id).first()
    if carrier is None:
        raise NotFound()
    if favourite:
        row, created = Favourite.objects.get_or_create(
            merchant=merchant, carrier=carrier, defaults={"created_by": actor.user}
        )
        if created:
            record(
                actor=actor,
                module="logistics",
                action="favourite_add",
                obj=row,
                before={},
                after={"carrier": carrier.name},
            )
    else:
        existing = Favourite.objects.filter(merchant=merchant, carrier=carrier).first()
        if existing is not None:
            record(
                actor=actor,
                module="logistics",
                action="favourite_remove",
                obj=existing,
                before={"carrier": carrier.name},
                after={},
            )
            existing.delete()
    return favourite


# --- shipments ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShipmentInput:
    carrier_id: int
    country: str
    sender: dict[str, str]
    recipient: dict[str, Any]
    parcels: list[q.Parcel]
    goods: list[dict[str, Any]]
    battery: bool = False
    liquid: bool = False
    remark: str = ""


def check_address(country: str, address: dict[str, str]) -> dict[str, str]:
    """Per-field Chinese messages for a recipient address in ``country`` (empty: fine)."""
    spec = BY_CODE.get(country)
    if spec is None:
        raise LogisticsError.country_unsupported(country)
    errors: dict[str, str] = {}
    for field in spec.fields:
        value = str(address.get(field.key) or "").strip()
        if not value:
            if field.required:
                errors[f"recipient.address.{field.key}"] = f"请填写{field.label}"
            continue
        if field.pattern and not re.match(field.pattern, value):
            errors[f"recipient.address.{field.key}"] = f"{field.label}格式不正确" + (
                f"（{field.hint}）" if field.hint else ""
            )
    return errors


def needs_of(data: ShipmentInput) -> q.Needs:
    return q.Needs(battery=data.battery, liquid=data.liquid, fragile=any(g.get("crystal") for g in data.goods))


def _bookable(carrier: Carrier, data: ShipmentInput) -> q.Quote:
    """The quote, or the refusal: a paused/terminated carrier (409), or one that cannot take the goods (422)."""
    if carrier.status != CarrierStatus.ACTIVE:
        raise LogisticsError.carrier_unavailable(carrier.name, carrier.get_status_display(), carrier.status_reason)
    result = q.quote(
        carrier,
        country=data.country,
        parcels=data.parcels,
        needs=needs_of(data),
        postcode=str((data.recipient.get("address") or {}).get("postcode") or ""),
    )
    if not result.eligible:
        raise LogisticsError.carrier_ineligible(carrier.name, result.reasons)
    return result


def sender_from_profile(merchant: Any, given: dict[str, str]) -> dict[str, str]:
    profile = {
        "company": merchant.name or "",
        "name": merchant.contact_name or merchant.legal_person or "",
        "phone": merchant.contact_phone or merchant.legal_person_phone or "",
        "address": merchant.address or "",
    }
    return {key: (str(given.get(key) or "").strip() or value) for key, value in profile.items()}


def _apply_quote(shipment: Shipment, carrier: Carrier, result: q.Quote) -> None:
    shipment.carrier = carrier
    shipment.quote = result.snapshot()
    shipment.amount = result.total
    shipment.promised_days = result.transit_max
    shipment.packing_hint = carrier.fragile_packing_hint if shipment.fragile else ""


@transaction.atomic
def shipment_create(*, actor: Actor, data: ShipmentInput) -> Shipment:
    merchant = _merchant_for(actor, SHIP)
    errors = check_address(data.country, data.recipient.get("address") or {})
    if errors:
        raise LogisticsError.invalid(errors)
    carrier = Carrier.objects.select_for_update().filter(pk=data.carrier_id).first()
    if carrier is None:
        raise LogisticsError.invalid({"carrier_id": "请选择物流渠道"})
    result = _bookable(carrier, data)
    shipment = Shipment(
        merchant=merchant,
        state=SHIPMENT.initial,
        number=f"tmp-{timezone.now().timestamp()}",
        country=data.country,
        sender=sender_from_profile(merchant, data.sender),
        recipient=data.recipient,
        parcels=[
            {
                "weight_kg": str(p.weight_kg),
                "length_cm": str(p.length_cm),
                "width_cm": str(p.width_cm),
                "height_cm": str(p.height_cm),
            }
            for p in data.parcels
        ],
        goods=data.goods,
        fragile=needs_of(data).fragile,
        battery=data.battery,
        liquid=data.liquid,
        remark=data.remark,
        created_by=actor.user,
    )
    _apply_quote(shipment, carrier, result)
    shipment.save()
    shipment.number = f"JL{timezone.localdate():%y%m%d}{shipment.pk:05d}"
    shipment.save(update_fields=["number"])
    workflow.start(actor=actor, obj=shipment)
    record(
        actor=actor,
        module="logistics",
        action="shipment_create",
        obj=shipment,
        before={},
        after=snapshot(shipment, SHIPMENT_AUDIT),
    )
    return shipment


def _locked(actor: Actor, shipment_id: int, code: str) -> Shipment:
    shipment = Shipment.objects.select_for_update().select_related("carrier", "merchant").filter(pk=shipment_id).first()
    if shipment is None or not can_read(actor, SHIPMENT, shipment.merchant_id):
        raise NotFound()
    if not merchant_in_scope(actor, code, shipment.merchant_id):
        raise PermissionDenied(details={"permission": code})
    return shipment


def parcels_of(shipment: Shipment) -> list[q.Parcel]:
    return [
        q.Parcel(Decimal(p["weight_kg"]), Decimal(p["length_cm"]), Decimal(p["width_cm"]), Decimal(p["height_cm"]))
        for p in shipment.parcels
    ]


def input_of(shipment: Shipment, carrier_id: int) -> ShipmentInput:
    return ShipmentInput(
        carrier_id=carrier_id,
        country=shipment.country,
        sender=shipment.sender,
        recipient=shipment.recipient,
        parcels=parcels_of(shipment),
        goods=shipment.goods,
        battery=shipment.battery,
        liquid=shipment.liquid,
    )


@transaction.atomic
def shipment_switch_carrier(*, actor: Actor, shipment_id: int, carrier_id: int) -> Shipment:
    """换渠道 before pickup: only 已下单 with no carrier tracking number yet; re-quoted at today's prices."""
    shipment = _locked(actor, shipment_id, SHIP)
    if shipment.state != "ordered" or shipment.tracking_no:
        raise LogisticsError.not_switchable(SHIPMENT.label_of(shipment.state))
    carrier = Carrier.objects.filter(pk=carrier_id).first()
    if carrier is None:
        raise NotFound()
    before = snapshot(shipment, SHIPMENT_AUDIT)
    _apply_quote(shipment, carrier, _bookable(carrier, input_of(shipment, carrier_id)))
    shipment.updated_at = timezone.now()
    shipment.save()
    record(
        actor=actor,
        module="logistics",
        action="shipment_switch",
        obj=shipment,
        before=before,
        after=snapshot(shipment, SHIPMENT_AUDIT),
    )
    return shipment


# --- back office -------------------------------------------------------------------------------------
AGREEMENT_AUDIT = ("original_name", "content_type", "size", "sha256")


def agreement_upload(*, actor: Actor, file: UploadedFile) -> AgreementFile:
    """A cooperation agreement uploaded by the back office: checked by content like the vault's files
    (PDF, JPG, PNG, XLSX; not empty; within the size limit), stored outside the web root, audited."""
    _carrier_write(actor)
    with kept_upload(file, "logistics/agreements") as (checked, stored_name):
        row = AgreementFile.objects.create(
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            storage_path=stored_name,
            uploaded_by=actor.user,
        )
        record(
            actor=actor,
            module="logistics",
            action="agreement_upload",
            obj=row,
            before={},
            after=snapshot(row, AGREEMENT_AUDIT),
        )
    return row


def agreement_open(*, actor: Actor, agreement_file_id: int) -> tuple[AgreementFile, File]:
    """A cooperation agreement opened for its download (404 when the row or its file is missing); every
    download is recorded in the operation log."""
    row = selectors.agreement_get(agreement_file_id)
    handle = open_stored(row)
    record_event(
        actor=actor,
        module="logistics",
        action="agreement_download",
        object_type="logistics.AgreementFile",
        object_id=str(row.pk),
        object_repr=row.original_name,
    )
    return row, handle


def shipments_export_record(*, actor: Actor, file_format: str) -> None:
    """The shipment export asked for, in the operation log."""
    record_event(
        actor=actor,
        module="logistics",
        action="shipments_export",
        object_type="logistics.Shipment",
        changes={"format": ["", file_format]},
    )


def _carrier_write(actor: Actor) -> None:
    if not merchant_in_scope(actor, TRACK, None):
        raise PermissionDenied(details={"permission": TRACK})


def check_zones(zones: list[dict[str, Any]]) -> None:
    """Refuse a price table whose zone has a reversed transit range, or a heavy threshold without its
    per-kg rate (or the rate without the threshold): the quote would have nothing to charge with."""
    for index, zone in enumerate(zones):
        if zone["transit_min"] > zone["transit_max"]:
            raise LogisticsError.transit_reversed(index, zone["name"])
        has_from, has_rate = zone.get("heavy_from") is not None, zone.get("heavy_per_kg") is not None
        if has_from != has_rate:
            missing = "heavy_per_kg" if has_from else "heavy_from"
            raise LogisticsError.heavy_rate_required(index, zone["name"], missing=missing)


def _check_agreements(ids: list[int]) -> None:
    missing = set(ids) - set(AgreementFile.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if missing:
        raise LogisticsError.invalid({"agreement_documents": "所选合作协议文件不存在，请重新选择"})


@transaction.atomic
def carrier_save(*, actor: Actor, carrier_id: int | None, values: dict[str, Any]) -> Carrier:
    _carrier_write(actor)
    check_zones(values.get("zones", []))
    _check_agreements(values.get("agreement_documents", []))
    if carrier_id is None:
        carrier = Carrier()
        before: dict[str, Any] = {}
    else:
        found = Carrier.objects.select_for_update().filter(pk=carrier_id).first()
        if found is None:
            raise NotFound()
        carrier = found
        before = snapshot(carrier, CARRIER_FIELDS)
    if values.get("status") == CarrierStatus.ACTIVE:
        values = {**values, "status_reason": ""}
    elif (
        values.get("status") in (CarrierStatus.PAUSED, CarrierStatus.TERMINATED)
        and not str(values.get("status_reason") or "").strip()
    ):
        raise LogisticsError.invalid({"status_reason": "暂停或终止渠道时请填写原因（商户下单时会看到）"})
    for key, value in values.items():
        setattr(carrier, key, value)
    carrier.updated_at = timezone.now()
    try:
        with transaction.atomic():
            carrier.save()
    except IntegrityError as exc:
        raise LogisticsError.carrier_code_taken(str(values.get("code"))) from exc
    record(
        actor=actor,
        module="logistics",
        action="carrier_create" if carrier_id is None else "carrier_update",
        obj=carrier,
        before=before,
        after=snapshot(carrier, CARRIER_FIELDS),
    )
    return carrier


@transaction.atomic
def shipments_mark(*, actor: Actor, shipment_ids: list[int], handled: bool) -> int:
    """批量标记 未处理 / 已处理; ids outside the actor's reach are refused (404), nothing half-written."""
    rows = list(Shipment.objects.select_for_update().filter(pk__in=shipment_ids))
    if len(rows) != len(set(shipment_ids)) or any(not can_read(actor, SHIPMENT, s.merchant_id) for s in rows):
        raise NotFound()
    for shipment in rows:
        if not merchant_in_scope(actor, TRACK, shipment.merchant_id):
            raise PermissionDenied(details={"permission": TRACK})
    changed = 0
    for shipment in rows:
        if shipment.handled == handled:
            continue
        before = snapshot(shipment, ("handled",))
        shipment.handled = handled
        shipment.handled_at = timezone.now() if handled else None
        shipment.save(update_fields=["handled", "handled_at"])
        record(
            actor=actor,
            module="logistics",
            action="shipment_mark",
            obj=shipment,
            before=before,
            after=snapshot(shipment, ("handled",)),
        )
        changed += 1
    return changed


def _check_tracking_no(tracking_no: str, shipment: Shipment) -> str:
    value = tracking_no.strip().upper()
    if not TRACKING_NO.match(value):
        raise LogisticsError.invalid({"tracking_no": "运单号为 6–40 位字母、数字或短横线"})
    other = Shipment.objects.filter(carrier_id=shipment.carrier_id, tracking_no=value).exclude(pk=shipment.pk).first()
    if other is not None:
        raise LogisticsError.tracking_no_taken(value, other.number)
    return value


def _set_tracking_no(actor: Actor, shipment: Shipment, tracking_no: str) -> None:
    from jmt.logistics.tasks import logistics_tracking_register

    if shipment.state not in OPEN_STATES:
        raise LogisticsError.not_switchable(SHIPMENT.label_of(shipment.state))
    value = _check_tracking_no(tracking_no, shipment)
    if value == shipment.tracking_no:
        return
    before = snapshot(shipment, ("tracking_no", "handled"))
    shipment.tracking_no = value
    shipment.tracking_registered = False
    shipment.tracking_registered_at = None
    shipment.handled = True
    shipment.handled_at = timezone.now()
    shipment.save(
        update_fields=["tracking_no", "tracking_registered", "tracking_registered_at", "handled", "handled_at"]
    )
    record(
        actor=actor,
        module="logistics",
        action="tracking_no_set",
        obj=shipment,
        before=before,
        after=snapshot(shipment, ("tracking_no", "handled")),
    )
    transaction.on_commit(lambda: logistics_tracking_register.enqueue(shipment.pk))


@transaction.atomic
def tracking_no_set(*, actor: Actor, shipment_id: int, tracking_no: str) -> Shipment:
    shipment = _locked(actor, shipment_id, TRACK)
    _set_tracking_no(actor, shipment, tracking_no)
    return shipment


@dataclass(frozen=True)
class SheetRow:
    row: int
    number: str
    tracking_no: str


def sheet_check(rows: Iterable[SheetRow], *, actor: Actor) -> list[dict[str, Any]]:
    """Each row of an uploaded tracking-number sheet with its verdict (``ok`` or why not)."""
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    rows = list(rows)
    by_number = {
        s.number: s
        for s in Shipment.objects.filter(number__in=[r.number for r in rows]).select_related("merchant", "carrier")
    }
    for r in rows:
        shipment = by_number.get(r.number)
        verdict = {
            "row": r.row,
            "number": r.number,
            "tracking_no": r.tracking_no,
            "ok": False,
            "message": "",
            "shipment_id": None,
        }
        verdict["merchant_name"] = ""
        if shipment is None or not can_read(actor, SHIPMENT, shipment.merchant_id):
            verdict["message"] = "找不到该运单编号"
        elif r.number in seen:
            verdict["message"] = f"与第 {seen[r.number]} 行重复"
        elif shipment.state not in OPEN_STATES:
            verdict["message"] = f"运单已{SHIPMENT.label_of(shipment.state)}，不能录入"
        else:
            verdict["shipment_id"] = shipment.pk
            verdict["merchant_name"] = shipment.merchant.name
            try:
                _check_tracking_no(r.tracking_no, shipment)
            except Exception as exc:  # an ApiError with its Chinese message
                verdict["message"] = getattr(exc, "message", "运单号不正确")
                if getattr(exc, "details", {}).get("fields"):
                    verdict["message"] = next(iter(exc.details["fields"].values()))  # type: ignore[attr-defined]
            else:
                verdict["ok"] = True
        seen.setdefault(r.number, r.row)
        out.append(verdict)
    return out


@transaction.atomic
def sheet_apply(*, actor: Actor, rows: list[SheetRow]) -> int:
    """Write every row of the sheet, or none: a single unmatched or invalid row refuses the whole sheet."""
    if not merchant_in_scope(actor, TRACK, None):
        raise PermissionDenied(details={"permission": TRACK})
    if not rows:
        raise LogisticsError.sheet_invalid("表格中没有可录入的行")
    verdicts = sheet_check(rows, actor=actor)
    bad = [v for v in verdicts if not v["ok"]]
    if bad:
        raise LogisticsError.sheet_invalid(f"有 {len(bad)} 行不能匹配或有误，请修改表格后重新上传", bad)
    for verdict in verdicts:
        shipment = Shipment.objects.select_for_update().get(pk=verdict["shipment_id"])
        _set_tracking_no(actor, shipment, verdict["tracking_no"])
    record_event(
        actor=actor,
        module="logistics",
        action="tracking_sheet_apply",
        object_type="logistics.Shipment",
        changes={"rows": [0, len(verdicts)]},
    )
    return len(verdicts)


# --- tracking ----------------------------------------------------------------------------------------
def tracked(shipment: Shipment) -> TrackedNumber:
    return TrackedNumber(
        number=shipment.tracking_no,
        carrier=shipment.carrier.code,
        registered_at=shipment.tracking_registered_at or timezone.now(),
        country=shipment.country,
    )


def tracking_register(*, provider: TrackingProvider, shipment_ids: list[int]) -> dict[str, str]:
    """Register the shipments' numbers with the provider; returns the refusals (number → reason)."""
    shipments = list(
        Shipment.objects.select_related("carrier")
        .filter(pk__in=shipment_ids, tracking_registered=False)
        .exclude(tracking_no="")
    )
    if not shipments:
        return {}
    result = provider.register([tracked(s) for s in shipments])
    now = timezone.now()
    accepted = set(result.accepted)
    Shipment.objects.filter(pk__in=[s.pk for s in shipments if s.tracking_no in accepted]).update(
        tracking_registered=True, tracking_registered_at=now
    )
    return result.rejected


@transaction.atomic
def tracking_ingest(*, shipment_id: int, events: Iterable[TrackEvent], source: str) -> int:
    """Store the events not seen before (duplicates ignored) and move the shipment to where its latest
    event says, when the graph allows that move (a late, older event never moves it back).
    Returns how many events were new."""
    shipment = Shipment.objects.select_for_update().filter(pk=shipment_id).first()
    if shipment is None:
        return 0
    known = set(TrackingEvent.objects.filter(shipment=shipment).values_list("key", flat=True))
    fresh = {}
    for e in events:
        if e.key not in known and e.key not in fresh:
            fresh[e.key] = TrackingEvent(
                shipment=shipment,
                key=e.key,
                status=e.status.value,
                occurred_at=e.occurred_at,
                description=e.description[:300],
                location=e.location[:120],
                source=source,
            )
    if not fresh:
        return 0
    TrackingEvent.objects.bulk_create(fresh.values(), ignore_conflicts=True)
    latest = TrackingEvent.objects.filter(shipment=shipment).order_by("-occurred_at", "-id").first()
    if latest is None:  # pragma: no cover - rows were just written
        return 0
    updates: dict[str, Any] = {"last_event_at": latest.occurred_at, "updated_at": timezone.now()}
    picked = TrackingEvent.objects.filter(shipment=shipment, status=Status.PICKED_UP).order_by("occurred_at").first()
    if picked is not None and shipment.picked_up_at is None:
        updates["picked_up_at"] = picked.occurred_at
    target = STATE_OF.get(Status(latest.status))
    if target is not None and SHIPMENT.move(shipment.state, target) is not None:
        comment = latest.description if target == "exception" else ""
        if target == "exception":
            updates["exception_reason"] = latest.description
        if target == "delivered":
            updates["delivered_at"] = latest.occurred_at
        if shipment.picked_up_at is None and "picked_up_at" not in updates:
            updates["picked_up_at"] = latest.occurred_at
        Shipment.objects.filter(pk=shipment.pk).update(**updates)
        workflow.transition(actor=tracking_actor(), obj=shipment, to=target, comment=comment)
    else:
        Shipment.objects.filter(pk=shipment.pk).update(**updates)
    return len(fresh)


def tracking_apply(*, updates: list[TrackUpdate], source: str) -> int:
    """Updates from a push or a poll: each number's open shipments get its events."""
    new = 0
    for update in updates:
        if not update.number:
            continue
        for shipment_id in Shipment.objects.filter(
            tracking_no=update.number.upper(), state__in=OPEN_STATES
        ).values_list("pk", flat=True):
            new += tracking_ingest(shipment_id=shipment_id, events=update.events, source=source)
    return new


def tracking_poll(*, provider: TrackingProvider, stale_before: Any | None = None, batch: int = 40) -> int:
    """Poll the open, registered shipments (those no push has updated since ``stale_before``)."""
    rows = Shipment.objects.select_related("carrier").filter(state__in=OPEN_STATES, tracking_registered=True)
    if stale_before is not None:
        rows = rows.exclude(last_polled_at__gt=stale_before).exclude(last_event_at__gt=stale_before)
    shipments = list(rows.order_by("last_polled_at", "pk")[:500])
    new = 0
    for start in range(0, len(shipments), batch):
        chunk = shipments[start : start + batch]
        updates = provider.poll([tracked(s) for s in chunk])
        Shipment.objects.filter(pk__in=[s.pk for s in chunk]).update(last_polled_at=timezone.now())
        new += tracking_apply(updates=updates, source=provider.source)
    return new
