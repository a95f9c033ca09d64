"""Schemas of the cockpit endpoints."""

import datetime as dt

from ninja import Field, Schema


class CockpitPeriodQuery(Schema):
    start: dt.date | None = Field(None, description="统计开始日期（北京时间，含）；默认结束日期前 29 天")
    end: dt.date | None = Field(None, description="统计结束日期（含）；默认今天")
    merchant_id: int | None = Field(None, description="只看这个商户（须在数据权限范围内）")


class CockpitReportQuery(CockpitPeriodQuery):
    country: str = Field("", max_length=3, description="运抵国（地区）海关代码，如 502 美国")
    hs: str = Field("", max_length=10, pattern=r"^\d{0,10}$", description="HS 编码或其前几位")


class CockpitMerchantOptionQuery(Schema):
    q: str = Field("", max_length=50, description="商户名称包含的文字")


class CockpitMerchantOptionOut(Schema):
    id: int
    name: str


class CockpitMetaOut(Schema):
    start: dt.date
    end: dt.date
    previous_start: dt.date
    previous_end: dt.date
    live: bool = Field(description="true：按可见商户实时统计；false：读取定时汇总")
    refreshed_at: dt.datetime | None = Field(description="汇总数据的更新时间")


class CockpitStatusCountOut(Schema):
    status: str
    label: str
    count: int


class CockpitLiveOut(Schema):
    merchants_by_status: list[CockpitStatusCountOut]
    merchants_total: int
    orders_today: int
    orders_month: int
    orders_period: int
    declarations_in_flight: int
    refunds_in_flight: int
    usd_settled: float
    settlements_completed: int
    shipments_period: int
    shipments_in_transit: int


class CockpitDestinationOut(Schema):
    code: str
    name: str
    orders: int


class CockpitProductQuantityOut(Schema):
    hs: str
    name: str
    quantity: float
    lines: int


class CockpitProductValueOut(Schema):
    hs: str
    name: str
    currency: str
    value: float
    lines: int


class CockpitProductsOut(Schema):
    by_quantity: list[CockpitProductQuantityOut]
    by_value: list[CockpitProductValueOut]


class CockpitCarrierOut(Schema):
    carrier: str
    delivered: int
    measured: int
    on_time: int
    on_time_rate: float | None
    average_days: float | None


class CockpitDayCountOut(Schema):
    day: dt.date
    orders: int


class CockpitOverviewOut(CockpitMetaOut):
    figures: CockpitLiveOut
    destinations: list[CockpitDestinationOut]
    products: CockpitProductsOut
    carriers: list[CockpitCarrierOut]
    orders_by_day: list[CockpitDayCountOut]


class CockpitBreakdownOut(Schema):
    label: str
    value: float | None


class CockpitIndicatorOut(Schema):
    key: str
    name: str
    group: str
    definition: str
    unit: str
    module: str = Field(description="供数的业务模块")
    available: bool = Field(description="false：暂无数据来源（note 说明由哪个模块提供）")
    higher_is_better: bool | None
    value: float | None
    previous: float | None
    change: float | None = Field(description="本期 − 上期（百分比指标为百分点）")
    basis: str
    breakdown: list[CockpitBreakdownOut]
    note: str


class CockpitServiceOut(CockpitMetaOut):
    indicators: list[CockpitIndicatorOut]
