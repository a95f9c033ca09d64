import dataclasses

import pytest

from jmt.core import catalog
from jmt.merchants.models import MemberRole, Membership, Merchant

pytestmark = pytest.mark.django_db


def test_me_lists_the_user_the_current_merchant_and_every_membership(api, merchant_admin):
    second = Merchant.objects.create(name="东海二号店")
    Membership.objects.create(user=merchant_admin, merchant=second, role=MemberRole.MEMBER)
    body = api.as_user(merchant_admin).get("/me").json()
    assert body["user"]["display_name"] == "林晶莹"
    assert body["user"]["phone_masked"] == "138****0001"
    assert body["merchant"]["name"] == "东海晶莹水晶"
    assert [(m["merchant_name"], m["role_label"], m["current"]) for m in body["memberships"]] == [
        ("东海晶莹水晶", "管理员", True),
        ("东海二号店", "成员", False),
    ]
    assert body["roles"] == ["merchant_admin"]
    assert body["admin_catalog"] == []


def test_the_catalog_has_eight_modules_and_twenty_four_service_items():
    assert [m.title for m in catalog.MODULES] == [
        "工商注册",
        "跨境物流",
        "跨境申报",
        "出口报关",
        "出口退税",
        "收结汇",
        "培训服务",
        "交易平台",
    ]
    service_modules = [m for m in catalog.MODULES if m.key not in {"training", "showroom"}]
    assert sum(len(m.items) for m in service_modules) == 24


BUILT_MODULES = {m.key for m in catalog.MODULES if m.built}
GATED_MODULES = {"logistics", "filings", "customs", "refunds", "fx", "showroom"}


def test_a_new_merchant_sees_built_gated_modules_closed_until_registration(api, other_merchant_user):
    modules = api.as_user(other_merchant_user).get("/me").json()["catalog"]
    gated = {m["key"] for m in modules if m["available"] and not m["enabled"]}
    assert gated == GATED_MODULES
    assert all("工商注册" in m["disabled_reason"] for m in modules if m["available"] and not m["enabled"])
    assert {m["key"] for m in modules if m["enabled"]} == {"registration", "training"}  # 培训服务 is not gated


def test_an_approved_merchant_sees_every_built_module_enabled(api, merchant_admin):
    modules = api.as_user(merchant_admin).get("/me").json()["catalog"]
    assert len(modules) == 8
    assert {m["key"] for m in modules if m["enabled"]} == BUILT_MODULES == {m.key for m in catalog.MODULES}


def test_an_unbuilt_item_and_module_say_coming_soon(api, merchant_admin, monkeypatch):
    unbuilt = []
    for module in catalog.MODULES:
        if module.key == "showroom":
            module = dataclasses.replace(module, items=tuple(dataclasses.replace(i, built=False) for i in module.items))
        unbuilt.append(module)
    monkeypatch.setattr(catalog, "MODULES", tuple(unbuilt))
    modules = {m["key"]: m for m in api.as_user(merchant_admin).get("/me").json()["catalog"]}
    items = {i["key"]: i for i in modules["customs"]["items"]}
    assert items["batches"]["enabled"]
    assert all(item["available"] for item in items.values())
    assert modules["showroom"]["available"] is False
    assert modules["showroom"]["disabled_reason"] == "即将上线"
    showroom = {i["key"]: i for i in modules["showroom"]["items"]}
    assert not any(item["available"] for item in showroom.values())
    assert {item["disabled_reason"] for item in showroom.values()} == {"即将上线"}


def test_a_member_holds_only_view_permissions(api, merchant_member):
    body = api.as_user(merchant_member).get("/me").json()
    assert body["permissions"]
    assert all(code.endswith(":view") for code in body["permissions"])
    assert body["roles"] == ["merchant_member"]


def test_an_admin_also_holds_edit_permissions(api, merchant_admin):
    permissions = api.as_user(merchant_admin).get("/me").json()["permissions"]
    assert "customs:batches:edit" in permissions
    assert "customs:batches:view" in permissions


def test_switching_merchant_is_one_call(api, merchant_admin):
    second = Merchant.objects.create(name="东海二号店")
    Membership.objects.create(user=merchant_admin, merchant=second, role=MemberRole.MEMBER)
    client = api.as_user(merchant_admin)
    body = client.post("/me/switch-merchant", {"merchant_id": second.pk}).json()
    assert body["merchant"]["name"] == "东海二号店"
    assert body["roles"] == ["merchant_member"]
    assert client.get("/me").json()["merchant"]["id"] == second.pk


def test_a_user_cannot_switch_to_a_merchant_they_do_not_belong_to(api, merchant_admin, other_merchant_user):
    foreign = other_merchant_user.current_merchant
    response = api.as_user(merchant_admin).post("/me/switch-merchant", {"merchant_id": foreign.pk})
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    merchant_admin.refresh_from_db()
    assert merchant_admin.current_merchant.name == "东海晶莹水晶"


def test_a_superadmin_gets_the_back_office_menu_from_the_catalog(api, superadmin):
    body = api.as_user(superadmin).get("/me").json()
    assert [m["title"] for m in body["admin_catalog"]] == [m.title for m in catalog.ADMIN_MODULES]
    assert body["merchant"] is None
    assert body["user"]["is_staff"] is True
