"""Reads of 跨境物流: carriers and the side-by-side comparison, shipments with their timeline, the back
office's order list and export rows. Every read is scoped by the actor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.logistics import quote as q
from jmt.logistics.countries import COUNTRIES, country_name
from jmt.logistics.flow import SHIPMENT
from jmt.logistics.models import AgreementFile, Carrier, CarrierStatus, Favourite, Shipment, TrackingEvent
from jmt.workflow import selectors as workflow
from jmt.workflow.scope import read_filter

STATUS_LABELS = {
    "info_received": "已下单",
    "picked_up": "已揽收",
    "in_transit": "运输中",
    "customs": "清关中",
    "out_for_delivery": "派送中",
    "delivered": "已签收",
    "exception": "异常",
}


def cny(amount: Decimal | str) -> dict[str, str]:
    return {"amount": str(Decimal(str(amount)).quantize(q.FEN)), "currency": "CNY"}


def kg(value: Decimal | str) -> str:
    """A weight as people write it: 2, 1.5, 7.25 (no trailing zeros)."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text


def countries_out() -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "name": c.name,
            "fields": [
                {"key": f.key, "label": f.label, "required": f.required, "pattern": f.pattern, "hint": f.hint}
                for f in c.fields
            ],
        }
        for c in COUNTRIES
    ]


def on_time_rates() -> dict[int, float | None]:
    """Per carrier: the share of delivered shipments that arrived within the promised days (None: none yet)."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    rows = Shipment.objects.filter(state="delivered", delivered_at__isnull=False).values_list(
        "carrier_id", "delivered_at", "picked_up_at", "created_at", "promised_days"
    )
    for carrier_id, delivered, picked, created, promised in rows:
        if delivered is None:
            continue
        start = picked or created
        totals[carrier_id][0] += 1
        if (delivered - start).total_seconds() <= max(promised, 1) * 86400:
            totals[carrier_id][1] += 1
    return {cid: round(ok / n, 4) for cid, (n, ok) in totals.items() if n}


def carrier_out(
    carrier: Carrier, *, rates: dict[int, float | None] | None = None, favourite: bool = False
) -> dict[str, Any]:
    countries = sorted({c for z in carrier.zones for c in z.get("countries", [])})
    transit = [(int(z["transit_min"]), int(z["transit_max"])) for z in carrier.zones] or [(0, 0)]
    return {
        "id": carrier.pk,
        "code": carrier.code,
        "name": carrier.name,
        "kind": carrier.kind,
        "kind_label": carrier.get_kind_display(),
        "status": carrier.status,
        "status_label": carrier.get_status_display(),
        "status_reason": carrier.status_reason,
        "qualification_status": carrier.qualification_status,
        "qualification_label": carrier.get_qualification_status_display(),
        "description": carrier.description,
        "timeliness_standard": carrier.timeliness_standard,
        "exception_handling": carrier.exception_handling,
        "countries": [{"code": c, "name": country_name(c)} for c in countries],
        "transit_min": min(t[0] for t in transit),
        "transit_max": max(t[1] for t in transit),
        "volumetric_divisor": carrier.volumetric_divisor,
        "weight_step": kg(carrier.weight_step),
        "fuel_surcharge_pct": str(carrier.fuel_surcharge_pct),
        "remote_area_fee": cny(carrier.remote_area_fee),
        "max_weight_kg": kg(carrier.max_weight_kg),
        "max_side_cm": kg(carrier.max_side_cm),
        "max_girth_cm": kg(carrier.max_girth_cm) if carrier.max_girth_cm is not None else None,
        "max_sum_cm": kg(carrier.max_sum_cm) if carrier.max_sum_cm is not None else None,
        "allows_battery": carrier.allows_battery,
        "allows_liquid": carrier.allows_liquid,
        "allows_fragile": carrier.allows_fragile,
        "fragile_packing_hint": carrier.fragile_packing_hint,
        "on_time_rate": (rates or {}).get(carrier.pk),
        "favourite": favourite,
    }


def carriers_admin_out(carriers: list[Carrier]) -> list[dict[str, Any]]:
    """物流渠道维护's rows: the on-time rates, agreement files and open shipment counts of all the carriers
    read at once (one query each, however many carriers)."""
    rates = on_time_rates()
    files = list(
        AgreementFile.objects.filter(pk__in={pk for c in carriers for pk in c.agreement_documents}).select_related(
            "uploaded_by"
        )
    )
    open_counts = dict(
        Shipment.objects.filter(carrier__in=carriers)
        .exclude(state__in=("delivered",))
        .values_list("carrier_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        {
            **carrier_out(carrier, rates=rates),
            "zones": carrier.zones,
            "remote_postcodes": carrier.remote_postcodes,
            "agreement_documents": carrier.agreement_documents,
            "agreement_files": [agreement_out(f) for f in files if f.pk in carrier.agreement_documents],
            "sort_order": carrier.sort_order,
            "open_shipments": open_counts.get(carrier.pk, 0),
            "updated_at": carrier.updated_at,
        }
        for carrier in carriers
    ]


def carrier_admin_out(carrier: Carrier) -> dict[str, Any]:
    return carriers_admin_out([carrier])[0]


def carriers_admin() -> list[dict[str, Any]]:
    """Every carrier, terminated ones too."""
    return carriers_admin_out(list(Carrier.objects.all()))


def agreement_out(row: AgreementFile) -> dict[str, Any]:
    user = row.uploaded_by
    return {
        "id": row.pk,
        "original_name": row.original_name,
        "content_type": row.content_type,
        "size": row.size,
        "uploaded_by": user.display_name if user is not None else "",
        "created_at": row.created_at,
        "download_url": f"/api/v1/admin/logistics/agreement-files/{row.pk}/download",
    }


def agreement_files(q_: str = "") -> QuerySet[AgreementFile]:
    rows = AgreementFile.objects.select_related("uploaded_by")
    return rows.filter(original_name__icontains=q_.strip()) if q_.strip() else rows


def agreement_get(agreement_file_id: int) -> AgreementFile:
    row = AgreementFile.objects.select_related("uploaded_by").filter(pk=agreement_file_id).first()
    if row is None:
        raise NotFound()
    return row


def favourite_ids(actor: Actor) -> set[int]:
    if actor.merchant is None:
        return set()
    return set(Favourite.objects.filter(merchant_id=actor.merchant.pk).values_list("carrier_id", flat=True))


def carriers(*, actor: Actor) -> list[dict[str, Any]]:
    favs, rates = favourite_ids(actor), on_time_rates()
    rows = Carrier.objects.exclude(status=CarrierStatus.TERMINATED)
    return [carrier_out(c, rates=rates, favourite=c.pk in favs) for c in rows]


def quote_out(result: q.Quote, *, rates: dict[int, float | None], favourite: bool) -> dict[str, Any]:
    return {
        "carrier": carrier_out(result.carrier, rates=rates, favourite=favourite),
        "eligible": result.eligible,
        "reasons": result.reasons,
        "zone": (result.zone or {}).get("name", ""),
        "actual_weight": kg(result.actual_weight),
        "volumetric_weight": kg(result.volumetric_weight),
        "chargeable_weight": kg(result.chargeable_weight),
        "first_weight": str((result.zone or {}).get("first_weight", "")),
        "first_price": cny(result.first_price),
        "additional_steps": result.additional_steps,
        "additional_price": cny(result.additional_price),
        "heavy": result.heavy,
        "freight": cny(result.freight),
        "fuel_surcharge": cny(result.fuel_surcharge),
        "remote_fee": cny(result.remote_fee),
        "total": cny(result.total),
        "transit_min": result.transit_min,
        "transit_max": result.transit_max,
        "tags": result.tags,
    }


def compare(
    *,
    actor: Actor,
    country: str,
    parcels: list[q.Parcel],
    needs: q.Needs,
    postcode: str = "",
    carrier_ids: list[int] | None = None,
) -> list[dict[str, Any]]:
    """Every carrier (or the 2–4 picked) priced side by side: eligible ones first, cheapest first, favourites
    ahead of equals; ruled-out ones after, each with why. Terminated carriers are not offered."""
    rows = Carrier.objects.exclude(status=CarrierStatus.TERMINATED)
    if carrier_ids:
        rows = rows.filter(pk__in=carrier_ids)
    quotes = [q.quote(c, country=country, parcels=parcels, needs=needs, postcode=postcode) for c in rows]
    rates, favs = on_time_rates(), favourite_ids(actor)
    q.tag(quotes, rates)
    quotes.sort(
        key=lambda r: (not r.eligible, r.total if r.eligible else 0, r.carrier.pk not in favs, r.carrier.sort_order)
    )
    return [quote_out(r, rates=rates, favourite=r.carrier.pk in favs) for r in quotes]


# --- shipments ---------------------------------------------------------------------------------------
def shipments(*, actor: Actor) -> QuerySet[Shipment]:
    return Shipment.objects.filter(read_filter(actor, SHIPMENT)).select_related("carrier", "merchant")


def shipment_get(*, actor: Actor, shipment_id: int) -> Shipment:
    shipment = shipments(actor=actor).filter(pk=shipment_id).first()
    if shipment is None:
        raise NotFound()
    return shipment


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered(
    rows: QuerySet[Shipment],
    *,
    q_: str = "",
    state: str = "",
    carrier_id: int | None = None,
    handled: bool | None = None,
    country: str = "",
    created_from: date | None = None,
    created_to: date | None = None,
) -> QuerySet[Shipment]:
    if q_:
        text = q_.strip()
        rows = rows.filter(
            Q(number__icontains=text)
            | Q(tracking_no__icontains=text)
            | Q(recipient__name__icontains=text)
            | Q(merchant__name__icontains=text)
        )
    if state == "open":
        rows = rows.exclude(state__in=("delivered",))
    elif state:
        rows = rows.filter(state=state)
    if carrier_id:
        rows = rows.filter(carrier_id=carrier_id)
    if handled is not None:
        rows = rows.filter(handled=handled)
    if country:
        rows = rows.filter(country=country)
    if created_from:
        rows = rows.filter(created_at__gte=_day_start(created_from))
    if created_to:
        rows = rows.filter(created_at__lt=_day_start(created_to) + timedelta(days=1))
    return rows.order_by("-created_at", "-id")


def shipment_row(shipment: Shipment) -> dict[str, Any]:
    recipient = shipment.recipient or {}
    return {
        "id": shipment.pk,
        "number": shipment.number,
        "merchant_id": shipment.merchant_id,
        "merchant_name": shipment.merchant.name,
        "carrier_id": shipment.carrier_id,
        "carrier_name": shipment.carrier.name,
        "carrier_status": shipment.carrier.status,
        "country": shipment.country,
        "country_name": country_name(shipment.country),
        "recipient_name": str(recipient.get("name") or ""),
        "state": shipment.state,
        "state_label": SHIPMENT.label_of(shipment.state),
        "tracking_no": shipment.tracking_no,
        "amount": cny(shipment.amount),
        "chargeable_weight": kg(str(shipment.quote.get("chargeable_weight") or 0)),
        "fragile": shipment.fragile,
        "handled": shipment.handled,
        "exception_reason": shipment.exception_reason,
        "last_event_at": shipment.last_event_at,
        "created_at": shipment.created_at,
    }


def events_out(shipment: Shipment) -> list[dict[str, Any]]:
    return [
        {
            "id": e.pk,
            "status": e.status,
            "status_label": STATUS_LABELS.get(e.status, e.status),
            "occurred_at": e.occurred_at,
            "description": e.description,
            "location": e.location,
        }
        for e in TrackingEvent.objects.filter(shipment=shipment).order_by("-occurred_at", "-id")
    ]


def shipment_out(shipment: Shipment, *, actor: Actor) -> dict[str, Any]:
    return {
        **shipment_row(shipment),
        "sender": shipment.sender,
        "recipient": shipment.recipient,
        "parcels": shipment.parcels,
        "goods": shipment.goods,
        "battery": shipment.battery,
        "liquid": shipment.liquid,
        "packing_hint": shipment.packing_hint,
        "quote": shipment.quote,
        "promised_days": shipment.promised_days,
        "remark": shipment.remark,
        "switchable": shipment.state == "ordered" and not shipment.tracking_no,
        "carrier": carrier_out(shipment.carrier),
        "events": events_out(shipment),
        "progress": workflow.progress(actor=actor, type_=SHIPMENT.type, obj_id=shipment.pk),
    }


def state_counts(rows: QuerySet[Shipment]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for state in rows.values_list("state", flat=True):
        counts[state] += 1
    return [
        {"state": s.key, "label": s.label, "count": counts.get(s.key, 0)}
        for s in sorted(SHIPMENT.states, key=lambda s: s.order)
    ]


EXPORT_HEADER = (
    "运单编号",
    "商户",
    "物流渠道",
    "目的国家",
    "收件人",
    "状态",
    "承运商运单号",
    "计费重量（kg）",
    "运费（元）",
    "含易碎品",
    "后台处理",
    "下单时间",
)


def export_rows(rows: QuerySet[Shipment], chunk: int = 500) -> Iterator[list[str]]:
    for s in rows.iterator(chunk_size=chunk):
        r = shipment_row(s)
        yield [
            r["number"],
            r["merchant_name"],
            r["carrier_name"],
            r["country_name"],
            r["recipient_name"],
            r["state_label"],
            r["tracking_no"],
            r["chargeable_weight"],
            r["amount"]["amount"],
            "是" if r["fragile"] else "否",
            "已处理" if r["handled"] else "未处理",
            timezone.localtime(s.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
