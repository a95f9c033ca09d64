"""The six later modules' records in the global search: 跨境申报, 出口退税, 收结汇, 跨境物流, 交易平台, 培训.

For each: a hit, its highlight, and isolation (another merchant never finds the record; back-office
staff outside the data scope never do; in scope they see the merchant's name).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from conftest import Api, make_merchant_user, make_role, make_staff, queries_of
from jmt.accounts.models import User
from jmt.filings.models import Filing
from jmt.fx.models import Account, Settlement
from jmt.logistics.models import Shipment
from jmt.logistics.seed import seed_carriers
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.refunds.models import Claim, ClaimDeclaration
from jmt.showroom.models import Category
from jmt.showroom.tests.conftest import listed_product
from jmt.training.models import Course, Lesson

pytestmark = pytest.mark.django_db


def _search(api: Api, user: User, q: str, path: str = "/search") -> dict[str, Any]:
    response = api.as_user(user).get(path, q=q)
    assert response.status_code == 200, response.content
    return response.json()


def _group(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return next((g["hits"] for g in body["groups"] if g["key"] == key), [])


@pytest.fixture
def neighbour(db: None) -> User:
    """The admin of another approved merchant, every module open to it too."""
    merchant = Merchant.objects.create(name="连云港晶华水晶", registration_status=RegistrationStatus.APPROVED)
    return make_merchant_user("13900000077", merchant, MemberRole.ADMIN)


def _staff(codes: list[str], scope: str) -> User:
    return make_staff(f"staff-{scope}", roles=[make_role(f"角色 {scope}", codes, data_scope=scope)])


def _admin_search(api: Api, user: User, q: str) -> dict[str, Any]:
    return _search(api, user, q, "/admin/search")


# --- 跨境申报 -----------------------------------------------------------------------------------------


@pytest.fixture
def filing(crystal_merchant: Merchant) -> Filing:
    return Filing.objects.create(merchant=crystal_merchant, filing_type="dxp-id", state="reviewing")


def test_a_merchant_finds_its_filing_by_the_type_name_in_pinyin_initials(
    api: Api, merchant_admin: User, filing: Filing
) -> None:
    hit = _group(_search(api, merchant_admin, "dxpidsq"), "filings.filings")[0]
    assert hit["title"] == "DXP ID 申请"
    assert hit["highlights"]
    assert hit["subtitle"] == f"SB{filing.pk:06d} · 捷晶审核"
    assert hit["route"] == "/filings/dxp-id"


def test_a_merchant_finds_its_filing_by_its_application_number(api: Api, merchant_admin: User, filing: Filing) -> None:
    hit = _group(_search(api, merchant_admin, f"SB{filing.pk:06d}"), "filings.filings")[0]
    assert hit["subtitle_highlights"] == [[0, 8]]


def test_another_merchant_never_finds_the_filing(api: Api, neighbour: User, filing: Filing) -> None:
    assert _group(_search(api, neighbour, "DXP ID"), "filings.filings") == []
    assert _group(_search(api, neighbour, f"SB{filing.pk:06d}"), "filings.filings") == []


def test_staff_find_the_filing_with_the_merchants_name_only_within_their_scope(
    api: Api, superadmin: User, filing: Filing
) -> None:
    hit = _group(_admin_search(api, superadmin, "DXP"), "filings.filings.admin")[0]
    assert hit["subtitle"].endswith("东海晶莹水晶")
    assert hit["route"] == f"/operations/filings?id={filing.pk}"
    narrow = _staff(["operations:filings:view"], "own_merchant")
    assert _group(_admin_search(api, narrow, "DXP"), "filings.filings.admin") == []


# --- 出口退税 -----------------------------------------------------------------------------------------


@pytest.fixture
def claim(crystal_merchant: Merchant) -> Claim:
    claim = Claim.objects.create(merchant=crystal_merchant, claim_no="TS20261200042", state="submitted")
    ClaimDeclaration.objects.create(
        claim=claim,
        merchant=crystal_merchant,
        source="manual",
        entry_id="230520261000099887",
        export_month=date(2026, 11, 1),
        amount=Decimal("1200"),
        currency="USD",
    )
    return claim


def test_a_merchant_finds_its_claim_by_the_claim_number(api: Api, merchant_admin: User, claim: Claim) -> None:
    hit = _group(_search(api, merchant_admin, "1200042"), "refunds.claims")[0]
    assert hit["title"] == "TS20261200042"
    assert hit["highlights"] == [[6, 13]]
    assert hit["route"] == f"/refunds/claims?id={claim.pk}"


def test_a_merchant_finds_its_claim_by_a_declaration_number_it_covers(
    api: Api, merchant_admin: User, claim: Claim
) -> None:
    hit = _group(_search(api, merchant_admin, "1000099887"), "refunds.claims")[0]
    assert hit["title"] == "230520261000099887"
    assert hit["highlights"] == [[8, 18]]
    assert hit["subtitle"].startswith("报关单号 · 退税申报 TS20261200042")


def test_claims_found_by_declaration_number_cost_the_same_queries_however_many_hit(
    api: Api, merchant_admin: User, crystal_merchant: Merchant, claim: Claim
) -> None:
    me = api.as_user(merchant_admin)
    few = queries_of(lambda: me.get("/search", q="20261000"))
    for index in range(4):
        other = Claim.objects.create(merchant=crystal_merchant, claim_no=f"TS2026120010{index}", state="submitted")
        ClaimDeclaration.objects.create(
            claim=other,
            merchant=crystal_merchant,
            source="manual",
            entry_id=f"2305202610000{index}0000",
            export_month=date(2026, 11, 1),
            amount=Decimal("300"),
            currency="USD",
        )
    many = queries_of(lambda: me.get("/search", q="20261000"))
    assert many == few
    hits = _group(_search(api, merchant_admin, "20261000"), "refunds.claims")
    assert [hit["title"] for hit in hits] == [f"2305202610000{i}0000" for i in (3, 2, 1, 0)] + ["230520261000099887"]


def test_another_merchant_never_finds_the_claim(api: Api, neighbour: User, claim: Claim) -> None:
    assert _group(_search(api, neighbour, "TS20261200042"), "refunds.claims") == []
    assert _group(_search(api, neighbour, "1000099887"), "refunds.claims") == []


def test_staff_find_the_claim_only_within_their_scope(api: Api, superadmin: User, claim: Claim) -> None:
    hit = _group(_admin_search(api, superadmin, "TS2026120"), "refunds.claims.admin")[0]
    assert hit["subtitle"].endswith("东海晶莹水晶")
    narrow = _staff(["operations:refunds:view"], "own_merchant")
    assert _group(_admin_search(api, narrow, "TS2026120"), "refunds.claims.admin") == []


# --- 收结汇 -------------------------------------------------------------------------------------------


@pytest.fixture
def settlement(crystal_merchant: Merchant) -> Settlement:
    account = Account.objects.create(merchant=crystal_merchant)
    return Settlement.objects.create(
        merchant=crystal_merchant,
        account=account,
        number="JH2026120500017",
        amount=Decimal("3500"),
        rate=Decimal("7.1"),
        settle_date=date(2026, 12, 5),
        bank_account="6217001370000012345",
        bank_name="中国建设银行东海支行",
        state="pending",
    )


def test_a_merchant_finds_its_settlement_request_by_number(
    api: Api, merchant_admin: User, settlement: Settlement
) -> None:
    hit = _group(_search(api, merchant_admin, "0500017"), "fx.settlements")[0]
    assert hit["title"] == "JH2026120500017"
    assert hit["highlights"] == [[8, 15]]
    assert hit["subtitle"] == "结汇申请 · $3,500.00 · 结汇中"
    assert hit["route"] == f"/fx/settlements?id={settlement.pk}"


def test_another_merchant_never_finds_the_settlement_request(api: Api, neighbour: User, settlement: Settlement) -> None:
    assert _group(_search(api, neighbour, "JH2026120500017"), "fx.settlements") == []


def test_staff_find_the_settlement_request_only_within_their_scope(
    api: Api, superadmin: User, settlement: Settlement
) -> None:
    hit = _group(_admin_search(api, superadmin, "JH20261205"), "fx.settlements.admin")[0]
    assert hit["subtitle"].endswith("东海晶莹水晶")
    narrow = _staff(["operations:fx:view"], "own_merchant")
    assert _group(_admin_search(api, narrow, "JH20261205"), "fx.settlements.admin") == []


# --- 跨境物流 -----------------------------------------------------------------------------------------


@pytest.fixture
def shipment(crystal_merchant: Merchant) -> Shipment:
    carrier = seed_carriers()[0]
    return Shipment.objects.create(
        merchant=crystal_merchant,
        carrier=carrier,
        number="JL26120500031",
        country="JP",
        amount=Decimal("180"),
        tracking_no="SF1400998877665",
        state="in_transit",
    )


def test_a_merchant_finds_its_shipment_by_the_platform_number(
    api: Api, merchant_admin: User, shipment: Shipment
) -> None:
    hit = _group(_search(api, merchant_admin, "jl2612"), "logistics.shipments")[0]
    assert hit["title"] == "JL26120500031"
    assert hit["highlights"] == [[0, 6]]
    assert hit["route"] == f"/logistics/shipments/{shipment.pk}"


def test_a_merchant_finds_its_shipment_by_the_carriers_waybill_number(
    api: Api, merchant_admin: User, shipment: Shipment
) -> None:
    hit = _group(_search(api, merchant_admin, "998877"), "logistics.shipments")[0]
    assert hit["title"] == "SF1400998877665"
    assert hit["highlights"] == [[6, 12]]
    assert "运单号 · 运单 JL26120500031" in hit["subtitle"]


def test_another_merchant_never_finds_the_shipment(api: Api, neighbour: User, shipment: Shipment) -> None:
    assert _group(_search(api, neighbour, "998877"), "logistics.shipments") == []
    assert _group(_search(api, neighbour, "JL26120500031"), "logistics.shipments") == []


def test_staff_find_the_shipment_only_within_their_scope(api: Api, superadmin: User, shipment: Shipment) -> None:
    hit = _group(_admin_search(api, superadmin, "998877"), "logistics.shipments.admin")[0]
    assert hit["subtitle"].endswith("东海晶莹水晶")
    narrow = _staff(["operations:logistics:view"], "own_merchant")
    assert _group(_admin_search(api, narrow, "998877"), "logistics.shipments.admin") == []


# --- 交易平台 -----------------------------------------------------------------------------------------


@pytest.fixture
def product(crystal_merchant: Merchant) -> Any:
    return listed_product(crystal_merchant, Category.objects.create(name="手串", position=0), "紫水晶手串")


@pytest.mark.parametrize(("q", "highlights"), [("紫水晶", [[0, 3]]), ("zishuijing", [[0, 3]]), ("zsjsc", [[0, 5]])])
def test_a_merchant_finds_its_product_by_chinese_full_pinyin_and_initials(
    api: Api, merchant_admin: User, product: Any, q: str, highlights: list[list[int]]
) -> None:
    hit = _group(_search(api, merchant_admin, q), "showroom.products")[0]
    assert hit["title"] == "紫水晶手串"
    assert hit["highlights"] == highlights
    assert hit["route"] == f"/showroom/products?id={product.pk}"
    assert hit["mobile_route"] == f"/showroom/products/{product.pk}"


def test_another_merchant_never_finds_the_product_among_its_own(api: Api, neighbour: User, product: Any) -> None:
    assert _group(_search(api, neighbour, "zsjsc"), "showroom.products") == []


def test_staff_find_the_product_only_within_their_scope(api: Api, superadmin: User, product: Any) -> None:
    hit = _group(_admin_search(api, superadmin, "zsj"), "showroom.products.admin")[0]
    assert hit["subtitle"].endswith("东海晶莹水晶")
    narrow = _staff(["content:showroom:view"], "own_merchant")
    assert _group(_admin_search(api, narrow, "zsj"), "showroom.products.admin") == []


# --- 培训 ---------------------------------------------------------------------------------------------


@pytest.fixture
def courses(db: None) -> dict[str, Any]:
    published = Course.objects.create(slug="refund-basics", library="industry", title="出口退税入门")
    lesson = Lesson.objects.create(course=published, slug="materials", title="退税要准备哪些材料")
    draft = Course.objects.create(slug="fx-draft", library="industry", title="退税进阶", is_published=False)
    return {"published": published, "lesson": lesson, "draft": draft}


def test_a_merchant_finds_a_course_and_a_lesson_by_pinyin(api: Api, merchant_admin: User, courses: Any) -> None:
    hits = _group(_search(api, merchant_admin, "tuishui"), "training.courses")
    assert [h["title"] for h in hits] == ["出口退税入门", "退税要准备哪些材料"]
    assert hits[0]["highlights"] == [[2, 4]]
    assert hits[1]["route"] == f"/training/courses/{courses['published'].pk}?lesson={courses['lesson'].pk}"


def test_a_merchant_never_finds_an_unpublished_course(api: Api, merchant_admin: User, courses: Any) -> None:
    assert "退税进阶" not in [h["title"] for h in _group(_search(api, merchant_admin, "退税"), "training.courses")]


def test_training_staff_find_unpublished_courses_marked_and_others_find_none(
    api: Api, superadmin: User, courses: Any
) -> None:
    hits = _group(_admin_search(api, superadmin, "退税进阶"), "training.courses.admin")
    assert hits[0]["subtitle"].endswith("未发布")
    other = _staff(["operations:fx:view"], "all_read")
    assert _group(_admin_search(api, other, "退税"), "training.courses.admin") == []
