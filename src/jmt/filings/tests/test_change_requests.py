"""The back office asks for changes field by field; the merchant sees each comment on its field."""

import pytest

from conftest import Api
from jmt.filings.models import Filing
from jmt.filings.tests.conftest import put, submit
from jmt.filings.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def test_change_requests_reach_the_merchants_fields(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "customs-registration")
    response = staff.post(
        f"/admin/filings/filings/{filing['id']}/request-changes",
        {"fields": {"postcode": "东海县邮编应为 222300", "name_en": "请与营业执照英文译名一致", "region": " "}},
    )
    assert response.status_code == 200, response.json()
    mine = me.get(f"/filings/filings/{filing['id']}").json()
    assert mine["state"] == "returned"
    assert mine["change_requests"] == {"postcode": "东海县邮编应为 222300", "name_en": "请与营业执照英文译名一致"}
    assert mine["editable"] is True
    assert "邮政编码：东海县邮编应为 222300" in mine["progress"]["timeline"][0]["comment"]


def test_resubmitting_answers_the_change_requests(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "customs-registration")
    staff.post(f"/admin/filings/filings/{filing['id']}/request-changes", {"fields": {"postcode": "应为 222300"}})
    put(me, f"/filings/filings/{filing['id']}", {"values": {"postcode": "222300"}})
    again = submit(me, filing["id"])
    assert again["state"] == "reviewing"
    assert again["change_requests"] == {}
    assert again["submitted_data"]["postcode"] == "222300"


def test_submitted_data_keeps_exactly_what_was_submitted(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "customs-registration")
    staff.post(f"/admin/filings/filings/{filing['id']}/request-changes", {"fields": {"postcode": "应为 222300"}})
    put(me, f"/filings/filings/{filing['id']}", {"values": {"postcode": "222399"}})
    view = me.get(f"/filings/filings/{filing['id']}").json()
    assert view["submitted_data"]["postcode"] == "222300"
    assert view["data"]["postcode"] == "222399"


def test_a_change_request_without_any_comment_is_refused(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "dxp-id")
    response = staff.post(f"/admin/filings/filings/{filing['id']}/request-changes", {"fields": {"transport": "  "}})
    assert response.status_code == 422
    assert response.json()["code"] == "FILING_CHANGES_EMPTY"
    assert Filing.objects.get(pk=filing["id"]).state == "reviewing"


def test_a_change_request_on_an_unknown_field_is_refused(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "dxp-id")
    response = staff.post(f"/admin/filings/filings/{filing['id']}/request-changes", {"fields": {"nope": "改"}})
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"nope": "没有这个填写项"}


def test_a_submitted_filing_cannot_be_edited(api: Api, merchant_admin, profiled_merchant):
    me = api.as_user(merchant_admin)
    filing = submitted(me, profiled_merchant, "dxp-id")
    response = put(me, f"/filings/filings/{filing['id']}", {"values": {"transport": "AS2"}})
    assert response.status_code == 409
    assert response.json()["code"] == "FILING_NOT_EDITABLE"


def test_the_reviewer_sees_values_beside_the_documents(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "customs-registration")
    detail = staff.get(f"/admin/filings/filings/{filing['id']}").json()
    assert detail["submitted_data"]["credit_code"] == "91320722MA1XYK1234"
    kinds = {d["kind"] for d in detail["documents"]}
    assert {"business_licence", "id_card_front", "id_card_back", "other"} <= kinds
    assert all(d["download_url"].startswith("/api/v1/admin/filings/documents/") for d in detail["documents"])
    assert [m["to"] for m in detail["progress"]["allowed"]] == ["returned", "declined", "handling"]
