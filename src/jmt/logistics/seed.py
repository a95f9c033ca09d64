"""Demo data of 跨境物流: the nine carriers with their zones, price tables and limits (public list
prices of 2025–26, in CNY, rounded), and shipments of the approved demo merchant in several states.
Idempotent: carriers are created once (the back office may edit them afterwards); shipments only
when the merchant has none."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.integrations.tracking.port import TrackedNumber
from jmt.integrations.tracking.standin import StandInTracking
from jmt.logistics import quote as q
from jmt.logistics import services
from jmt.logistics.models import Carrier, Shipment
from jmt.merchants.models import Merchant

D = Decimal
FRAGILE_HINT = (
    "水晶制品须单件气泡膜包裹不少于 3 层，装入双瓦楞纸箱，四周以珍珠棉或泡沫填充至无晃动；"
    "箱外贴「易碎品 FRAGILE」标识，单箱不超过 20 kg。"
)
EXPRESS_EXCEPTION = (
    "派送失败、地址不详或清关扣件时，客服 2 小时内通知商户，协助补充资料或安排退回；丢件按申报价值赔付。"
)
LINE_EXCEPTION = "清关异常由专线代理协助补充资料；无法派送的包裹在目的国仓库保留 15 天，可改派或退回。"


def _zone(
    name: str, countries: list[str], fw: str, fp: str, ap: str, tmin: int, tmax: int, **heavy: str
) -> dict[str, Any]:
    zone: dict[str, Any] = {
        "name": name,
        "countries": countries,
        "first_weight": fw,
        "first_price": fp,
        "additional_price": ap,
        "transit_min": tmin,
        "transit_max": tmax,
    }
    zone.update(heavy)
    return zone


def _express(
    asia: tuple[str, str],
    na: tuple[str, str],
    eu: tuple[str, str],
    au: tuple[str, str],
    days: tuple[int, int],
    heavy: tuple[str, str, str, str],
) -> list[dict[str, Any]]:
    t0, t1 = days
    return [
        _zone("日韩", ["JP", "KR"], "0.5", *asia, t0, t1, heavy_from="21", heavy_per_kg=heavy[0]),
        _zone("北美", ["US", "CA"], "0.5", *na, t0 + 1, t1 + 1, heavy_from="21", heavy_per_kg=heavy[1]),
        _zone("欧洲", ["GB", "DE", "FR"], "0.5", *eu, t0 + 1, t1 + 1, heavy_from="21", heavy_per_kg=heavy[2]),
        _zone("澳洲", ["AU"], "0.5", *au, t0 + 1, t1 + 1, heavy_from="21", heavy_per_kg=heavy[3]),
    ]


CARRIERS: list[dict[str, Any]] = [
    {
        "code": "dhl",
        "name": "DHL",
        "kind": "express",
        "description": "DHL 国际快递（Express Worldwide），门到门服务，全程轨迹，适合高价值水晶饰品。",
        "timeliness_standard": "日韩 2–4 个工作日，欧美澳 3–5 个工作日（自揽收起算）。",
        "zones": _express(
            ("186.00", "42.00"),
            ("236.00", "58.00"),
            ("256.00", "62.00"),
            ("226.00", "55.00"),
            (2, 4),
            ("58.00", "82.00", "88.00", "76.00"),
        ),
        "volumetric_divisor": 5000,
        "weight_step": D("0.5"),
        "fuel_surcharge_pct": D("26.50"),
        "remote_area_fee": D("216.00"),
        "remote_postcodes": {"AU": ["08", "68"], "US": ["995", "996", "967"], "GB": ["HS", "ZE", "KW"]},
        "max_weight_kg": D("70"),
        "max_side_cm": D("120"),
        "allows_battery": False,
        "allows_liquid": False,
    },
    {
        "code": "ups",
        "name": "UPS",
        "kind": "express",
        "description": "UPS 全球速快（Worldwide Saver），北美线路时效稳定。",
        "timeliness_standard": "日韩 2–4 个工作日，欧美澳 3–5 个工作日。",
        "zones": _express(
            ("178.00", "40.00"),
            ("222.00", "54.00"),
            ("248.00", "60.00"),
            ("218.00", "52.00"),
            (2, 4),
            ("55.00", "76.00", "84.00", "72.00"),
        ),
        "volumetric_divisor": 5000,
        "weight_step": D("0.5"),
        "fuel_surcharge_pct": D("24.00"),
        "remote_area_fee": D("216.00"),
        "remote_postcodes": {"US": ["995", "996", "967"], "AU": ["08"]},
        "max_weight_kg": D("70"),
        "max_side_cm": D("274"),
        "max_girth_cm": D("400"),
        "allows_battery": False,
        "allows_liquid": False,
    },
    {
        "code": "jp-line",
        "name": "日本专线",
        "kind": "line",
        "description": "东海直发日本专线：国内集货、包机出运、日本邮政/佐川派送，双清包税。",
        "timeliness_standard": "4–7 个自然日妥投（自入仓起算）。",
        "zones": [_zone("日本", ["JP"], "0.5", "58.00", "12.00", 4, 7)],
        "volumetric_divisor": 6000,
        "weight_step": D("0.5"),
        "max_weight_kg": D("30"),
        "max_side_cm": D("100"),
        "max_sum_cm": D("180"),
    },
    {
        "code": "au-line",
        "name": "澳洲专线",
        "kind": "line",
        "description": "澳洲空派专线，澳邮（Australia Post）尾程派送，包税。",
        "timeliness_standard": "7–12 个自然日妥投。",
        "zones": [_zone("澳大利亚", ["AU"], "0.5", "78.00", "20.00", 7, 12)],
        "volumetric_divisor": 6000,
        "weight_step": D("0.5"),
        "remote_area_fee": D("45.00"),
        "remote_postcodes": {"AU": ["08", "67", "68"]},
        "max_weight_kg": D("30"),
        "max_side_cm": D("105"),
    },
    {
        "code": "fedex",
        "name": "联邦 (FedEx)",
        "kind": "express",
        "description": "FedEx 国际优先（International Priority），美线优势明显。",
        "timeliness_standard": "日韩 2–4 个工作日，欧美澳 3–5 个工作日。",
        "zones": _express(
            ("182.00", "41.00"),
            ("216.00", "52.00"),
            ("252.00", "61.00"),
            ("222.00", "54.00"),
            (2, 4),
            ("56.00", "74.00", "86.00", "74.00"),
        ),
        "volumetric_divisor": 5000,
        "weight_step": D("0.5"),
        "fuel_surcharge_pct": D("25.50"),
        "remote_area_fee": D("216.00"),
        "remote_postcodes": {"US": ["995", "996", "967"]},
        "max_weight_kg": D("68"),
        "max_side_cm": D("274"),
        "max_girth_cm": D("330"),
        "allows_battery": False,
        "allows_liquid": False,
    },
    {
        "code": "gb-ddp",
        "name": "英国包税-专线",
        "kind": "line",
        "description": "英国空运专线，关税与增值税已含（DDP），收件人无需另付税费。",
        "timeliness_standard": "6–10 个自然日妥投。",
        "zones": [_zone("英国", ["GB"], "0.5", "68.00", "22.00", 6, 10)],
        "volumetric_divisor": 8000,
        "weight_step": D("0.5"),
        "max_weight_kg": D("30"),
        "max_side_cm": D("120"),
    },
    {
        "code": "sf-express",
        "name": "顺丰国际标快",
        "kind": "express",
        "description": "顺丰国际标准快递，亚洲线路时效快，全程顺丰自营网络。",
        "timeliness_standard": "日韩 2–4 个工作日，欧美澳 3–6 个工作日。",
        "zones": [
            _zone("日韩", ["JP", "KR"], "0.5", "128.00", "26.00", 2, 4, heavy_from="21", heavy_per_kg="38.00"),
            _zone("北美", ["US", "CA"], "0.5", "178.00", "42.00", 3, 6, heavy_from="21", heavy_per_kg="62.00"),
            _zone("欧洲", ["GB", "DE", "FR"], "0.5", "198.00", "46.00", 4, 6, heavy_from="21", heavy_per_kg="68.00"),
            _zone("澳洲", ["AU"], "0.5", "168.00", "38.00", 3, 5, heavy_from="21", heavy_per_kg="56.00"),
        ],
        "volumetric_divisor": 5000,
        "weight_step": D("0.5"),
        "fuel_surcharge_pct": D("16.00"),
        "max_weight_kg": D("68"),
        "max_side_cm": D("150"),
    },
    {
        "code": "sf-economy",
        "name": "顺丰国际特惠",
        "kind": "express",
        "description": "顺丰国际经济型快递，价格实惠，适合不急的补货件。",
        "timeliness_standard": "日韩 4–6 个工作日，欧美澳 5–9 个工作日。",
        "zones": [
            _zone("日韩", ["JP", "KR"], "0.5", "96.00", "18.00", 4, 6, heavy_from="21", heavy_per_kg="28.00"),
            _zone("北美", ["US", "CA"], "0.5", "132.00", "30.00", 5, 9, heavy_from="21", heavy_per_kg="46.00"),
            _zone("欧洲", ["GB", "DE", "FR"], "0.5", "148.00", "34.00", 6, 9, heavy_from="21", heavy_per_kg="50.00"),
            _zone("澳洲", ["AU"], "0.5", "126.00", "28.00", 5, 8, heavy_from="21", heavy_per_kg="42.00"),
        ],
        "volumetric_divisor": 6000,
        "weight_step": D("0.5"),
        "fuel_surcharge_pct": D("16.00"),
        "max_weight_kg": D("68"),
        "max_side_cm": D("150"),
    },
    {
        "code": "sf-parcel",
        "name": "顺丰小包",
        "kind": "parcel",
        "description": "顺丰国际小包，2 kg 以内轻小件，按 100 克计费，不承保易碎品。",
        "timeliness_standard": "10–20 个自然日妥投，部分国家无签收信息。",
        "zones": [
            _zone("日韩", ["JP", "KR"], "0.1", "26.00", "6.50", 8, 14),
            _zone("欧美澳", ["US", "CA", "GB", "DE", "FR", "AU"], "0.1", "32.00", "8.50", 10, 20),
        ],
        "volumetric_divisor": 6000,
        "weight_step": D("0.1"),
        "max_weight_kg": D("2"),
        "max_side_cm": D("60"),
        "max_sum_cm": D("90"),
        "allows_fragile": False,
    },
]


def seed_carriers() -> list[Carrier]:
    out = []
    for order, data in enumerate(CARRIERS, start=1):
        express = data["kind"] == "express"
        defaults = {
            "status": "active",
            "qualification_status": "approved",
            "exception_handling": EXPRESS_EXCEPTION if express else LINE_EXCEPTION,
            "fragile_packing_hint": FRAGILE_HINT,
            "sort_order": order * 10,
            **{k: v for k, v in data.items() if k != "code"},
        }
        carrier, _ = Carrier.objects.get_or_create(code=data["code"], defaults=defaults)
        out.append(carrier)
    return out


RECIPIENTS = [
    ("JP", "佐藤 美咲", {"postcode": "150-0001", "state": "東京都", "city": "渋谷区", "address_line1": "神宮前 1-2-3"}),
    (
        "US",
        "Emily Carter",
        {"state": "CA", "city": "Los Angeles", "postcode": "90012", "address_line1": "200 N Spring St"},
    ),
    ("AU", "Olivia Smith", {"state": "NSW", "city": "Sydney", "postcode": "2000", "address_line1": "1 Martin Pl"}),
    ("GB", "James Wilson", {"city": "London", "postcode": "SW1A 1AA", "address_line1": "10 Downing St"}),
    ("JP", "田中 健", {"postcode": "530-0001", "state": "大阪府", "city": "大阪市北区", "address_line1": "梅田 2-4-9"}),
    ("DE", "Lena Müller", {"city": "Berlin", "postcode": "10117", "address_line1": "Unter den Linden 5"}),
]
# (recipient index, carrier code, steps of the stand-in journey done, tracking number)
PLAN = [
    (0, "jp-line", 7, "JPL2611280001"),
    (1, "fedex", 6, "7946 1234 5001"),
    (2, "au-line", 4, "AUL2612010003"),
    (3, "gb-ddp", 5, "GBEX26120004"),  # EX: the stand-in's failed delivery
    (4, "sf-express", 2, "SF1429870005"),
    (5, "dhl", 0, ""),
]


def seed_logistics(merchant: Merchant, *, applicant: User) -> None:
    carriers = {c.code: c for c in seed_carriers()}
    if Shipment.objects.filter(merchant=merchant).exists():
        return
    actor = build_actor(applicant)
    step = timedelta(seconds=settings.TRACKING_STANDIN_STEP_SECONDS)
    for index, code, done, tracking_no in PLAN:
        country, name, address = RECIPIENTS[index]
        data = services.ShipmentInput(
            carrier_id=carriers[code].pk,
            country=country,
            sender={},
            recipient={"name": name, "phone": "+00 1234 5678", "email": "", "company": "", "address": address},
            parcels=[q.Parcel(D("2"), D("30"), D("20"), D("15"))],
            goods=[
                {
                    "name": "天然白水晶手串",
                    "name_en": "Natural clear quartz bracelet",
                    "quantity": 20,
                    "unit_value": "18.00",
                    "hs_code": "7116200000",
                    "crystal": True,
                }
            ],
        )
        shipment = services.shipment_create(actor=actor, data=data)
        if not tracking_no:
            continue
        registered = timezone.now() - step * done
        number = tracking_no.replace(" ", "")
        Shipment.objects.filter(pk=shipment.pk).update(
            tracking_no=number,
            tracking_registered=True,
            tracking_registered_at=registered,
            handled=True,
            handled_at=registered,
        )
        shipment.refresh_from_db()
        events = StandInTracking(step=step).events_due(
            TrackedNumber(number=number, carrier=code, registered_at=registered, country=country)
        )
        services.tracking_ingest(shipment_id=shipment.pk, events=events, source="standin")
