"""Compare and choose (L1): every eligible carrier side by side, ruled-out ones with why, tags, favourites."""

import pytest

from jmt.logistics.models import Favourite
from jmt.logistics.tests.conftest import put

pytestmark = pytest.mark.django_db
JAPAN_2KG = {
    "country": "JP",
    "weight_kg": "2",
    "length_cm": "30",
    "width_cm": "20",
    "height_cm": "15",
    "fragile": "true",
}


def test_a_2kg_parcel_to_japan_lists_eligible_carriers_cheapest_first_with_the_breakdown(api, merchant_admin, carriers):
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG).json()
    eligible = [r for r in rows if r["eligible"]]
    assert [r["carrier"]["code"] for r in eligible][:2] == ["jp-line", "sf-economy"]
    cheapest = eligible[0]
    assert cheapest["total"] == {"amount": "94.00", "currency": "CNY"}
    assert (cheapest["volumetric_weight"], cheapest["chargeable_weight"]) == ("1.5", "2")
    assert "最便宜" in cheapest["tags"]
    totals = [float(r["total"]["amount"]) for r in eligible]
    assert totals == sorted(totals)


def test_carriers_that_cannot_take_the_parcel_come_last_with_their_reasons(api, merchant_admin, carriers):
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG).json()
    ruled_out = {r["carrier"]["code"]: r["reasons"] for r in rows if not r["eligible"]}
    assert ruled_out["au-line"] == ["该渠道不寄送至日本"]
    assert ruled_out["sf-parcel"] == ["该渠道不接收易碎品（水晶制品）"]
    assert rows[-1]["eligible"] is False


def test_the_fastest_carrier_is_tagged(api, merchant_admin, carriers):
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG).json()
    fastest = [r["carrier"]["code"] for r in rows if "最快" in r["tags"]]
    assert set(fastest) == {"dhl", "ups", "fedex", "sf-express"}  # 2–4 days


def test_picking_two_to_four_carriers_compares_only_those(api, merchant_admin, carriers):
    ids = [carriers["dhl"].pk, carriers["jp-line"].pk]
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG, carrier_ids=ids).json()
    assert sorted(r["carrier"]["code"] for r in rows) == ["dhl", "jp-line"]


def test_a_terminated_carrier_is_not_quoted_even_when_picked_by_id(api, merchant_admin, carriers):
    carriers["jp-line"].status, carriers["jp-line"].status_reason = "terminated", "合作到期"
    carriers["jp-line"].save()
    ids = [carriers["dhl"].pk, carriers["jp-line"].pk]
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG, carrier_ids=ids).json()
    assert [r["carrier"]["code"] for r in rows] == ["dhl"]


def test_an_unsupported_country_is_refused_in_chinese(api, merchant_admin, carriers):
    response = api.as_user(merchant_admin).get("/logistics/quotes", **{**JAPAN_2KG, "country": "ZZ"})
    assert response.status_code == 422
    assert response.json()["code"] == "LOGISTICS_COUNTRY_UNSUPPORTED"


def test_a_paused_carrier_is_ruled_out_with_the_back_office_reason(api, merchant_admin, carriers):
    carriers["jp-line"].status = "paused"
    carriers["jp-line"].status_reason = "日本航线运力调整，暂停收件至 12 月 20 日"
    carriers["jp-line"].save()
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG).json()
    line = next(r for r in rows if r["carrier"]["code"] == "jp-line")
    assert line["reasons"] == ["渠道已暂停收件：日本航线运力调整，暂停收件至 12 月 20 日"]


def test_favourites_are_kept_per_merchant(api, merchant_admin, other_merchant_user, carriers):
    me = api.as_user(merchant_admin)
    assert put(me, "/logistics/favourites", {"carrier_id": carriers["dhl"].pk, "favourite": True}).status_code == 200
    listed = {c["code"]: c["favourite"] for c in me.get("/logistics/carriers").json()}
    assert listed["dhl"] is True
    assert listed["ups"] is False
    assert Favourite.objects.filter(merchant=other_merchant_user.current_merchant).count() == 0
    put(me, "/logistics/favourites", {"carrier_id": carriers["dhl"].pk, "favourite": False})
    assert not Favourite.objects.exists()


def test_a_member_cannot_change_favourites(api, merchant_member, carriers):
    response = put(
        api.as_user(merchant_member), "/logistics/favourites", {"carrier_id": carriers["dhl"].pk, "favourite": True}
    )
    assert response.status_code == 403


def test_before_any_delivered_shipment_no_carrier_has_a_rate_or_the_steadiest_tag(api, merchant_admin, carriers):
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG).json()
    assert {r["carrier"]["on_time_rate"] for r in rows} == {None}
    assert not [r for r in rows if "最稳" in r["tags"]]


def test_the_measured_on_time_rate_appears_once_shipments_are_delivered(api, merchant_admin, carriers):
    from datetime import timedelta

    from django.utils import timezone

    from jmt.logistics.models import Shipment

    now = timezone.now()
    for i, days in enumerate((3, 9)):  # promised 7: one on time, one late
        Shipment.objects.create(
            merchant=merchant_admin.current_merchant,
            carrier=carriers["jp-line"],
            number=f"T{i}",
            country="JP",
            amount="94",
            state="delivered",
            promised_days=7,
            picked_up_at=now - timedelta(days=days),
            delivered_at=now,
        )
    rows = api.as_user(merchant_admin).get("/logistics/quotes", **JAPAN_2KG).json()
    line = next(r for r in rows if r["carrier"]["code"] == "jp-line")
    assert line["carrier"]["on_time_rate"] == 0.5
    assert "最稳" in line["tags"]
