"""``GET /search`` and ``GET /admin/search``: the catalog, business records, merchants, and who sees what."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from conftest import Api, make_merchant_user, make_role, make_staff
from jmt.accounts.models import User
from jmt.core import catalog
from jmt.core.catalog import Surface
from jmt.customs.tests.factories import make_batch, make_shipment, make_summary
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.registration.models import Application
from jmt.search import registry
from jmt.search.registry import Hit, Provider

pytestmark = pytest.mark.django_db


def _search(api: Api, user: User, q: str, path: str = "/search") -> dict[str, Any]:
    response = api.as_user(user).get(path, q=q)
    assert response.status_code == 200, response.content
    return response.json()


def _group(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return next((g["hits"] for g in body["groups"] if g["key"] == key), [])


def _titles(body: dict[str, Any], key: str) -> list[str]:
    return [h["title"] for h in _group(body, key)]


# --- the catalog -------------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["gszc", "gongshang", "工商"])
def test_pinyin_initials_full_pinyin_and_chinese_find_the_registration_module(
    api: Api, merchant_admin: User, q: str
) -> None:
    hits = _group(_search(api, merchant_admin, q), "catalog.merchant")
    assert hits[0]["title"] == "工商注册"
    assert hits[0]["highlights"]


def test_a_module_hit_lists_all_its_items(api: Api, merchant_admin: User) -> None:
    module = _group(_search(api, merchant_admin, "tuishui"), "catalog.merchant")[0]
    assert module["title"] == "出口退税"
    assert [c["title"] for c in module["children"]] == ["出口退税申报", "退税进度图", "退税状态通知"]


def test_wl_finds_cross_border_logistics(api: Api, merchant_admin: User) -> None:
    assert "跨境物流" in _titles(_search(api, merchant_admin, "wl"), "catalog.merchant")


def test_an_item_hit_shows_itself_under_its_module(api: Api, merchant_admin: User) -> None:
    module = _group(_search(api, merchant_admin, "汇总申请"), "catalog.merchant")[0]
    assert module["title"] == "出口报关"
    assert module["highlights"] == []
    assert [c["title"] for c in module["children"]] == ["汇总申请单报送"]
    assert module["children"][0]["highlights"] == [[0, 4]]


def test_an_unbuilt_module_is_found_but_marked_coming_soon(
    api: Api, merchant_admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    unbuilt = [
        dataclasses.replace(m, items=tuple(dataclasses.replace(i, built=False) for i in m.items))
        if m.key == "fx"
        else m
        for m in catalog.MODULES
    ]
    monkeypatch.setattr(catalog, "MODULES", tuple(unbuilt))
    module = _group(_search(api, merchant_admin, "结汇"), "catalog.merchant")[0]
    assert module["enabled"] is False
    assert module["disabled_reason"] == "即将上线"


def test_a_typo_still_finds_the_module(api: Api, merchant_admin: User) -> None:
    assert "工商注册" in _titles(_search(api, merchant_admin, "工商注测"), "catalog.merchant")


def test_an_empty_query_answers_no_groups(api: Api, merchant_admin: User) -> None:
    assert _search(api, merchant_admin, "  ")["groups"] == []


def test_a_query_longer_than_64_characters_is_refused(api: Api, merchant_admin: User) -> None:
    response = api.as_user(merchant_admin).get("/search", q="x" * 65)
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_searching_needs_a_signed_in_user(api: Api) -> None:
    assert api.get("/search", q="gszc").status_code == 401


# --- customs records ---------------------------------------------------------------------------------


@pytest.fixture
def shipment(crystal_merchant: Merchant) -> Any:
    return make_shipment(make_batch(crystal_merchant), order_no="DH20261205777")


def test_a_merchant_finds_its_order_by_a_part_of_the_order_number(
    api: Api, merchant_admin: User, shipment: Any
) -> None:
    hits = _group(_search(api, merchant_admin, "1205777"), "customs.records")
    order, _logistics, _inventory = shipment
    assert hits[0]["title"] == "DH20261205777"
    assert hits[0]["highlights"] == [[6, 13]]
    assert hits[0]["mobile_route"] == f"/customs/orders/{order.pk}"


def test_a_merchant_finds_an_order_by_its_inventory_number(api: Api, merchant_admin: User, shipment: Any) -> None:
    _order, _logistics, inventory = shipment
    inventory.invt_no = "23052026I000123456"
    inventory.save(update_fields=["invt_no"])
    hit = _group(_search(api, merchant_admin, "I000123"), "customs.records")[0]
    assert hit["title"] == "23052026I000123456"
    assert hit["subtitle"].startswith("清单编号")


def test_a_merchant_finds_an_order_by_its_waybill_number(api: Api, merchant_admin: User, shipment: Any) -> None:
    _order, _logistics, inventory = shipment
    hit = _group(_search(api, merchant_admin, inventory.logistics_no[-6:]), "customs.records")[0]
    assert hit["title"] == inventory.logistics_no
    assert hit["subtitle"].startswith("运单号")


def test_a_merchant_finds_a_summary_by_its_declaration_number(
    api: Api, merchant_admin: User, crystal_merchant: Merchant
) -> None:
    summary = make_summary(make_batch(crystal_merchant), [], entry_id="230520261000012345")
    hit = _group(_search(api, merchant_admin, "1000012345"), "customs.records")[0]
    assert hit["subtitle"].startswith("报关单号")
    assert hit["route"] == f"/customs/summaries?id={summary.pk}"


def test_a_merchant_never_finds_another_merchants_orders(api: Api, shipment: Any) -> None:
    neighbour = Merchant.objects.create(name="另一家水晶", registration_status=RegistrationStatus.APPROVED)
    stranger = make_merchant_user("13900000077", neighbour, MemberRole.ADMIN)
    assert _group(_search(api, stranger, "DH20261205777"), "customs.records") == []


def test_a_member_finds_its_merchants_orders_too(api: Api, merchant_member: User, shipment: Any) -> None:
    assert _titles(_search(api, merchant_member, "1205777"), "customs.records") == ["DH20261205777"]


def test_two_characters_do_not_search_records(api: Api, merchant_admin: User, shipment: Any) -> None:
    assert _group(_search(api, merchant_admin, "DH"), "customs.records") == []


# --- registration applications -----------------------------------------------------------------------


@pytest.fixture
def application(crystal_merchant: Merchant, merchant_admin: User) -> Application:
    return Application.objects.create(
        merchant=crystal_merchant, kind="new_company", title="东海晶莹水晶有限公司", created_by=merchant_admin
    )


def test_a_merchant_finds_its_application_by_number(api: Api, merchant_admin: User, application: Application) -> None:
    hit = _group(_search(api, merchant_admin, f"GS{application.pk:06d}"), "registration.applications")[0]
    assert hit["subtitle"].startswith(f"GS{application.pk:06d}")
    assert hit["subtitle_highlights"] == [[0, 8]]


def test_another_merchant_does_not_find_the_application(
    api: Api, other_merchant_user: User, application: Application
) -> None:
    assert _group(_search(api, other_merchant_user, "晶莹水晶有限"), "registration.applications") == []


# --- back office -------------------------------------------------------------------------------------


def test_staff_find_a_merchant_by_skipping_initials(api: Api, superadmin: User, crystal_merchant: Merchant) -> None:
    hit = _group(_search(api, superadmin, "dhsj", "/admin/search"), "merchants.merchants")[0]
    assert hit["title"] == "东海晶莹水晶"
    assert hit["highlights"] == [[0, 2], [4, 6]]


def test_staff_find_a_merchant_by_its_creators_phone(api: Api, superadmin: User, merchant_admin: User) -> None:
    hit = _group(_search(api, superadmin, "00000001", "/admin/search"), "merchants.merchants")[0]
    assert hit["title"] == "东海晶莹水晶"
    assert "13800000001" in hit["subtitle"]
    assert hit["subtitle_highlights"]


def test_a_renamed_merchant_is_found_by_its_new_pinyin(api: Api, superadmin: User, crystal_merchant: Merchant) -> None:
    _search(api, superadmin, "dhjy", "/admin/search")
    crystal_merchant.name = "连云港晶贸"
    crystal_merchant.save(update_fields=["name"])
    body = _search(api, superadmin, "lygjm", "/admin/search")
    assert _titles(body, "merchants.merchants") == ["连云港晶贸"]
    assert _group(_search(api, superadmin, "dhjy", "/admin/search"), "merchants.merchants") == []


def test_staff_see_orders_of_every_merchant_with_an_all_merchants_scope(
    api: Api, superadmin: User, shipment: Any
) -> None:
    hit = _group(_search(api, superadmin, "1205777", "/admin/search"), "customs.records.admin")[0]
    assert hit["subtitle"].endswith("东海晶莹水晶")


def test_staff_whose_role_reaches_no_merchant_find_no_merchants_or_orders(
    api: Api, crystal_merchant: Merchant, shipment: Any
) -> None:
    role = make_role("本商户范围", ["merchants:list:view", "operations:customs:view"], data_scope="own_merchant")
    staff = make_staff("narrow", roles=[role])
    body = _search(api, staff, "1205777", "/admin/search")
    assert _group(body, "customs.records.admin") == []
    assert _group(_search(api, staff, "dhjy", "/admin/search"), "merchants.merchants") == []


def test_staff_without_the_merchant_list_find_no_merchants(api: Api, crystal_merchant: Merchant) -> None:
    staff = make_staff("logs-only", roles=[make_role("日志", ["system:logs:view"])])
    body = _search(api, staff, "dhjy", "/admin/search")
    assert _group(body, "merchants.merchants") == []


def test_the_back_office_search_does_not_exist_for_merchant_users(api: Api, merchant_admin: User) -> None:
    response = api.as_user(merchant_admin).get("/admin/search", q="dhjy")
    assert response.status_code == 404


def test_the_back_office_catalog_lists_only_permitted_items(api: Api, superadmin: User) -> None:
    module = _group(_search(api, superadmin, "日志", "/admin/search"), "catalog.admin")[0]
    assert module["title"] == "系统管理"
    assert [c["title"] for c in module["children"]] == ["日志管理"]


# --- the registry ------------------------------------------------------------------------------------


def test_a_module_plugs_in_its_own_provider(api: Api, merchant_admin: User) -> None:
    def shipments(*, actor: Any, query: registry.Query) -> list[Hit]:
        return [Hit(title="SF1234567890", route="/logistics/shipments?id=1", spans=((2, 6),))]

    registry.register(Provider("logistics.test", "物流运单", Surface.MERCHANT, shipments, order=40))
    try:
        body = _search(api, merchant_admin, "1234")
    finally:
        registry._providers.pop("logistics.test")
    assert _titles(body, "logistics.test") == ["SF1234567890"]
