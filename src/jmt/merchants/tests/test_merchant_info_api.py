"""商户信息 (U2) at ``/merchant``: members read, admins edit; licence fields locked after approval;
the CCB sub-account read-only."""

import pytest

from jmt.audit.models import OperationLog
from jmt.merchants.tests.helpers import patch

pytestmark = pytest.mark.django_db


def field(body, key):
    return next(f for f in body["fields"] if f["key"] == key)


def test_the_admin_sees_which_fields_they_may_edit_and_the_lock_hint(api, merchant_admin):
    body = api.as_user(merchant_admin).get("/merchant").json()
    assert body["display_name"] == "东海晶莹水晶"
    assert body["can_edit"] is True
    assert body["locked"] is True
    assert body["lock_hint"] == "如需修改请联系捷晶管理员"
    assert field(body, "name") == {
        "key": "name",
        "label": "商户名称",
        "group": "company",
        "kind": "text",
        "editable": False,
        "locked": True,
        "staff_only": False,
    }
    assert field(body, "name_en")["editable"] is True
    assert field(body, "ccb_sub_account")["editable"] is False
    assert field(body, "ccb_sub_account")["staff_only"] is True
    assert body["gateway_route"] == "/customs/gateway"
    assert body["documents"]["id_card_front_document"] is None


def test_the_member_reads_everything_and_may_edit_nothing(api, merchant_member):
    body = api.as_user(merchant_member).get("/merchant").json()
    assert body["can_edit"] is False
    assert not any(f["editable"] for f in body["fields"])
    assert body["values"]["name"] == "东海晶莹水晶"


def test_the_admin_edits_english_names_contact_and_settlement_account(api, merchant_admin, crystal_merchant):
    changes = {
        "name_en": "Donghai Jingying Crystal Co., Ltd.",
        "address_en": "No. 8 Crystal Road, Donghai, Jiangsu",
        "contact_name": "林晶莹",
        "contact_phone": "13800000001",
        "bank_name": "中国建设银行东海支行",
        "bank_account": "32050100000000001",
    }
    response = patch(api.as_user(merchant_admin), "/merchant", {"changes": changes})
    assert response.status_code == 200, response.json()
    assert {k: response.json()["values"][k] for k in changes} == changes
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.bank_account == "32050100000000001"
    entry = OperationLog.objects.get(action="profile_update")
    assert entry.actor_id == merchant_admin.pk
    assert entry.changes["name_en"] == ["", changes["name_en"]]


def test_the_member_is_refused_every_write(api, merchant_member, crystal_merchant):
    response = patch(api.as_user(merchant_member), "/merchant", {"changes": {"name_en": "Nope"}})
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.name_en == ""


def test_locked_and_staff_only_fields_are_refused_to_the_admin(api, merchant_admin):
    me = api.as_user(merchant_admin)
    locked = patch(me, "/merchant", {"changes": {"credit_code": "91320722MA1WXY9K0X"}})
    assert (locked.status_code, locked.json()["code"]) == (403, "MERCHANT_PROFILE_LOCKED")
    ccb = patch(me, "/merchant", {"changes": {"ccb_sub_account": "1"}})
    assert (ccb.status_code, ccb.json()["code"]) == (403, "MERCHANT_PROFILE_STAFF_ONLY")


def test_before_approval_the_admin_completes_the_licence_fields(api, other_merchant_user):
    me = api.as_user(other_merchant_user)
    assert me.get("/merchant").json()["locked"] is False
    response = patch(me, "/merchant", {"changes": {"name": "连云港晶品水晶", "merchant_type": "individual"}})
    assert response.status_code == 200
    assert response.json()["value_labels"]["merchant_type"] == "个体工商户"


def test_each_merchant_sees_only_its_own_profile(api, merchant_admin, other_merchant_user):
    assert api.as_user(other_merchant_user).get("/merchant").json()["display_name"] == "连云港某水晶店"
    patch(api.as_user(other_merchant_user), "/merchant", {"changes": {"name_en": "Other"}})
    assert api.as_user(merchant_admin).get("/merchant").json()["values"]["name_en"] == ""


def test_a_back_office_account_without_a_merchant_gets_404(api, superadmin):
    response = api.as_user(superadmin).get("/merchant")
    assert response.status_code == 404
