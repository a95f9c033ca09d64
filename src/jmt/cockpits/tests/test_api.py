"""The cockpit endpoints: who may open them, data scope, the merchant filter, the period, the report."""

from __future__ import annotations

import datetime as dt
import io
from functools import partial
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from conftest import make_role, make_staff, queries_of
from jmt.accounts.models import User
from jmt.cockpits import facts, selectors
from jmt.cockpits.tests import builders as b
from jmt.core.auth import Actor
from jmt.downloads.models import Download
from jmt.downloads.tests.helpers import ask_export, export_file
from jmt.merchants.models import Merchant
from jmt.rbac.models import DataScope

PERIOD = {"start": "2026-03-01", "end": "2026-03-31"}


@pytest.fixture
def analyst(db: None) -> User:
    role = make_role(
        "数据分析",
        ["dashboards:overview:view", "dashboards:overview:export", "dashboards:service:view"],
        data_scope="all_read",
    )
    return make_staff("fenxi", roles=[role], name="赵分析")


@pytest.fixture
def two_merchants(crystal_merchant: Merchant) -> tuple[Merchant, Merchant]:
    other = Merchant.objects.create(name="连云港某水晶店", registration_status="approved")
    b.event(crystal_merchant, "registration", "approved", b.at("2026-03-05"))
    b.event(other, "registration", "rejected", b.at("2026-03-05"), comment="材料不全")
    b.inventory(crystal_merchant, b.at("2026-03-03"), country="502")
    b.inventory(other, b.at("2026-03-04"), country="116", gcode="7103992000")
    facts.rebuild()
    return crystal_merchant, other


def indicator(body: dict, key: str) -> dict:
    return next(row for row in body["indicators"] if row["key"] == key)


def test_service_cockpit_shows_every_indicator_with_its_trend(api, analyst, two_merchants) -> None:
    response = api.as_user(analyst).get("/admin/cockpits/service", **PERIOD)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["start"], body["previous_start"], body["live"]) == ("2026-03-01", "2026-01-29", False)
    assert indicator(body, "registration_pass_rate")["value"] == 50.0
    tickets = indicator(body, "ticket_hours")
    assert (tickets["available"], tickets["value"], tickets["note"]) == (False, None, "暂无数据来源 · 工单")


def test_merchant_filter_counts_one_merchant_live(api, analyst, two_merchants) -> None:
    crystal, _ = two_merchants
    body = api.as_user(analyst).get("/admin/cockpits/service", merchant_id=crystal.pk, **PERIOD).json()
    assert body["live"] is True
    assert indicator(body, "registration_pass_rate")["value"] == 100.0


def test_overview_sums_destinations_and_hot_products(api, analyst, two_merchants) -> None:
    body = api.as_user(analyst).get("/admin/cockpits/overview", **PERIOD).json()
    assert {(row["name"], row["orders"]) for row in body["destinations"]} == {("美国", 1), ("日本", 1)}
    by_quantity = body["products"]["by_quantity"]
    assert {row["hs"] for row in by_quantity} == {"7116200000", "7103992000"}
    assert body["products"]["by_value"][0]["currency"] == "美元"
    assert body["figures"]["merchants_total"] == 2
    assert len(body["orders_by_day"]) == 31


def test_a_staff_member_limited_to_one_merchant_sees_only_its_figures(two_merchants) -> None:
    """A role whose data scope reaches one merchant (本商户, acting for it) counts only that merchant."""
    crystal, other = two_merchants
    code = selectors.SERVICE_VIEW
    actor = Actor(
        user=None,
        merchant=crystal,
        role=None,
        permissions=frozenset({code, selectors.OVERVIEW_VIEW}),
        scopes={
            code: frozenset({DataScope.OWN_MERCHANT}),
            selectors.OVERVIEW_VIEW: frozenset({DataScope.OWN_MERCHANT}),
        },
    )
    window: dict[str, Any] = {"start": dt.date(2026, 3, 1), "end": dt.date(2026, 3, 31), "merchant_id": None}
    service = selectors.service_for(actor, **window)
    assert service["live"] is True
    assert indicator(service, "registration_pass_rate")["value"] == 100.0
    overview = selectors.overview_for(actor, **window)
    assert [row["name"] for row in overview["destinations"]] == ["美国"]
    assert overview["figures"]["merchants_total"] == 1
    assert selectors.merchant_options(actor, code, "") == [{"id": crystal.pk, "name": crystal.name}]
    with pytest.raises(Exception, match="COCKPITS_MERCHANT_NOT_FOUND"):
        selectors.service_for(actor, **{**window, "merchant_id": other.pk})


def test_a_back_office_role_of_no_merchant_sees_nothing(api, two_merchants) -> None:
    role = make_role("只看本商户", ["dashboards:service:view"], data_scope="own_merchant")
    staff = make_staff("benshanghu", roles=[role])
    body = api.as_user(staff).get("/admin/cockpits/service", **PERIOD).json()
    assert indicator(body, "registration_pass_rate")["value"] is None


def test_merchant_filter_of_an_unknown_merchant_is_not_found(api, analyst, db) -> None:
    response = api.as_user(analyst).get("/admin/cockpits/service", merchant_id=999999, **PERIOD)
    assert response.status_code == 404
    assert response.json()["code"] == "COCKPITS_MERCHANT_NOT_FOUND"


def test_a_reversed_or_too_long_period_is_refused_in_chinese(api, analyst) -> None:
    reversed_period = api.as_user(analyst).get("/admin/cockpits/overview", start="2026-03-31", end="2026-03-01")
    too_long = api.as_user(analyst).get("/admin/cockpits/overview", start="2024-01-01", end="2026-03-01")
    for response in (reversed_period, too_long):
        assert response.status_code == 422
        assert response.json()["message"].startswith("统计期间有误")


def test_merchant_users_and_staff_without_the_code_are_refused(api, merchant_admin, customer_service) -> None:
    for path in ("/admin/cockpits/overview", "/admin/cockpits/service"):
        assert api.as_user(merchant_admin).get(path).status_code == 404  # the back office is hidden
        assert api.as_user(customer_service).get(path).status_code == 403
    assert api.as_user(merchant_admin).post("/admin/cockpits/report").status_code == 404
    assert api.as_user(customer_service).post("/admin/cockpits/report").status_code == 403


def test_viewing_without_the_export_code_cannot_download_the_report(api, db) -> None:
    role = make_role("只看驾驶舱", ["dashboards:overview:view"])
    staff = make_staff("zhikan", roles=[role])
    assert api.as_user(staff).get("/admin/cockpits/overview").status_code == 200
    assert api.as_user(staff).post("/admin/cockpits/report").status_code == 403


def test_report_filters_by_country_and_product(api, analyst, two_merchants) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(export_file(api.as_user(analyst), "/admin/cockpits/report", country="116", **PERIOD))
    )
    assert book.sheetnames == ["说明", "按日期", "按目的国", "按商品", "按商户"]
    countries = [row for row in book["按目的国"].iter_rows(min_row=2, values_only=True)]
    assert countries == [("日本", "美元", 1, 2, 51)]
    products = [row[:2] for row in book["按商品"].iter_rows(min_row=2, values_only=True)]
    assert products == [("7103992000", "经加工的水晶（散珠、刻面）")]
    assert [row[0] for row in book["按商户"].iter_rows(min_row=2, values_only=True)] == ["连云港某水晶店"]
    by_hs = export_file(api.as_user(analyst), "/admin/cockpits/report", hs="7116", **PERIOD)
    merchants = [
        row[0] for row in openpyxl.load_workbook(io.BytesIO(by_hs))["按商户"].iter_rows(min_row=2, values_only=True)
    ]
    assert merchants == ["东海晶莹水晶"]


def test_a_report_with_a_bad_period_is_refused_before_anything_is_queued(api, analyst, two_merchants) -> None:
    response = ask_export(api.as_user(analyst), "/admin/cockpits/report", start="2026-03-31", end="2026-03-01")
    assert response.status_code == 422
    assert response.json()["message"].startswith("统计期间有误")
    assert not Download.objects.exists()


def test_a_report_goes_to_the_download_center_as_a_queued_task(api, analyst, two_merchants) -> None:
    response = ask_export(api.as_user(analyst), "/admin/cockpits/report", **PERIOD)
    assert response.status_code == 202
    assert (response.json()["status"], response.json()["title"]) == ("queued", "综合数据报表")


def _march(merchant: Merchant, day: int) -> None:
    """One more order, a delivered shipment of a new carrier and a completed settlement on 2026-03-<day>."""
    b.inventory(merchant, b.at(f"2026-03-{day:02d}"), country="116")
    b.shipment(
        merchant,
        b.carrier(f"渠道 {day}"),
        created=b.at(f"2026-03-{day:02d}"),
        picked_up=b.at(f"2026-03-{day:02d}"),
        delivered=b.at(f"2026-03-{day + 3:02d}"),
        promised_days=5,
    )
    b.settlement(merchant, "completed", b.at(f"2026-03-{day:02d}"))


def test_the_cockpits_cost_the_same_queries_however_many_records_and_carriers(api, analyst, two_merchants) -> None:
    crystal, _ = two_merchants
    staff = api.as_user(analyst)
    _march(crystal, 10)
    facts.rebuild()

    def reads() -> list[int]:
        return [
            queries_of(partial(staff.get, f"/admin/cockpits/{cockpit}", **PERIOD, **merchant))
            for cockpit in ("overview", "service")
            for merchant in ({}, {"merchant_id": crystal.pk})  # the aggregates, then live on one merchant
        ]

    few = reads()
    for day in range(11, 21):
        _march(crystal, day)
    facts.rebuild()
    assert reads() == few
