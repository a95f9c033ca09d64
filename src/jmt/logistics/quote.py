"""The price of a parcel with a carrier: pure Decimal arithmetic, no database.

For each parcel: volumetric weight = L × W × H (cm) ÷ the carrier's divisor; chargeable weight =
max(actual, volumetric) rounded up to the carrier's weight step. The shipment is charged on the sum:
the zone's first-weight price, plus the additional price for every further step (or, from the zone's
heavy threshold, the heavy per-kg rate on the whole weight rounded up to a kilogram); the fuel
surcharge is a percentage of that freight; a remote-area fee is added when the postcode is remote.
Money is rounded half-up to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from jmt.logistics.countries import country_name
from jmt.logistics.models import Carrier, CarrierStatus

FEN = Decimal("0.01")
GRAM = Decimal("0.001")


@dataclass(frozen=True)
class Parcel:
    weight_kg: Decimal
    length_cm: Decimal
    width_cm: Decimal
    height_cm: Decimal


@dataclass(frozen=True)
class Needs:
    """What the goods need of a carrier."""

    battery: bool = False
    liquid: bool = False
    fragile: bool = False


@dataclass
class Quote:
    carrier: Carrier
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    zone: dict[str, Any] | None = None
    actual_weight: Decimal = Decimal(0)
    volumetric_weight: Decimal = Decimal(0)
    chargeable_weight: Decimal = Decimal(0)
    first_price: Decimal = Decimal(0)
    additional_steps: int = 0
    additional_price: Decimal = Decimal(0)
    heavy: bool = False
    freight: Decimal = Decimal(0)
    fuel_surcharge: Decimal = Decimal(0)
    remote_fee: Decimal = Decimal(0)
    total: Decimal = Decimal(0)
    transit_min: int = 0
    transit_max: int = 0
    tags: list[str] = field(default_factory=list)

    def snapshot(self) -> dict[str, Any]:
        """What a shipment keeps of the quote it was booked at."""
        return {
            "carrier": self.carrier.code,
            "zone": (self.zone or {}).get("name", ""),
            "actual_weight": str(self.actual_weight),
            "volumetric_weight": str(self.volumetric_weight),
            "chargeable_weight": str(self.chargeable_weight),
            "first_price": str(self.first_price),
            "additional_steps": self.additional_steps,
            "additional_price": str(self.additional_price),
            "heavy": self.heavy,
            "freight": str(self.freight),
            "fuel_surcharge": str(self.fuel_surcharge),
            "fuel_surcharge_pct": str(self.carrier.fuel_surcharge_pct),
            "remote_fee": str(self.remote_fee),
            "total": str(self.total),
            "transit_min": self.transit_min,
            "transit_max": self.transit_max,
        }


def money(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def round_up(value: Decimal, step: Decimal) -> Decimal:
    if step <= 0:
        return value
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def volumetric(parcel: Parcel, divisor: int) -> Decimal:
    return (parcel.length_cm * parcel.width_cm * parcel.height_cm / Decimal(divisor)).quantize(
        GRAM, rounding=ROUND_HALF_UP
    )


def chargeable(parcel: Parcel, carrier: Carrier) -> Decimal:
    return round_up(max(parcel.weight_kg, volumetric(parcel, carrier.volumetric_divisor)), carrier.weight_step)


def zone_for(carrier: Carrier, country: str) -> dict[str, Any] | None:
    return next((z for z in carrier.zones if country in z.get("countries", [])), None)


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}"


def limits(carrier: Carrier, parcels: list[Parcel], needs: Needs) -> list[str]:
    """Why the carrier cannot take these parcels (empty: it can)."""
    reasons: list[str] = []
    for index, p in enumerate(parcels, start=1):
        label = f"第 {index} 件" if len(parcels) > 1 else "包裹"
        sides = sorted((p.length_cm, p.width_cm, p.height_cm), reverse=True)
        total = sides[0] + sides[1] + sides[2]
        if p.weight_kg > carrier.max_weight_kg:
            reasons.append(f"{label}重 {_fmt(p.weight_kg)} kg，超过单件上限 {_fmt(carrier.max_weight_kg)} kg")
        if sides[0] > carrier.max_side_cm:
            reasons.append(f"{label}最长边 {_fmt(sides[0])} cm，超过上限 {_fmt(carrier.max_side_cm)} cm")
        if carrier.max_sum_cm is not None and total > carrier.max_sum_cm:
            reasons.append(f"{label}长宽高之和 {_fmt(total)} cm，超过上限 {_fmt(carrier.max_sum_cm)} cm")
        girth = sides[0] + 2 * (sides[1] + sides[2])
        if carrier.max_girth_cm is not None and girth > carrier.max_girth_cm:
            reasons.append(f"{label}长+周长 {_fmt(girth)} cm，超过上限 {_fmt(carrier.max_girth_cm)} cm")
    if needs.battery and not carrier.allows_battery:
        reasons.append("该渠道不接收带电池的货物")
    if needs.liquid and not carrier.allows_liquid:
        reasons.append("该渠道不接收液体")
    if needs.fragile and not carrier.allows_fragile:
        reasons.append("该渠道不接收易碎品（水晶制品）")
    return reasons


def is_remote(carrier: Carrier, country: str, postcode: str) -> bool:
    prefixes = (carrier.remote_postcodes or {}).get(country) or []
    code = postcode.replace(" ", "").upper()
    return bool(code) and any(code.startswith(str(p).upper()) for p in prefixes)


def quote(carrier: Carrier, *, country: str, parcels: list[Parcel], needs: Needs, postcode: str = "") -> Quote:
    result = Quote(carrier=carrier, eligible=True)
    if carrier.status != CarrierStatus.ACTIVE:
        reason = f"：{carrier.status_reason}" if carrier.status_reason else ""
        result.reasons.append(f"渠道已{carrier.get_status_display()}收件{reason}")
    zone = zone_for(carrier, country)
    if zone is None:
        result.reasons.append(f"该渠道不寄送至{country_name(country)}")
    result.reasons += limits(carrier, parcels, needs)
    result.actual_weight = sum((p.weight_kg for p in parcels), Decimal(0))
    result.volumetric_weight = sum((volumetric(p, carrier.volumetric_divisor) for p in parcels), Decimal(0))
    result.chargeable_weight = sum((chargeable(p, carrier) for p in parcels), Decimal(0))
    if zone is None:
        result.eligible = False
        return result
    result.zone = zone
    result.transit_min, result.transit_max = int(zone["transit_min"]), int(zone["transit_max"])
    weight = result.chargeable_weight
    first_weight = Decimal(str(zone["first_weight"]))
    heavy_from = zone.get("heavy_from")
    if heavy_from and weight >= Decimal(str(heavy_from)):
        result.heavy = True
        result.freight = money(round_up(weight, Decimal(1)) * Decimal(str(zone["heavy_per_kg"])))
    else:
        result.first_price = Decimal(str(zone["first_price"]))
        extra = max(weight - first_weight, Decimal(0))
        result.additional_steps = int(round_up(extra, carrier.weight_step) / carrier.weight_step) if extra else 0
        result.additional_price = money(Decimal(str(zone["additional_price"])) * result.additional_steps)
        result.freight = money(result.first_price + result.additional_price)
    result.fuel_surcharge = money(result.freight * carrier.fuel_surcharge_pct / Decimal(100))
    if is_remote(carrier, country, postcode):
        result.remote_fee = money(carrier.remote_area_fee)
    result.total = result.freight + result.fuel_surcharge + result.remote_fee
    result.eligible = not result.reasons
    return result


def tag(quotes: list[Quote], on_time: dict[int, float | None]) -> None:
    """最便宜 / 最快 / 最稳 among the eligible quotes (最稳: highest measured on-time rate)."""
    eligible = [q for q in quotes if q.eligible]
    if not eligible:
        return
    cheapest = min(q.total for q in eligible)
    fastest = min((q.transit_max, q.transit_min) for q in eligible)
    rates = [on_time.get(q.carrier.pk) for q in eligible]
    steadiest = max((r for r in rates if r is not None), default=None)
    for q in eligible:
        if q.total == cheapest:
            q.tags.append("最便宜")
        if (q.transit_max, q.transit_min) == fastest:
            q.tags.append("最快")
        if steadiest is not None and on_time.get(q.carrier.pk) == steadiest:
            q.tags.append("最稳")
