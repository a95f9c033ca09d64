"""One-stop shipping (L2) and the carrier status rules: create, validate, switch, list, scope."""

import pytest

from conftest import make_merchant_user
from jmt.logistics.models import Shipment
from jmt.logistics.tests.conftest import put, shipment_body
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_a_shipment_is_booked_at_the_quoted_price_with_the_sender_from_the_profile(api, merchant_admin, carriers):
    merchant = merchant_admin.current_merchant
    merchant.contact_name, merchant.contact_phone, merchant.address = "林晶莹", "13800000001", "东海县水晶路88号"
    merchant.save()
    response = api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["jp-line"]))
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "ordered"
    assert body["state_label"] == "已下单"
    assert body["amount"] == {"amount": "94.00", "currency": "CNY"}
    assert body["sender"] == {
        "company": "东海晶莹水晶",
        "name": "林晶莹",
        "phone": "13800000001",
        "address": "东海县水晶路88号",
    }
    assert body["number"].startswith("JL")
    assert body["progress"]["timeline"]


def test_crystal_goods_make_the_shipment_fragile_with_the_back_office_packing_hint(api, merchant_admin, carriers):
    carriers["jp-line"].fragile_packing_hint = "气泡膜三层，双瓦楞纸箱"
    carriers["jp-line"].save()
    body = api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()
    assert body["fragile"] is True
    assert body["packing_hint"] == "气泡膜三层，双瓦楞纸箱"


def test_the_recipient_address_is_checked_against_the_destination_country(api, merchant_admin, carriers):
    body = shipment_body(carriers["jp-line"])
    body["recipient"]["address"] = {"postcode": "1500001x", "city": "渋谷区"}
    response = api.as_user(merchant_admin).post("/logistics/shipments", body)
    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert fields["recipient.address.postcode"] == "邮编格式不正确（如 150-0001）"
    assert fields["recipient.address.state"] == "请填写都道府县"
    assert not Shipment.objects.exists()


def test_a_paused_carrier_takes_no_new_shipment_and_says_why(api, merchant_admin, carriers):
    carriers["jp-line"].status, carriers["jp-line"].status_reason = "paused", "航线运力调整"
    carriers["jp-line"].save()
    response = api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["jp-line"]))
    assert response.status_code == 409
    assert response.json()["code"] == "LOGISTICS_CARRIER_UNAVAILABLE"
    assert response.json()["message"] == "「日本专线」已暂停收件，不能接收新运单：航线运力调整"


def test_a_terminated_carriers_open_shipments_stay_visible_and_trackable(
    api, merchant_admin, logistics_staff, carriers
):
    me = api.as_user(merchant_admin)
    shipment = me.post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()
    carriers["jp-line"].status, carriers["jp-line"].status_reason = "terminated", "合作到期"
    carriers["jp-line"].save()
    assert me.get(f"/logistics/shipments/{shipment['id']}").status_code == 200
    staff = api.as_user(logistics_staff)
    response = put(staff, f"/admin/logistics/shipments/{shipment['id']}/tracking-no", {"tracking_no": "JPL2612050001"})
    assert response.status_code == 200
    assert response.json()["carrier_status"] == "terminated"


def test_a_carrier_that_cannot_take_the_goods_is_refused(api, merchant_admin, carriers):
    response = api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["sf-parcel"]))
    assert response.status_code == 422
    assert response.json()["message"] == "「顺丰小包」不能承运这票货物：该渠道不接收易碎品（水晶制品）"


def test_the_carrier_can_be_switched_before_pickup_at_todays_price(api, merchant_admin, carriers):
    me = api.as_user(merchant_admin)
    shipment = me.post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()
    switched = me.post(
        f"/logistics/shipments/{shipment['id']}/switch-carrier", {"carrier_id": carriers["dhl"].pk}
    ).json()
    assert switched["carrier_name"] == "DHL"
    assert switched["amount"]["amount"] == "394.68"


def test_the_carrier_cannot_be_switched_once_the_tracking_number_is_in(api, merchant_admin, logistics_staff, carriers):
    me = api.as_user(merchant_admin)
    shipment = me.post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()
    put(
        api.as_user(logistics_staff),
        f"/admin/logistics/shipments/{shipment['id']}/tracking-no",
        {"tracking_no": "JPL0001"},
    )
    response = me.post(f"/logistics/shipments/{shipment['id']}/switch-carrier", {"carrier_id": carriers["dhl"].pk})
    assert response.status_code == 409
    assert response.json()["code"] == "LOGISTICS_NOT_SWITCHABLE"


def test_the_list_searches_by_recipient_and_filters_by_state(api, merchant_admin, carriers):
    me = api.as_user(merchant_admin)
    me.post("/logistics/shipments", shipment_body(carriers["jp-line"]))
    other = shipment_body(carriers["dhl"])
    other["recipient"]["name"] = "Tanaka Ken"
    me.post("/logistics/shipments", other)
    found = me.get("/logistics/shipments", q="tanaka").json()
    assert [r["recipient_name"] for r in found["items"]] == ["Tanaka Ken"]
    assert me.get("/logistics/shipments", state="delivered").json()["total"] == 0
    counts = {c["state"]: c["count"] for c in me.get("/logistics/shipments/counts").json()}
    assert counts["ordered"] == 2


def test_another_merchant_neither_sees_nor_moves_the_shipment(api, merchant_admin, carriers):
    shipment = api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()
    approved = Merchant.objects.create(name="连云港晶品", registration_status=RegistrationStatus.APPROVED)
    outsider = api.as_user(make_merchant_user("13900000019", approved, MemberRole.ADMIN))
    assert outsider.get(f"/logistics/shipments/{shipment['id']}").status_code == 404
    switch = {"carrier_id": carriers["dhl"].pk}
    assert outsider.post(f"/logistics/shipments/{shipment['id']}/switch-carrier", switch).status_code == 404
    assert outsider.get("/logistics/shipments").json()["total"] == 0


def test_a_member_reads_shipments_but_cannot_ship(api, merchant_admin, merchant_member, carriers):
    api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["jp-line"]))
    member = api.as_user(merchant_member)
    assert member.get("/logistics/shipments").json()["total"] == 1
    assert member.post("/logistics/shipments", shipment_body(carriers["jp-line"])).status_code == 403
