"""How the isolation and member walks build a shipment and a carrier (see ``jmt.rbac.tests.walk``)."""

from typing import Any

from jmt.logistics.models import Carrier, Shipment
from jmt.logistics.seed import seed_carriers


def _carrier(owner: Any) -> dict[str, Any]:
    carrier = Carrier.objects.filter(code="jp-line").first() or seed_carriers()[2]
    return {"carrier_id": carrier.pk}


def _shipment(owner: Any) -> dict[str, Any]:
    carrier = Carrier.objects.filter(code="jp-line").first() or seed_carriers()[2]
    shipment = Shipment.objects.create(
        merchant=owner.merchant,
        carrier=carrier,
        number=f"JLTEST{Shipment.objects.count() + 1:05d}",
        country="JP",
        amount="94.00",
        state="ordered",
    )
    return {"shipment_id": shipment.pk}


FACTORIES = {"carrier_id": _carrier, "shipment_id": _shipment}
