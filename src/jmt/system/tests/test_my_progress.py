"""``GET /home/progress`` (我的进度, G10): each module's steps and next step, recent orders and counts,
for the current merchant only."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import Api, make_merchant_user
from jmt.accounts.models import User
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.filings.models import Filing
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.refunds.models import Claim

pytestmark = pytest.mark.django_db

ORDER_OF_MODULES = ["registration", "filings", "customs", "logistics", "refunds", "fx", "training"]


def _progress(api: Api, user: User) -> dict[str, Any]:
    response = api.as_user(user).get("/home/progress")
    assert response.status_code == 200, response.content
    return response.json()


def _card(body: dict[str, Any], key: str) -> dict[str, Any]:
    return next(m for m in body["modules"] if m["key"] == key)


def test_every_module_has_a_card_in_the_order_of_the_page(api: Api, merchant_admin: User) -> None:
    body = _progress(api, merchant_admin)
    assert [m["key"] for m in body["modules"]] == ORDER_OF_MODULES
    assert _card(body, "customs")["title"] == "出口报关（9610）"


def test_an_approved_merchant_has_registration_done_and_is_told_the_first_filing(
    api: Api, merchant_admin: User
) -> None:
    body = _progress(api, merchant_admin)
    registration = _card(body, "registration")
    assert registration["percent"] == 100
    filings = _card(body, "filings")
    assert filings["done"] == 0
    assert "海关企业注册登记" in filings["next"]
    assert filings["next_route"] == "/filings/customs-registration"


def test_a_completed_filing_counts_as_a_step_done(api: Api, merchant_admin: User, crystal_merchant: Merchant) -> None:
    Filing.objects.create(merchant=crystal_merchant, filing_type="customs-registration", state="completed")
    filings = _card(_progress(api, merchant_admin), "filings")
    assert filings["done"] == 1
    assert filings["steps"][0] == {"label": "海关企业注册登记", "done": True}
    assert filings["summary"] == f"已办结 1/{filings['total']} 项"


def test_a_merchant_not_yet_registered_sees_the_other_modules_closed_and_the_way_to_registration(
    api: Api, merchant_admin: User, crystal_merchant: Merchant
) -> None:
    crystal_merchant.registration_status = RegistrationStatus.NOT_STARTED
    crystal_merchant.save()
    body = _progress(api, merchant_admin)
    registration = _card(body, "registration")
    assert registration["enabled"] is True
    assert registration["next_route"] == "/registration/apply"
    refunds = _card(body, "refunds")
    assert refunds["enabled"] is False
    assert refunds["disabled_reason"] == "完成工商注册并核准通过后开放"
    assert refunds["next_route"] == "/registration/progress"
    assert refunds["steps"]
    assert not any(step["done"] for step in refunds["steps"])
    assert body["orders"] == {"enabled": False, "counts": None, "recent": []}


@pytest.fixture
def orders(crystal_merchant: Merchant) -> list[Any]:
    batch = make_batch(crystal_merchant)
    return [make_shipment(batch, order_no=f"DH2026120500{n}")[0] for n in range(1, 8)]


def test_recent_orders_are_the_five_newest_and_the_counts_cover_all(
    api: Api, merchant_admin: User, orders: list[Any]
) -> None:
    body = _progress(api, merchant_admin)
    assert body["orders"]["counts"]["total"] == 7
    recent = body["orders"]["recent"]
    assert [o["order_no"] for o in recent] == [f"DH2026120500{n}" for n in range(7, 2, -1)]
    assert recent[0]["route"] == f"/customs/orders/{orders[-1].pk}"
    assert recent[0]["status_label"]
    customs = _card(body, "customs")
    assert customs["steps"][:2] == [
        {"label": "点点通接口配置", "done": True},
        {"label": "导入并申报订单", "done": True},
    ]
    assert customs["summary"] == "订单 7 个"


def test_another_merchant_sees_none_of_the_orders_claims_or_filings(
    api: Api, crystal_merchant: Merchant, orders: list[Any]
) -> None:
    Claim.objects.create(merchant=crystal_merchant, claim_no="TS20261200042", state="received")
    Filing.objects.create(merchant=crystal_merchant, filing_type="customs-registration", state="completed")
    neighbour = Merchant.objects.create(name="连云港晶华水晶", registration_status=RegistrationStatus.APPROVED)
    stranger = make_merchant_user("13900000077", neighbour, MemberRole.ADMIN)
    body = _progress(api, stranger)
    assert body["orders"]["counts"]["total"] == 0
    assert body["orders"]["recent"] == []
    assert _card(body, "refunds")["done"] == 0
    assert _card(body, "filings")["done"] == 0
    assert _card(body, "customs")["summary"] == "订单 0 个"


def test_the_merchants_own_claim_moves_its_refund_steps(
    api: Api, merchant_admin: User, crystal_merchant: Merchant
) -> None:
    Claim.objects.create(merchant=crystal_merchant, claim_no="TS20261200042", state="reviewing")
    refunds = _card(_progress(api, merchant_admin), "refunds")
    assert [s["done"] for s in refunds["steps"]] == [True, True, True, False, False]
    assert refunds["next"] == "税务机关正在审核，通常 5–10 个工作日"


def test_without_published_courses_training_says_so_rather_than_all_done(api: Api, merchant_admin: User) -> None:
    training = _card(_progress(api, merchant_admin), "training")
    assert training["steps"] == []
    assert training["summary"] == "暂无课程"
    assert "全部课程已学完" not in training["next"]


def test_a_read_only_member_sees_the_merchants_progress_too(api: Api, merchant_member: User, orders: list[Any]) -> None:
    assert _progress(api, merchant_member)["orders"]["counts"]["total"] == 7


def test_a_back_office_account_acting_for_no_merchant_gets_404(api: Api, superadmin: User) -> None:
    assert api.as_user(superadmin).get("/home/progress").status_code == 404


def test_progress_needs_a_signed_in_user(api: Api) -> None:
    assert api.get("/home/progress").status_code == 401
