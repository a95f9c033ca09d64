"""The cockpits' demo history: the shipments it adds to the demo merchant open like real ones on the
merchant's pages (recipient, address, parcel, goods, chargeable weight), not as empty rows."""

import pytest

from jmt.cockpits.seed import seed_cockpits
from jmt.logistics.models import Shipment
from jmt.logistics.seed import seed_carriers

pytestmark = pytest.mark.django_db


def test_the_history_shipments_of_the_demo_merchant_are_complete(api, merchant_admin, crystal_merchant):
    seed_carriers()
    seed_cockpits(crystal_merchant)

    history = Shipment.objects.filter(merchant=crystal_merchant, number__startswith="CKDEMO")
    assert history.count() >= 30
    merchant = api.as_user(merchant_admin)
    for shipment in history[:10]:
        body = merchant.get(f"/logistics/shipments/{shipment.pk}").json()
        assert body["recipient"]["name"], shipment.number
        assert body["recipient"]["address"], shipment.number
        assert body["sender"]["company"] == "东海晶莹水晶"
        assert body["goods"][0]["name"] == "天然白水晶手串"
        assert body["parcels"]
        assert body["chargeable_weight"] != "0"
        assert body["fragile"] is True
