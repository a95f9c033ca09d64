"""The 综合服务 (A4) indicator registry: each indicator's name, definition, unit and how it is computed.

An indicator is computed over a :class:`~jmt.cockpits.facts.Window` of local days and the merchants the
viewer may see (``None``: every merchant), and compared with the window of equal length just before.
An indicator whose records do not exist on the platform has no ``compute``: it says 「暂无数据来源」 and
names the module that would feed it — never a number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jmt.cockpits import facts
from jmt.cockpits.facts import MerchantIds, Window

NO_SOURCE = "暂无数据来源"


@dataclass
class Figure:
    """One computed value: ``value`` in the indicator's unit (``None``: nothing to compute from in the
    window), ``basis`` says what it was computed from, ``breakdown`` its parts."""

    value: float | None
    basis: str = ""
    breakdown: list[dict[str, Any]] = field(default_factory=list)


Compute = Callable[[Window, MerchantIds], Figure]


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    group: str
    definition: str
    unit: str  # "%", "小时", "天", "次"
    module: str  # the module whose records feed it
    compute: Compute | None = None
    higher_is_better: bool | None = True  # None: neither direction is better

    @property
    def available(self) -> bool:
        return self.compute is not None

    def evaluate(self, window: Window, merchant_ids: MerchantIds) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "name": self.name,
            "group": self.group,
            "definition": self.definition,
            "unit": self.unit,
            "module": self.module,
            "available": self.available,
            "higher_is_better": self.higher_is_better,
            "value": None,
            "previous": None,
            "change": None,
            "basis": "",
            "breakdown": [],
            "note": "" if self.available else f"{NO_SOURCE} · {self.module}",
        }
        if self.compute is None:
            return out
        now, before = self.compute(window, merchant_ids), self.compute(window.previous(), merchant_ids)
        out.update(value=now.value, previous=before.value, basis=now.basis, breakdown=now.breakdown)
        if now.value is not None and before.value is not None:
            out["change"] = round(now.value - before.value, 2)
        return out


def _rate(part: int | Decimal, whole: int | Decimal) -> float | None:
    return round(float(Decimal(part) / Decimal(whole)) * 100, 1) if whole else None


def _mean(total: Decimal, count: int | Decimal, scale: Decimal = Decimal(1)) -> float | None:
    return round(float(total / Decimal(count) / scale), 1) if count else None


# --- computations -----------------------------------------------------------------------------------


def registration_pass_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.totals("registration_decisions", window, merchant_ids)
    approved = sums.get("approved", facts.Sums()).n
    decided = approved + sums.get("rejected", facts.Sums()).n
    return Figure(_rate(approved, decided), f"核准 {approved} 次 / 决定 {decided} 次")


def average_clearance_hours(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.total("releases", window, merchant_ids)
    return Figure(_mean(sums.a, sums.n, Decimal(3600)), f"放行清单 {sums.n} 票")


def average_refund_days(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.total("refunds_received", window, merchant_ids)
    return Figure(_mean(sums.a, sums.n), f"到账 {sums.n} 笔")


def rejection_reasons(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.totals("registration_rejections", window, merchant_ids)
    count = sum(s.n for s in sums.values())
    ranked = sorted(sums.items(), key=lambda item: (-item[1].n, item[0]))
    breakdown = [{"label": reason or "（未填写原因）", "value": s.n} for reason, s in ranked[:8]]
    rest = sum(s.n for _, s in ranked[8:])
    if rest:
        breakdown.append({"label": "其他原因", "value": rest})
    return Figure(float(count), f"驳回 {count} 次", breakdown)


def logistics_on_time_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    from jmt.logistics.models import Carrier

    sums = facts.totals("deliveries", window, merchant_ids)
    names = dict(Carrier.objects.filter(pk__in=[int(k) for k in sums if k.isdigit()]).values_list("pk", "name"))
    on_time = sum(s.a for s in sums.values())
    measured = sum(s.b for s in sums.values())
    breakdown = [
        {"label": names.get(int(key), f"渠道 {key}"), "value": _rate(s.a, s.b)}
        for key, s in sorted(sums.items(), key=lambda item: -item[1].b)
        if s.b
    ]
    return Figure(_rate(on_time, measured), f"准时 {int(on_time)} 票 / 有承诺时效的签收 {int(measured)} 票", breakdown)


def inspection_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.total("releases", window, merchant_ids)
    return Figure(_rate(sums.b, sums.n), f"曾被查验 {int(sums.b)} 票 / 放行 {sums.n} 票")


def first_pass_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.total("refunds_approved", window, merchant_ids)
    return Figure(_rate(sums.b, sums.n), f"一次通过 {int(sums.b)} 次 / 审核通过 {sums.n} 次")


def refund_arrival_days(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.total("refunds_received", window, merchant_ids)
    return Figure(_mean(sums.b, sums.c), f"有审核通过记录的到账 {int(sums.c)} 笔")


def fx_failure_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = facts.totals("settlements", window, merchant_ids)
    rejected = sums.get("rejected", facts.Sums()).n
    decided = rejected + sums.get("completed", facts.Sums()).n
    return Figure(_rate(rejected, decided), f"驳回 {rejected} 笔 / 办结 {decided} 笔")


def fx_volatility(window: Window, merchant_ids: MerchantIds) -> Figure:
    from django.db.models import Avg, Max, Min

    from jmt.fx.models import RateSnapshot

    rows = (
        RateSnapshot.objects.filter(rate_date__gte=window.start, rate_date__lte=window.end)
        .values("currency")
        .annotate(high=Max("middle"), low=Min("middle"), mean=Avg("middle"))
        .order_by("currency")
    )
    swings = {row["currency"]: _rate(row["high"] - row["low"], row["mean"]) for row in rows if row["mean"]}
    breakdown = [{"label": currency, "value": swing} for currency, swing in swings.items()]
    return Figure(swings.get("USD"), f"{len(swings)} 个币种有汇率记录", breakdown)


def positive_rating_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    from jmt.ratings.selectors import good_rate

    good, total = good_rate(start=window.since, end=window.until, merchant_ids=merchant_ids)
    return Figure(_rate(good, total), f"4 星及以上 {good} 条 / 评价 {total} 条")


def _merchants(window: Window, merchant_ids: MerchantIds) -> facts.Sums:
    return facts.total("merchants", window, merchant_ids)


def document_compliance_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = _merchants(window, merchant_ids)
    return Figure(_rate(sums.a, sums.n), f"单证齐全 {int(sums.a)} 家 / 核准 {sums.n} 家")


def data_completeness_rate(window: Window, merchant_ids: MerchantIds) -> Figure:
    sums = _merchants(window, merchant_ids)
    return Figure(_rate(sums.b, sums.n), f"档案完整 {int(sums.b)} 家 / 核准 {sums.n} 家")


def logistics_cost_share(window: Window, merchant_ids: MerchantIds) -> Figure:
    from jmt.cockpits.money import cny_rates, currency_label

    freight = facts.total("shipments", window, merchant_ids).a
    orders = facts.totals("orders", window, merchant_ids)
    rates = cny_rates(window.end, orders)
    goods = Decimal(0)
    missing: list[str] = []
    for code, sums in orders.items():
        rate = rates.get(code)
        if rate is None:
            missing.append(currency_label(code))
        else:
            goods += sums.a * rate
    basis = f"运费 {freight:,.2f} 元 / 订单货值折合 {goods:,.2f} 元"
    if missing:
        basis += f"（{'、'.join(missing)}无汇率，未计入）"
    return Figure(_rate(freight, goods), basis)


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "registration_pass_rate",
        "注册通过率",
        "工商注册",
        "注册通过率 = 期间内工商注册核准次数 ÷ 期间内审核决定次数"
        "（核准 + 驳回）。同一申请驳回后再核准，两次决定都计入。",
        "%",
        "工商注册",
        registration_pass_rate,
    ),
    Indicator(
        "rejection_reasons",
        "驳回原因分布",
        "工商注册",
        "驳回原因分布 = 期间内工商注册审核驳回的次数，"
        "按审核人员填写的驳回说明分组（列出最多的 8 项，其余合并为其他原因）。",
        "次",
        "工商注册",
        rejection_reasons,
        higher_is_better=False,
    ),
    Indicator(
        "average_clearance_hours",
        "平均通关时长",
        "报关退税",
        "平均通关时长 = 期间内收到放行回执的出口清单，从清单在平台生成到平台收到放行（800）回执的平均小时数。"
        "以平台时间计，不含清单生成前的准备时间。",
        "小时",
        "出口报关",
        average_clearance_hours,
        higher_is_better=False,
    ),
    Indicator(
        "inspection_rate",
        "查验率",
        "报关退税",
        "查验率 = 期间内放行的出口清单中，收到过查验（500）回执的清单数 ÷ 期间内放行的清单数。",
        "%",
        "出口报关",
        inspection_rate,
        higher_is_better=False,
    ),
    Indicator(
        "average_refund_days",
        "平均退税周期",
        "报关退税",
        "平均退税周期 = 期间内到账的退税申报，从提交申报到到账日期的平均天数。被驳回后重新提交的，从最近一次提交算起。",
        "天",
        "出口退税",
        average_refund_days,
        higher_is_better=False,
    ),
    Indicator(
        "first_pass_rate",
        "一次通过率",
        "报关退税",
        "一次通过率 = 期间内退税申报审核通过的次数中，此前从未被审核不通过的次数所占比例（申报材料一次性通过）。",
        "%",
        "出口退税",
        first_pass_rate,
    ),
    Indicator(
        "refund_arrival_days",
        "退税到账周期",
        "报关退税",
        "退税到账周期 = 期间内到账的退税申报，从审核通过（进入退库）到到账日期的平均天数；没有审核通过记录的不计入。",
        "天",
        "出口退税",
        refund_arrival_days,
        higher_is_better=False,
    ),
    Indicator(
        "logistics_on_time_rate",
        "物流准时率",
        "跨境物流",
        "物流准时率 = 期间内签收、且下单时有承诺时效的运单中，"
        "从揽收（无揽收记录按下单时间）到签收不超过承诺时效天数的比例；明细按物流渠道。",
        "%",
        "跨境物流",
        logistics_on_time_rate,
    ),
    Indicator(
        "logistics_cost_share",
        "成本占比",
        "跨境物流",
        "物流成本占比 = 期间内下单运单的运费合计（人民币）÷ 期间内电子订单商品金额合计（折人民币）。"
        "外币按期间末日或之前最近一次的中行折算价折算（假设订单货值与运费同期发生）；无汇率的币种不计入并注明。",
        "%",
        "跨境物流、出口报关",
        logistics_cost_share,
        higher_is_better=False,
    ),
    Indicator(
        "fx_failure_rate",
        "结汇失败率",
        "收结汇",
        "结汇失败率 = 期间内被驳回的结汇申请数 ÷ 期间内办结（完成 + 驳回）的结汇申请数。",
        "%",
        "收结汇",
        fx_failure_rate,
        higher_is_better=False,
    ),
    Indicator(
        "fx_volatility",
        "多币种波动",
        "收结汇",
        "多币种波动 = 期间内某币种中行折算价的（最高 − 最低）÷ 平均值；主数值为美元，"
        "明细列出各币种。汇率与商户无关，不受商户筛选影响。",
        "%",
        "收结汇",
        fx_volatility,
        higher_is_better=None,
    ),
    Indicator(
        "document_compliance_rate",
        "单证合规率",
        "商家服务",
        "单证合规率 = 期间内入驻且已核准的商户中，"
        "营业执照、法人身份证人像面与国徽面、开户许可证四项资质单证都已上传的商户所占比例（按商户当前档案）。",
        "%",
        "商户管理",
        document_compliance_rate,
    ),
    Indicator(
        "data_completeness_rate",
        "数据完整率",
        "商家服务",
        "数据完整率 = 期间内入驻且已核准的商户中，档案关键字段（"
        + "、".join(facts.PROFILE_FIELDS.values())
        + "）全部填写的商户所占比例（按商户当前档案）。",
        "%",
        "商户管理",
        data_completeness_rate,
    ),
    Indicator(
        "positive_rating_rate",
        "好评率",
        "服务满意度",
        "好评率 = 期间内提交的服务评价中 4 星及以上的评价数 ÷ 期间内评价总数"
        "（工商注册、跨境申报、出口退税、结汇、物流办结后由商户评价）。",
        "%",
        "服务评价",
        positive_rating_rate,
    ),
    Indicator(
        "ticket_hours",
        "工单处理时长",
        "服务满意度",
        "工单处理时长 = 期间内办结的工单从创建到办结的平均小时数。平台尚无工单模块，暂不计算。",
        "小时",
        "工单",
        higher_is_better=False,
    ),
)

BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in INDICATORS}
