"""Each A4 indicator's definition on fixed records: March 2026 against the 31 days before it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from jmt.cockpits import facts
from jmt.cockpits.facts import Window
from jmt.cockpits.indicators import BY_KEY, INDICATORS
from jmt.cockpits.tests import builders as b
from jmt.merchants.models import Merchant, RegistrationStatus

MARCH = Window(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
FEBRUARY = "2026-02-10"  # inside MARCH.previous() (2026-01-29 … 2026-02-28)


@pytest.fixture
def merchant(db: None) -> Merchant:
    return Merchant.objects.create(name="东海晶莹水晶", registration_status=RegistrationStatus.APPROVED)


def value(key: str, merchant_ids: facts.MerchantIds = None) -> dict[str, Any]:
    return BY_KEY[key].evaluate(MARCH, merchant_ids)


def test_window_previous_is_the_equal_length_just_before() -> None:
    assert MARCH.previous() == Window(dt.date(2026, 1, 29), dt.date(2026, 2, 28))


def test_registration_pass_rate_is_approved_over_decided_in_the_period(merchant: Merchant) -> None:
    for state in ("approved", "approved", "approved", "rejected"):
        b.event(
            merchant, "registration", state, b.at("2026-03-05"), comment="营业执照模糊" if state == "rejected" else ""
        )
    b.event(merchant, "registration", "approved", b.at(FEBRUARY))
    b.event(merchant, "registration", "approved", b.at("2026-04-01", 1))  # after the period: not counted
    b.event(merchant, "registration", "onsite", b.at("2026-03-06"))  # not a decision
    facts.rebuild()
    out = value("registration_pass_rate")
    assert (out["value"], out["previous"], out["change"]) == (75.0, 100.0, -25.0)
    assert out["basis"] == "核准 3 次 / 决定 4 次"
    assert "期间内工商注册核准次数 ÷ 期间内审核决定次数" in out["definition"]


def test_rejection_reasons_are_counted_per_reason(merchant: Merchant) -> None:
    for reason in ("营业执照模糊", "营业执照模糊", "法人身份证过期"):
        b.event(merchant, "registration", "rejected", b.at("2026-03-09"), comment=reason)
    facts.rebuild()
    out = value("rejection_reasons")
    assert out["value"] == 3.0
    assert out["breakdown"] == [{"label": "营业执照模糊", "value": 2}, {"label": "法人身份证过期", "value": 1}]


def test_clearance_hours_and_inspection_rate_come_from_release_receipts(merchant: Merchant) -> None:
    quick = b.inventory(merchant, b.at("2026-03-02", 8))
    b.receipt(quick, "800", b.at("2026-03-02", 18))  # 10 hours
    slow = b.inventory(merchant, b.at("2026-03-03", 8))
    b.receipt(slow, "500", b.at("2026-03-03", 12))  # 查验
    b.receipt(slow, "800", b.at("2026-03-04", 4))  # 20 hours
    waiting = b.inventory(merchant, b.at("2026-03-05", 8))
    b.receipt(waiting, "120", b.at("2026-03-05", 9))  # not released: not counted
    facts.rebuild()
    assert value("average_clearance_hours")["value"] == 15.0
    inspection = value("inspection_rate")
    assert (inspection["value"], inspection["basis"]) == (50.0, "曾被查验 1 票 / 放行 2 票")
    assert inspection["previous"] is None  # nothing released before
    assert inspection["change"] is None


def test_refund_cycles_and_first_pass_rate(merchant: Merchant) -> None:
    first = b.claim(merchant, submitted=b.at("2026-02-20"), received_on=dt.date(2026, 3, 12))
    b.event(merchant, "refund", "refunding", b.at("2026-03-02"), object_id=first.pk)
    second = b.claim(merchant, submitted=b.at("2026-03-01"), received_on=dt.date(2026, 3, 21))
    b.event(merchant, "refund", "rejected", b.at("2026-03-03"), object_id=second.pk)
    b.event(merchant, "refund", "refunding", b.at("2026-03-11"), object_id=second.pk)
    b.claim(merchant, submitted=b.at("2026-03-01"), received_on=None, state="reviewing")  # not received
    facts.rebuild()
    assert value("average_refund_days")["value"] == 20.0  # (20 + 20) / 2
    assert value("refund_arrival_days")["value"] == 10.0  # (10 + 10) / 2
    first_pass = value("first_pass_rate")
    assert (first_pass["value"], first_pass["basis"]) == (50.0, "一次通过 1 次 / 审核通过 2 次")


def test_fx_failure_rate_is_rejected_over_decided_settlements(merchant: Merchant) -> None:
    for state in ("completed", "completed", "completed", "rejected"):
        b.settlement(merchant, state, b.at("2026-03-15"))
    b.settlement(merchant, "pending", b.at("2026-03-15"))
    facts.rebuild()
    assert value("fx_failure_rate")["value"] == 25.0


def test_fx_volatility_is_the_swing_over_the_mean_per_currency(db: None) -> None:
    for middle, day in (("7.0", "2026-03-02"), ("7.2", "2026-03-10"), ("7.1", "2026-03-20")):
        b.rate("USD", middle, day)
    b.rate("EUR", "7.8", "2026-03-02")
    out = value("fx_volatility")
    assert out["value"] == 2.8  # 0.2 / 7.1
    assert out["breakdown"] == [{"label": "EUR", "value": 0.0}, {"label": "USD", "value": 2.8}]


def test_logistics_on_time_rate_per_carrier(merchant: Merchant) -> None:
    sf = b.carrier("顺丰国际")
    start = b.at("2026-03-01")
    b.shipment(merchant, sf, created=start, promised_days=5, picked_up=start, delivered=b.at("2026-03-05"))
    b.shipment(merchant, sf, created=start, promised_days=5, delivered=b.at("2026-03-06"))  # exactly 5 days
    b.shipment(merchant, sf, created=start, promised_days=5, picked_up=start, delivered=b.at("2026-03-09"))  # late
    b.shipment(merchant, sf, created=start, delivered=b.at("2026-03-04"))  # no promise: not measured
    facts.rebuild()
    out = value("logistics_on_time_rate")
    assert (out["value"], out["basis"]) == (66.7, "准时 2 票 / 有承诺时效的签收 3 票")
    assert out["breakdown"] == [{"label": "顺丰国际", "value": 66.7}]


def test_logistics_cost_share_converts_order_value_at_the_latest_rate(merchant: Merchant) -> None:
    sf = b.carrier()
    b.shipment(merchant, sf, created=b.at("2026-03-03"), amount="100.00")
    b.inventory(merchant, b.at("2026-03-03"), goods_value=Decimal("50.00"))  # USD (502)
    b.rate("USD", "7.0", "2026-03-31")
    facts.rebuild()
    out = value("logistics_cost_share")
    assert out["value"] == 28.6  # 100 / (50 × 7.0)
    assert out["basis"] == "运费 100.00 元 / 订单货值折合 350.00 元"


def test_cost_share_names_a_currency_without_a_rate(merchant: Merchant) -> None:
    b.shipment(merchant, b.carrier(), created=b.at("2026-03-03"), amount="10.00")
    b.inventory(merchant, b.at("2026-03-03"), goods_value=Decimal("50.00"))
    facts.rebuild()
    out = value("logistics_cost_share")
    assert out["value"] is None
    assert "美元无汇率，未计入" in out["basis"]


def test_document_compliance_and_data_completeness_of_merchants_approved_in_the_period(db: None) -> None:
    b.approved_merchant("全齐", b.at("2026-03-02"), documents=True, profile=True)
    b.approved_merchant("缺单证", b.at("2026-03-02"), documents=False, profile=True)
    b.approved_merchant("都缺", b.at("2026-03-02"), documents=False, profile=False)
    b.approved_merchant("上期", b.at(FEBRUARY), documents=True, profile=True)
    facts.rebuild()
    compliance, completeness = value("document_compliance_rate"), value("data_completeness_rate")
    assert (compliance["value"], compliance["previous"]) == (33.3, 100.0)
    assert completeness["value"] == 66.7


def test_positive_rating_rate_is_four_stars_and_up_over_all_ratings_in_the_period(merchant: Merchant) -> None:
    from jmt.ratings.models import Rating

    def rate(object_id: int, stars: int, day: str) -> None:
        Rating.objects.create(
            merchant=merchant,
            kind="shipment",
            object_id=object_id,
            subject_title="运单",
            stars=stars,
            created_at=b.at(day),
        )

    for object_id, stars in enumerate((5, 4, 3, 1), start=1):
        rate(object_id, stars, "2026-03-10")
    rate(5, 5, FEBRUARY)
    rate(6, 5, "2026-04-01")  # after the period
    out = value("positive_rating_rate")
    assert (out["available"], out["value"], out["previous"], out["change"]) == (True, 50.0, 100.0, -50.0)
    assert out["basis"] == "4 星及以上 2 条 / 评价 4 条"
    assert value("positive_rating_rate", frozenset({merchant.pk + 1}))["value"] is None


@pytest.mark.parametrize(("key", "module"), [("ticket_hours", "工单")])
def test_an_indicator_without_a_source_says_so_and_never_shows_a_number(db: None, key: str, module: str) -> None:
    out = value(key)
    assert out["available"] is False
    assert out["note"] == f"暂无数据来源 · {module}"
    assert (out["value"], out["previous"], out["change"]) == (None, None, None)


def test_every_indicator_the_spec_lists_is_registered_with_a_definition() -> None:
    names = [indicator.name for indicator in INDICATORS]
    assert names == [
        "注册通过率",
        "驳回原因分布",
        "平均通关时长",
        "查验率",
        "平均退税周期",
        "一次通过率",
        "退税到账周期",
        "物流准时率",
        "成本占比",
        "结汇失败率",
        "多币种波动",
        "单证合规率",
        "数据完整率",
        "好评率",
        "工单处理时长",
    ]
    assert all(f"{indicator.name} = " in indicator.definition for indicator in INDICATORS)


def test_live_figures_for_some_merchants_equal_the_aggregates_for_all(merchant: Merchant) -> None:
    """The aggregate path (every merchant) and the live path (a merchant list) sum the same queries."""
    b.event(merchant, "registration", "approved", b.at("2026-03-05"))
    b.event(merchant, "registration", "rejected", b.at("2026-03-06"), comment="材料不全")
    released = b.inventory(merchant, b.at("2026-03-02", 8))
    b.receipt(released, "800", b.at("2026-03-02", 20))
    b.settlement(merchant, "completed", b.at("2026-03-15"))
    sf = b.carrier()
    b.shipment(merchant, sf, created=b.at("2026-03-01"), promised_days=3, delivered=b.at("2026-03-03"))
    facts.rebuild()
    everyone = frozenset(Merchant.objects.values_list("pk", flat=True))
    for indicator in INDICATORS:
        assert indicator.evaluate(MARCH, None) == indicator.evaluate(MARCH, everyone), indicator.key


def test_a_merchant_list_counts_only_those_merchants(merchant: Merchant) -> None:
    other = Merchant.objects.create(name="连云港某水晶店")
    b.event(merchant, "registration", "approved", b.at("2026-03-05"))
    b.event(other, "registration", "rejected", b.at("2026-03-05"), comment="材料不全")
    assert value("registration_pass_rate", frozenset({merchant.pk}))["value"] == 100.0
    assert value("registration_pass_rate", frozenset({other.pk}))["value"] == 0.0
    assert value("registration_pass_rate", frozenset())["value"] is None
