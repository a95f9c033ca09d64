"""Who may do what: 成员 read-only, another merchant sees nothing, view-only staff cannot decide."""

import pytest

from conftest import Api
from jmt.filings.models import Filing
from jmt.filings.tests.conftest import put, start
from jmt.filings.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def test_a_member_can_read_but_not_start_a_filing(api: Api, merchant_member, profiled_merchant):
    me = api.as_user(merchant_member)
    assert me.get("/filings/types/dxp-id").json()["can_edit"] is False
    assert me.post("/filings/filings", {"type": "dxp-id"}).status_code == 403
    assert not Filing.objects.exists()


def test_a_member_cannot_save_or_submit(api: Api, merchant_admin, merchant_member, profiled_merchant):
    filing = start(api.as_user(merchant_admin), "dxp-id")
    member = api.as_user(merchant_member)
    assert member.get(f"/filings/filings/{filing['id']}").json()["editable"] is False
    assert put(member, f"/filings/filings/{filing['id']}", {"values": {"transport": "AS2"}}).status_code == 403
    assert member.post(f"/filings/filings/{filing['id']}/submit").status_code == 403


def test_another_merchant_gets_404_on_a_filing(api: Api, merchant_admin, other_merchant_user, profiled_merchant):
    filing = start(api.as_user(merchant_admin), "dxp-id")
    other = api.as_user(other_merchant_user)
    assert other.get(f"/filings/filings/{filing['id']}").status_code == 404
    assert put(other, f"/filings/filings/{filing['id']}", {"values": {}}).status_code == 404
    assert other.get("/filings/guide").json()["done"] == 0


def test_view_only_staff_can_read_the_queue_but_not_decide(api: Api, merchant_admin, onlooker, profiled_merchant):
    filing = submitted(api.as_user(merchant_admin), profiled_merchant, "dxp-id")
    staff = api.as_user(onlooker)
    assert staff.get("/admin/filings/filings").json()["total"] == 1
    response = staff.post(f"/admin/filings/filings/{filing['id']}/request-changes", {"fields": {"transport": "改"}})
    assert response.status_code == 403


def test_a_merchant_cannot_reach_the_back_office_queue(api: Api, merchant_admin, profiled_merchant):
    assert api.as_user(merchant_admin).get("/admin/filings/filings").status_code == 404  # the back office is hidden


def test_the_queue_filters_by_type_state_and_merchant(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    submitted(me, profiled_merchant, "dxp-id")
    start(me, "eport-card")
    assert staff.get("/admin/filings/filings", type="dxp-id").json()["total"] == 1
    assert staff.get("/admin/filings/filings", state="filling").json()["items"][0]["type"] == "eport-card"
    assert staff.get("/admin/filings/filings", pending="true").json()["total"] == 1
    assert staff.get("/admin/filings/filings", q="晶莹").json()["total"] == 2
    assert staff.get("/admin/filings/filings", merchant_id=profiled_merchant.pk + 99).json()["total"] == 0
    assert staff.get("/admin/filings/filings", type="nope").status_code == 404
