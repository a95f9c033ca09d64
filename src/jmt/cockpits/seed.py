"""Demo data for the cockpits: a few more crystal merchants with sixty days of history in every module the
cockpits read (9610 orders and inventories with their receipts, registration decisions, refunds,
settlements, delivered shipments), then the aggregates rebuilt. Idempotent: the history is written once.

The records are written straight to the tables (bulk, with back-dated times) because the history is in
the past; the modules' own seeds already walk their services for the demo merchant's live items.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from jmt.cockpits import facts
from jmt.customs.models import Inventory, InventoryLine, Logistics, Message, Order, Receipt
from jmt.fx.models import Account, Settlement
from jmt.logistics.models import Carrier, Shipment
from jmt.logistics.seed import RECIPIENTS
from jmt.logistics.services import sender_from_profile
from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.refunds.models import Claim
from jmt.workflow.models import WorkflowEvent

DEMO_MERCHANTS = (
    ("连云港晶华工艺品有限公司", RegistrationStatus.APPROVED, True),
    ("东海县水晶源商行", RegistrationStatus.APPROVED, True),
    ("东海天然水晶城", RegistrationStatus.APPROVED, False),
    ("宿迁紫晶阁饰品店", RegistrationStatus.APPROVED, True),
    ("徐州晶彩饰品有限公司", RegistrationStatus.IN_PROGRESS, False),
    ("东海县晶艺坊", RegistrationStatus.NOT_STARTED, False),
)
# (customs country code, weight): where Donghai crystal goes.
DESTINATIONS = (
    ("502", 30),
    ("116", 16),
    ("303", 9),
    ("304", 8),
    ("133", 7),
    ("501", 6),
    ("601", 6),
    ("305", 5),
    ("307", 4),
    ("132", 3),
    ("344", 3),
    ("410", 2),
    ("138", 2),
    ("136", 2),
    ("302", 1),
    ("112", 1),
)
GOODS = (
    ("7116200000", "天然白水晶手串", "035", Decimal("18.00"), 40),
    ("7116200000", "紫水晶原石摆件", "035", Decimal("65.00"), 15),
    ("7103992000", "粉水晶散珠", "011", Decimal("4.20"), 20),
    ("7103100000", "黄水晶原石", "035", Decimal("12.00"), 10),
    ("7018100000", "K9 玻璃水晶珠", "035", Decimal("2.50"), 8),
    ("7103999000", "石榴石刻面珠", "011", Decimal("6.80"), 7),
)
REJECT_REASONS = (
    "营业执照照片模糊，请重新上传",
    "法人身份证已过有效期",
    "经营范围未包含进出口业务",
    "地址与执照不一致",
)
DAYS = 60
MARK = "CKDEMO"


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([code for code, _ in weighted], weights=[w for _, w in weighted])[0]


def _merchants() -> list[Merchant]:
    made = []
    for name, status, complete in DEMO_MERCHANTS:
        merchant, _ = Merchant.objects.get_or_create(
            name=name,
            defaults={
                "registration_status": status,
                "credit_code": "91320722MA1DEMO001" if complete else "",
                "address": "江苏省连云港市东海县",
                "address_en": "Donghai County, Lianyungang, Jiangsu" if complete else "",
                "legal_person": "张晶",
                "contact_phone": "13800000100",
                "bank_name": "中国建设银行东海支行",
                "bank_account": "3205016336000000" if complete else "",
            },
        )
        made.append(merchant)
    return made


def _customs(rng: random.Random, merchants: list[Merchant], now: dt.datetime) -> None:
    message = Message.objects.create(direction="in", message_type="CEB622", xml="<demo/>", sha256=f"{MARK}-receipts")
    serial = 0
    for merchant in merchants:
        volume = rng.randint(60, 140)
        for _ in range(volume):
            serial += 1
            created = now - dt.timedelta(days=rng.uniform(0, DAYS), hours=rng.uniform(0, 1))
            hs, name, unit, price, _ = rng.choices(GOODS, weights=[g[4] for g in GOODS])[0]
            qty = Decimal(rng.randint(2, 60))
            total = (price * qty).quantize(Decimal("0.01"))
            country = _pick(rng, DESTINATIONS)
            number = f"{MARK}{serial:06d}"
            order = Order.objects.create(
                merchant=merchant,
                order_no=number,
                ebp_code="3207960A01",
                ebp_name="东海水晶跨境商城",
                ebc_code="3207960B02",
                ebc_name=merchant.name,
                goods_value=total,
                currency="502",
                status="closed",
            )
            logistics = Logistics.objects.create(
                merchant=merchant,
                logistics_code="3207960C01",
                logistics_name="东海国际快递",
                logistics_no=f"LP{number}",
                currency="142",
                gross_weight=Decimal("1.2"),
                pack_no=1,
                goods_info=name,
            )
            released = rng.random() < 0.85
            inventory = Inventory.objects.create(
                merchant=merchant,
                order=order,
                logistics=logistics,
                customs_code="2305",
                ebp_code="3207960A01",
                ebp_name="东海水晶跨境商城",
                order_no=number,
                logistics_code="3207960C01",
                logistics_name="东海国际快递",
                logistics_no=f"LP{number}",
                cop_no=number,
                port_code="2305",
                ie_date=created.date(),
                statistics_flag="B",
                agent_code="3207960B01",
                agent_name="连云港捷晶报关有限公司",
                ebc_code="3207960B02",
                ebc_name=merchant.name,
                owner_code="3207960B02",
                owner_name=merchant.name,
                traf_mode="5",
                country=country,
                pod="",
                f_currency="142",
                i_currency="142",
                wrap_type="2",
                pack_no=1,
                gross_weight=Decimal("1.2"),
                net_weight=Decimal("1.0"),
                status="released" if released else rng.choice(("sent_to_customs", "stored", "inspection")),
            )
            InventoryLine.objects.create(
                inventory=inventory,
                gnum=1,
                item_no=f"SKU{hs[-4:]}",
                gcode=hs,
                gname=name,
                gmodel="品名|水晶",
                country=country,
                currency="502",
                qty=qty,
                qty1=qty,
                unit=unit,
                unit1="035",
                price=price,
                total_price=total,
            )
            Order.objects.filter(pk=order.pk).update(created_at=created)
            Inventory.objects.filter(pk=inventory.pk).update(created_at=created)
            if not released:
                continue
            hours = rng.uniform(3, 30)
            if rng.random() < 0.08:
                Receipt.objects.create(
                    received_in=message,
                    message_type="CEB622",
                    return_status="500",
                    raw="<demo/>",
                    fingerprint=f"{number}-500",
                    applied=True,
                    inventory=inventory,
                    created_at=created + dt.timedelta(hours=hours / 2),
                )
                hours += rng.uniform(12, 36)
            release_at = min(created + dt.timedelta(hours=hours), now)
            Receipt.objects.create(
                received_in=message,
                message_type="CEB622",
                return_status="800",
                raw="<demo/>",
                fingerprint=f"{number}-800",
                applied=True,
                inventory=inventory,
                created_at=release_at,
            )


def _workflows(rng: random.Random, merchants: list[Merchant], now: dt.datetime) -> None:
    events: list[WorkflowEvent] = []
    for index in range(40):
        merchant = merchants[index % len(merchants)]
        rejected = rng.random() < 0.3
        events.append(
            WorkflowEvent(
                object_type="registration",
                object_id=900000 + index,
                merchant=merchant,
                from_state=rng.choice(("review", "onsite")),
                to_state="rejected" if rejected else "approved",
                title="驳回" if rejected else "核准通过",
                comment=rng.choice(REJECT_REASONS) if rejected else "",
                created_at=now - dt.timedelta(days=rng.uniform(0, DAYS)),
            )
        )
    WorkflowEvent.objects.bulk_create(events)
    for index in range(24):
        merchant = merchants[index % 4]
        submitted = now - dt.timedelta(days=rng.uniform(20, DAYS))
        approved = submitted + dt.timedelta(days=rng.uniform(5, 12))
        received = (approved + dt.timedelta(days=rng.uniform(3, 9))).date()
        done = received <= now.date()
        claim = Claim.objects.create(
            merchant=merchant,
            claim_no=f"{MARK}T{index:04d}",
            state="received" if done else "refunding",
            submitted_at=submitted,
            received_on=received if done else None,
            amount=Decimal(rng.randint(800, 9000)),
        )
        if rng.random() < 0.25:
            WorkflowEvent.objects.create(
                object_type="refund",
                object_id=claim.pk,
                merchant=merchant,
                to_state="rejected",
                title="审核不通过",
                comment="进项发票与报关单品名不一致",
                created_at=submitted + dt.timedelta(days=2),
            )
        WorkflowEvent.objects.create(
            object_type="refund",
            object_id=claim.pk,
            merchant=merchant,
            to_state="refunding",
            title="审核通过",
            created_at=approved,
        )


def _settlements(rng: random.Random, merchants: list[Merchant], now: dt.datetime) -> None:
    for index in range(30):
        merchant = merchants[index % 4]
        account, _ = Account.objects.get_or_create(
            merchant=merchant, defaults={"sub_account_no": f"DEMO{merchant.pk:06d}"}
        )
        when = now - dt.timedelta(days=rng.uniform(0, DAYS))
        Settlement.objects.create(
            merchant=merchant,
            account=account,
            number=f"{MARK}S{index:04d}",
            amount=Decimal(rng.randint(500, 12000)),
            settle_date=when.date(),
            rate=Decimal("7.1"),
            bank_account="3205016336000000",
            bank_name="中国建设银行东海支行",
            state="rejected" if rng.random() < 0.1 else "completed",
            state_changed_at=when,
            created_at=when,
        )


# What the history's shipments carried: a parcel of crystal bracelets, as the merchant pages show it.
SHIPPED_PARCEL = {"weight_kg": "2", "length_cm": "30", "width_cm": "20", "height_cm": "15"}
SHIPPED_GOODS = {
    "name": "天然白水晶手串",
    "name_en": "Natural clear quartz bracelet",
    "quantity": 20,
    "unit_value": "18.00",
    "hs_code": "7116200000",
    "crystal": True,
}


def _shipments(rng: random.Random, merchants: list[Merchant], now: dt.datetime) -> None:
    carriers = list(Carrier.objects.filter(status="active")[:6])
    if not carriers:
        return
    speed = {c.pk: rng.uniform(0.7, 1.15) for c in carriers}
    rows = []
    for index in range(160):
        carrier = carriers[index % len(carriers)]
        merchant = merchants[index % 4]
        created = now - dt.timedelta(days=rng.uniform(0, DAYS))
        promised = rng.choice((4, 5, 7, 10))
        took = dt.timedelta(days=promised * speed[carrier.pk] * rng.uniform(0.7, 1.25))
        picked = created + dt.timedelta(hours=rng.uniform(4, 30))
        delivered = picked + took
        done = delivered < now
        country, name, address = rng.choice([r for r in RECIPIENTS if r[0] in ("US", "JP", "GB", "DE", "AU")])
        rows.append(
            Shipment(
                merchant=merchant,
                number=f"{MARK}Y{index:05d}",
                carrier=carrier,
                country=country,
                sender=sender_from_profile(merchant, {}),
                recipient={"name": name, "phone": "+00 1234 5678", "email": "", "company": "", "address": address},
                parcels=[dict(SHIPPED_PARCEL)],
                goods=[dict(SHIPPED_GOODS)],
                fragile=True,
                quote={"chargeable_weight": "2"},
                amount=Decimal(rng.randint(90, 600)),
                promised_days=promised,
                tracking_no=f"{MARK}T{index:08d}" if picked < now else "",
                picked_up_at=picked if picked < now else None,
                delivered_at=delivered if done else None,
                state="delivered" if done else ("in_transit" if picked < now else "ordered"),
                created_at=created,
            )
        )
    Shipment.objects.bulk_create(rows)


def seed_cockpits(merchant: Merchant) -> None:
    """Write the demo history once (for ``merchant`` and the demo merchants above), then rebuild the
    aggregates (every run)."""
    if not Order.objects.filter(order_no__startswith=MARK).exists():
        rng = random.Random(20261205)  # noqa: S311 (demo figures, not secrets)
        now = timezone.now()
        with transaction.atomic():
            merchants = _merchants()
            active = [merchant, *(m for m in merchants if m.registration_status == RegistrationStatus.APPROVED)]
            _customs(rng, active, now)
            _workflows(rng, [merchant, *merchants], now)
            _settlements(rng, active, now)
            _shipments(rng, active, now)
    facts.rebuild()
