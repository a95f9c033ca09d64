"""Fixed records for the cockpit tests: each builder writes rows of one module with the times given."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from jmt.cockpits.facts import ZONE
from jmt.customs.models import Inventory, Message, Order, Receipt
from jmt.customs.tests.factories import make_batch, make_inventory, make_logistics, make_order
from jmt.documents.models import Document
from jmt.fx.models import Account, RateSnapshot, Settlement
from jmt.logistics.models import Carrier, Shipment
from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.refunds.models import Claim
from jmt.workflow.models import WorkflowEvent

_serial = itertools.count(1)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=ZONE)


def event(merchant: Merchant, object_type: str, to_state: str, when: dt.datetime, **fields: Any) -> WorkflowEvent:
    return WorkflowEvent.objects.create(
        object_type=object_type,
        object_id=fields.pop("object_id", next(_serial)),
        merchant=merchant,
        to_state=to_state,
        title=to_state,
        created_at=when,
        **fields,
    )


def inventory(
    merchant: Merchant, created: dt.datetime, *, country: str = "502", gcode: str = "7116200000", **order: Any
) -> Inventory:
    batch = make_batch(merchant, name=f"批次 {next(_serial)}")
    made_order = make_order(batch, **order)
    made = make_inventory(made_order, make_logistics(batch), gcode=gcode)
    Inventory.objects.filter(pk=made.pk).update(created_at=created, country=country)
    Order.objects.filter(pk=made_order.pk).update(created_at=created)
    made.refresh_from_db()
    return made


def receipt(target: Inventory, status: str, when: dt.datetime) -> Receipt:
    n = next(_serial)
    message = Message.objects.create(direction="in", message_type="CEB622", xml="<x/>", sha256=f"{n:064d}")
    return Receipt.objects.create(
        received_in=message,
        message_type="CEB622",
        return_status=status,
        raw="<x/>",
        fingerprint=f"{n:064d}",
        applied=True,
        inventory=target,
        created_at=when,
    )


def claim(merchant: Merchant, *, submitted: dt.datetime, received_on: dt.date | None, state: str = "received") -> Claim:
    return Claim.objects.create(
        merchant=merchant,
        claim_no=f"TS{next(_serial):010d}",
        state=state,
        submitted_at=submitted,
        received_on=received_on,
    )


def settlement(merchant: Merchant, state: str, when: dt.datetime, amount: str = "1000.00") -> Settlement:
    account, _ = Account.objects.get_or_create(merchant=merchant)
    return Settlement.objects.create(
        merchant=merchant,
        account=account,
        number=f"JH{next(_serial):010d}",
        amount=Decimal(amount),
        settle_date=when.date(),
        rate=Decimal("7.1"),
        bank_account="6217000000000000",
        bank_name="中国建设银行",
        state=state,
        state_changed_at=when,
    )


def carrier(name: str = "顺丰国际") -> Carrier:
    return Carrier.objects.create(
        code=f"c{next(_serial)}", name=name, kind="express", max_weight_kg=Decimal(30), max_side_cm=Decimal(120)
    )


def shipment(
    merchant: Merchant,
    via: Carrier,
    *,
    created: dt.datetime,
    amount: str = "100.00",
    promised_days: int = 0,
    picked_up: dt.datetime | None = None,
    delivered: dt.datetime | None = None,
) -> Shipment:
    return Shipment.objects.create(
        merchant=merchant,
        number=f"YD{next(_serial):010d}",
        carrier=via,
        country="US",
        amount=Decimal(amount),
        promised_days=promised_days,
        picked_up_at=picked_up,
        delivered_at=delivered,
        state="delivered" if delivered else "ordered",
        created_at=created,
    )


def rate(currency: str, middle: str, day: str) -> RateSnapshot:
    return RateSnapshot.objects.create(
        currency=currency, source="boc", middle=Decimal(middle), rate_date=dt.date.fromisoformat(day)
    )


def approved_merchant(name: str, created: dt.datetime, *, documents: bool, profile: bool) -> Merchant:
    fields = (
        {
            "credit_code": "91320722MA1XYK1234",
            "address": "江苏省连云港市东海县",
            "address_en": "Donghai, Jiangsu",
            "legal_person": "林晶莹",
            "contact_phone": "13800000001",
            "bank_name": "中国建设银行",
            "bank_account": "3205016336",
        }
        if profile
        else {}
    )
    merchant = Merchant.objects.create(
        name=name, registration_status=RegistrationStatus.APPROVED, created_at=created, **fields
    )
    if documents:
        docs = {
            field: Document.objects.create(
                merchant=merchant, original_name=f"{field}.pdf", content_type="application/pdf", size=1, sha256="0"
            )
            for field in ("licence_document", "id_card_front_document", "id_card_back_document", "bank_permit_document")
        }
        Merchant.objects.filter(pk=merchant.pk).update(**docs)
    return merchant
