"""Each of the five filing types walks its graph from 填写材料 to 已办结 through the generic endpoints."""

from typing import Any

import pytest

from conftest import Api
from jmt.filings import registry
from jmt.filings.models import Filing
from jmt.filings.tests.conftest import accept, approve, complete_missing, make_document, start, submit
from jmt.workflow import registry as workflow_registry

pytestmark = pytest.mark.django_db

# What the profile and vault cannot know, per type (a signed form is a vault document).
MISSING: dict[str, dict[str, Any]] = {
    "customs-registration": {"region": "江苏省连云港市东海县", "postcode": "222300", "contact_email": "jy@example.com"},
    "eport-card": {
        "issuing_point": "连云港电子口岸制卡中心",
        "operator_id_number": "320722199202021234",
        "customs_code": "3207960ABC",
    },
    "enterprise-record": {
        "shop_name": "Jingying Crystal",
        "shop_url": "https://shop.example.com/jingying",
        "contact_email": "jy@example.com",
        "customs_code": "3207960ABC",
    },
    "dxp-id": {"contact_email": "jy@example.com", "customs_code": "3207960ABC", "eport_card_no": "8930000012345"},
    "cloud-signing": {
        "contact_email": "jy@example.com",
        "customs_code": "3207960ABC",
        "eport_card_no": "8930000012345",
    },
}
RESULTS = {
    "customs-registration": {"customs_code": "3207960abc", "ciq_code": "3207600123"},
    "eport-card": {"eport_card_no": "8930000012345"},
    "enterprise-record": {"record_no": "DH-2026-0001"},
    "dxp-id": {"dxp_id": "DXPENT0000012345"},
    "cloud-signing": {"cert_serial": "1A2B3C4D5E6F", "cert_valid_to": "2036-12-31"},
}
FIVE = ["customs-registration", "eport-card", "enterprise-record", "dxp-id", "cloud-signing"]


def signed_forms(merchant: Any, type_key: str) -> dict[str, int]:
    ft = registry.get(type_key)
    return {
        f.name: make_document(merchant, "other").pk
        for f in ft.fields()
        if f.type == "document" and not f.document_kind and f.required
    }


def test_the_five_types_are_registered_in_guided_order_each_with_its_own_graph():
    keys = [ft.key for ft in registry.all_types()]
    assert keys == FIVE
    for key in FIVE:
        graph = workflow_registry.get(f"filing-{key}")
        assert graph.model_filter == (("filing_type", key),)
        assert graph.todo_item == f"filings:{key}"


@pytest.mark.parametrize("type_key", FIVE)
def test_a_filing_walks_its_graph_to_completed(api: Api, merchant_admin, reviewer, profiled_merchant, type_key):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = start(me, type_key)
    assert filing["state"] == "filling"
    complete_missing(me, filing, {**MISSING[type_key], **signed_forms(profiled_merchant, type_key)})
    submitted = submit(me, filing["id"])
    assert submitted["state"] == "reviewing"
    accept(staff, filing)
    done = approve(staff, filing["id"], RESULTS[type_key])
    assert done["state"] == "completed"
    assert [e["to_state"] for e in done["progress"]["timeline"]] == ["completed", "handling", "reviewing", "filling"]
    assert Filing.objects.get(pk=filing["id"]).completed_at is not None


@pytest.mark.parametrize("type_key", FIVE)
def test_the_merchant_cannot_make_the_back_office_moves(api: Api, merchant_admin, profiled_merchant, type_key):
    me = api.as_user(merchant_admin)
    filing = start(me, type_key)
    complete_missing(me, filing, {**MISSING[type_key], **signed_forms(profiled_merchant, type_key)})
    submit(me, filing["id"])
    response = me.post(f"/workflow/filing-{type_key}/{filing['id']}/transitions", {"to": "handling"})
    assert response.status_code == 403


def test_completing_without_the_results_is_refused_and_nothing_moves(
    api: Api, merchant_admin, reviewer, profiled_merchant
):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = start(me, "dxp-id")
    complete_missing(me, filing, {**MISSING["dxp-id"], **signed_forms(profiled_merchant, "dxp-id")})
    submit(me, filing["id"])
    accept(staff, filing)
    response = staff.post(f"/workflow/filing-dxp-id/{filing['id']}/transitions", {"to": "completed"})
    assert response.status_code == 422
    assert response.json()["code"] == "FILING_RESULTS_INVALID"
    assert Filing.objects.get(pk=filing["id"]).state == "handling"


def test_a_bad_result_number_is_refused_with_a_chinese_message(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = start(me, "dxp-id")
    complete_missing(me, filing, {**MISSING["dxp-id"], **signed_forms(profiled_merchant, "dxp-id")})
    submit(me, filing["id"])
    accept(staff, filing)
    response = staff.post(f"/admin/filings/filings/{filing['id']}/approve", {"results": {"dxp_id": "12345"}})
    assert response.status_code == 422
    assert "DXPENT" in response.json()["details"]["fields"]["dxp_id"]
    row = Filing.objects.get(pk=filing["id"])
    assert (row.state, row.results) == ("handling", {})


def test_approving_before_acceptance_is_refused(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = start(me, "dxp-id")
    complete_missing(me, filing, {**MISSING["dxp-id"], **signed_forms(profiled_merchant, "dxp-id")})
    submit(me, filing["id"])
    response = staff.post(f"/admin/filings/filings/{filing['id']}/approve", {"results": RESULTS["dxp-id"]})
    assert response.status_code == 409
    assert response.json()["code"] == "FILING_WRONG_STATE"


def test_a_declined_filing_can_be_started_again(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = start(me, "enterprise-record")
    complete_missing(
        me, filing, {**MISSING["enterprise-record"], **signed_forms(profiled_merchant, "enterprise-record")}
    )
    submit(me, filing["id"])
    no_reason = staff.post(f"/workflow/filing-enterprise-record/{filing['id']}/transitions", {"to": "declined"})
    assert no_reason.status_code == 422
    staff.post(
        f"/workflow/filing-enterprise-record/{filing['id']}/transitions",
        {"to": "declined", "comment": "店铺网址无法访问"},
    )
    again = me.post(f"/workflow/filing-enterprise-record/{filing['id']}/transitions", {"to": "filling"})
    assert again.status_code == 200
    assert me.get(f"/filings/filings/{filing['id']}").json()["editable"] is True


def test_a_second_filing_of_the_same_type_is_refused(api: Api, merchant_admin, profiled_merchant):
    me = api.as_user(merchant_admin)
    first = start(me, "eport-card")
    response = me.post("/filings/filings", {"type": "eport-card"})
    assert response.status_code == 409
    assert response.json()["details"]["filing_id"] == first["id"]


def test_an_unknown_type_is_a_404_with_a_code(api: Api, merchant_admin):
    response = api.as_user(merchant_admin).post("/filings/filings", {"type": "no-such-filing"})
    assert response.status_code == 404
    assert response.json()["code"] == "FILING_UNKNOWN_TYPE"
