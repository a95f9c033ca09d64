"""Schemas of batches (C1), the merchant's read-only 点点通 configuration (C6) and the back office (C6, CA)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.customs.codes import main_ports, ports, table
from jmt.customs.models import Batch, GatewayConfig, StatisticsFlag
from jmt.customs.services.batches import STATISTICS_FLAG_WARNING, statistics_flag_warning
from jmt.customs.services.gateway import Readiness

# --- batches ------------------------------------------------------------------------------------


class BatchIn(Schema):
    name: str = Field(min_length=1, max_length=100, examples=["2026年3月 第1批"])
    customs_code: str = Field("", max_length=4, description="申报地海关代码；留空取点点通配置")
    port_code: str = Field("", max_length=4, description="出口口岸代码；留空取点点通配置")
    traf_mode: str = Field("5", max_length=1, description="运输方式代码（海关运输方式代码表）", examples=["5"])
    traf_name: str = Field("", max_length=100)
    voyage_no: str = Field("", max_length=32)
    bill_no: str = Field("", max_length=37)
    loct_no: str = Field("", max_length=10)
    statistics_flag: Literal["A", "B"] = Field("B", description="A 简化申报（不能办理出口退税）；B 汇总申报")
    ebp_code: str = Field("", max_length=18)
    ebp_name: str = Field("", max_length=100)
    ebc_code: str = Field("", max_length=18)
    ebc_name: str = Field("", max_length=100)
    agent_code: str = Field("", max_length=18)
    agent_name: str = Field("", max_length=100)
    owner_code: str = Field("", max_length=18)
    owner_name: str = Field("", max_length=100)
    wrap_type: str = Field("", max_length=1)
    pod: str = Field("", max_length=4)
    cop_code: str = Field("", max_length=18)
    cop_name: str = Field("", max_length=100)
    dxp_id: str = Field("", max_length=30)


class BatchPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=100)
    customs_code: str | None = Field(None, max_length=4)
    port_code: str | None = Field(None, max_length=4)
    traf_mode: str | None = Field(None, max_length=1)
    traf_name: str | None = Field(None, max_length=100)
    voyage_no: str | None = Field(None, max_length=32)
    bill_no: str | None = Field(None, max_length=37)
    loct_no: str | None = Field(None, max_length=10)
    statistics_flag: Literal["A", "B"] | None = None
    ebp_code: str | None = Field(None, max_length=18)
    ebp_name: str | None = Field(None, max_length=100)
    ebc_code: str | None = Field(None, max_length=18)
    ebc_name: str | None = Field(None, max_length=100)
    agent_code: str | None = Field(None, max_length=18)
    agent_name: str | None = Field(None, max_length=100)
    owner_code: str | None = Field(None, max_length=18)
    owner_name: str | None = Field(None, max_length=100)
    pod: str | None = Field(None, max_length=4)
    cop_code: str | None = Field(None, max_length=18)
    cop_name: str | None = Field(None, max_length=100)
    dxp_id: str | None = Field(None, max_length=30)


class BatchOut(Schema):
    id: int
    name: str
    status: str
    status_label: str
    customs_code: str
    port_code: str
    traf_mode: str
    traf_mode_label: str
    traf_name: str
    voyage_no: str
    bill_no: str
    loct_no: str
    statistics_flag: str
    statistics_flag_label: str
    statistics_flag_warning: str = Field(description="选择 A 时的提醒：简化申报不能办理出口退税")
    ebp_code: str
    ebp_name: str
    ebc_code: str
    ebc_name: str
    agent_code: str
    agent_name: str
    owner_code: str
    owner_name: str
    wrap_type: str
    pod: str
    cop_code: str
    cop_name: str
    dxp_id: str
    locked: bool = Field(description="申报信息是否已锁定（已有单证或已提交）；锁定后只能改批次名称")
    created_at: datetime
    updated_at: datetime


def batch_out(batch: Batch, *, locked: bool) -> dict[str, Any]:
    data = {field: getattr(batch, field) for field in BatchOut.model_fields if hasattr(batch, field)}
    data.update(
        id=batch.pk,
        status_label=batch.get_status_display(),
        traf_mode_label=table("transport_modes").by_code.get(batch.traf_mode, batch.traf_mode),
        statistics_flag_label=batch.get_statistics_flag_display(),
        statistics_flag_warning=statistics_flag_warning(batch.statistics_flag),
        locked=locked,
    )
    return data


class DocStatusCountOut(Schema):
    status: str
    label: str
    count: int


class DocGroupOut(Schema):
    total: int
    pending: int = Field(description="待发送（尚无海关回执）")
    in_progress: int = Field(description="审批中")
    approved: int = Field(description="已通过：订单、运单海关入库；清单审结、放行或结关")
    attention: int = Field(description="需处理：退单、异常、发送失败")
    by_status: list[DocStatusCountOut]


class InventoryGroupOut(DocGroupOut):
    released: int = Field(description="已放行（含结关）")
    closed: int = Field(description="已结关")
    cancelled: int


class BatchBoardOut(Schema):
    batch: BatchOut
    orders: DocGroupOut
    logistics: DocGroupOut = Field(description="物流运单（CEB505）")
    inventories: InventoryGroupOut
    waybills: DocGroupOut = Field(description="清单总分单（CEB607）")
    progress: int = Field(description="审批进度（%）：已通过的订单、运单、清单占全部的比例")
    released: int
    closed: int
    needs_attention: int


class OverviewTotalsOut(Schema):
    batches: int
    orders: int
    orders_approved: int
    inventories: int
    inventories_approved: int
    released: int
    closed: int
    needs_attention: int
    progress: int


class ReadinessOut(Schema):
    ready: bool = Field(description="点点通配置是否就绪（可以申报）")
    code: str = Field(description="未就绪时的错误码：CUSTOMS_GATEWAY_NOT_CONFIGURED / CUSTOMS_GATEWAY_CHECK_FAILED")
    message: str = Field(description="未就绪时告诉用户该怎么办")


def readiness_out(readiness: Readiness) -> dict[str, Any]:
    return {"ready": readiness.ready, "code": readiness.code, "message": readiness.message}


class BatchOverviewOut(Schema):
    totals: OverviewTotalsOut
    batches: list[BatchBoardOut]
    gateway: ReadinessOut
    total: int = Field(0, description="批次总数")
    page: int = 1
    page_size: int = 100


class BatchPageOut(Schema):
    items: list[BatchBoardOut]
    total: int
    page: int
    page_size: int


class BatchDetailOut(BatchBoardOut):
    gateway: ReadinessOut


class BatchOptionOut(Schema):
    value: str
    label: str
    warning: str = ""


class BatchDefaultsOut(Schema):
    values: dict[str, str] = Field(description="新建批次的预填值：来自点点通配置与商户资料")
    traf_modes: list[BatchOptionOut]
    statistics_flags: list[BatchOptionOut]
    ports: list[BatchOptionOut] = Field(description="指运港（海关港口代码表）；不选则按每票清单的目的国默认主港")
    gateway: ReadinessOut


def port_options() -> list[dict[str, str]]:
    """``ULAX 洛杉矶（美国，默认主港）``: the 指运港 drop-down of the batch form."""
    countries = table("countries").by_code
    mains = main_ports()
    options = []
    for code, name, country in ports():
        where = countries.get(country, country)
        main = "，默认主港" if mains.get(country) == code else ""
        options.append({"value": code, "label": f"{code} {name}（{where}{main}）"})
    return options


def statistics_flag_options() -> list[dict[str, str]]:
    return [
        {"value": value, "label": label, "warning": STATISTICS_FLAG_WARNING if value == "A" else ""}
        for value, label in StatisticsFlag.choices
    ]


def traf_mode_options() -> list[dict[str, str]]:
    return [{"value": code, "label": f"{code} {name}"} for code, name in table("transport_modes").entries]


class BatchSubmitOut(Schema):
    messages: int
    documents: int


# --- 点点通 configuration ---------------------------------------------------------------------------


class GatewayConfigOut(Schema):
    configured: bool
    base_url: str = ""
    app_key: str = ""
    app_secret: str = Field("未设置", description="从不返回密钥本身，只说明是否已设置及末 4 位")
    ebc_code: str = ""
    ebc_name: str = ""
    ebp_code: str = ""
    ebp_name: str = ""
    agent_code: str = ""
    agent_name: str = ""
    customs_code: str = ""
    port_code: str = ""
    dxp_id: str = ""
    callback_url: str = ""
    is_enabled: bool = False
    check_status: str = Field("missing", description="missing 未配置 / unchecked / ok / failed")
    check_status_label: str = "未配置"
    check_message: str = ""
    checked_at: datetime | None = None
    updated_at: datetime | None = None
    readiness: ReadinessOut


def gateway_config_out(config: GatewayConfig | None, readiness: Readiness) -> dict[str, Any]:
    if config is None:
        return {"configured": False, "readiness": readiness_out(readiness)}
    data = {
        name: getattr(config, name)
        for name in (
            "base_url",
            "app_key",
            "ebc_code",
            "ebc_name",
            "ebp_code",
            "ebp_name",
            "agent_code",
            "agent_name",
            "customs_code",
            "port_code",
            "dxp_id",
            "callback_url",
            "is_enabled",
            "check_status",
            "check_message",
            "checked_at",
            "updated_at",
        )
    }
    data.update(
        configured=True,
        app_secret=config.secret_display,
        check_status_label=config.get_check_status_display(),
        readiness=readiness_out(readiness),
    )
    return data


class AdminGatewayConfigOut(GatewayConfigOut):
    merchant_id: int
    merchant_name: str
    suggestions: dict[str, str] = Field(default_factory=dict, description="未配置时可预填的商户资料（名称、信用代码）")


class AdminGatewayConfigPage(Schema):
    items: list[AdminGatewayConfigOut]
    total: int
    page: int
    page_size: int


class GatewayConfigIn(Schema):
    base_url: str = Field(max_length=255, examples=["https://ddt.example.cn/api"])
    app_key: str = Field(max_length=100)
    app_secret: str | None = Field(None, max_length=200, description="只写：留空保留已保存的密钥")
    ebc_code: str = Field(max_length=18)
    ebc_name: str = Field(max_length=100)
    ebp_code: str = Field("", max_length=18)
    ebp_name: str = Field("", max_length=100)
    agent_code: str = Field(max_length=18)
    agent_name: str = Field(max_length=100)
    customs_code: str = Field(max_length=4)
    port_code: str = Field(max_length=4)
    dxp_id: str = Field(max_length=30)
    callback_url: str = Field("", max_length=255)
    is_enabled: bool = True


class GatewayListQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    keyword: str = ""
    check_status: Literal["", "missing", "unchecked", "ok", "failed"] = ""


# --- CA board and messages ------------------------------------------------------------------------


class CaQuery(Schema):
    merchant_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: Literal["", "attention", "in_progress", "approved", "pending"] = Field(
        "", description="只看有该类单证的商户：attention 需处理 / in_progress 审批中 / approved 已通过 / pending 待发送"
    )
    keyword: str = ""
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(50, ge=1, le=100)


class MerchantBoardOut(Schema):
    merchant_id: int
    merchant_name: str
    gateway_status: str
    gateway_status_label: str
    batches: DocGroupOut
    orders: DocGroupOut
    logistics: DocGroupOut
    inventories: InventoryGroupOut
    waybills: DocGroupOut
    summaries: DocGroupOut
    progress: int
    needs_attention: int
    last_activity: datetime | None


class CaOverviewOut(Schema):
    merchants: list[MerchantBoardOut]
    totals: dict[str, int]
    total: int = Field(0, description="符合条件的商户数")
    page: int = 1
    page_size: int = 50


class MerchantDrillOut(Schema):
    merchant_id: int
    merchant_name: str
    gateway: GatewayConfigOut
    totals: OverviewTotalsOut
    batches: list[BatchBoardOut]


class CustomsMessageQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    merchant_id: int | None = None
    batch_id: int | None = None
    message_type: str = Field("", description="CEB303 / CEB505 / CEB603 / CEB605 / CEB607 / CEB701 或回执类型")
    direction: Literal["", "out", "in"] = ""
    q: str = Field("", description="报文 guid、清单编号、订单编号或运单号")


class CustomsMessageOut(Schema):
    id: int
    direction: str
    direction_label: str
    message_type: str
    message_type_label: str
    guid: str
    merchant_id: int | None
    merchant_name: str
    batch_id: int | None
    batch_name: str
    entity_count: int
    schema_valid: bool
    problem: str
    outbox_state: str
    outbox_state_label: str
    created_at: datetime


class CustomsMessagePage(Schema):
    items: list[CustomsMessageOut]
    total: int
    page: int
    page_size: int


class CustomsOutboxOut(Schema):
    state: str
    state_label: str
    attempts: int
    last_error: str
    gateway_reply: str
    duplicate: bool
    sent_at: datetime | None
    next_attempt_at: datetime | None


class CustomsReceiptOut(Schema):
    id: int
    message_id: int
    message_type: str
    guid: str
    return_status: str
    return_status_label: str
    return_time: str
    return_info: str
    keys: dict[str, Any]
    applied: bool
    created_at: datetime


class CustomsMessageDetailOut(CustomsMessageOut):
    xml: str = Field(description="原样保存的报文")
    xml_pretty: str = Field(description="缩进排版后的报文（只用于阅读）")
    outbox: CustomsOutboxOut | None
    receipts: list[CustomsReceiptOut]
    documents: list[dict[str, str]] = Field(description="报文携带的单证：编号与状态")


# --- the port code table (back office) ------------------------------------------------------------


class PortCodeOut(Schema):
    id: int
    code: str = Field(description="港口代码（CEB603 POD，3–4 位）")
    name: str
    country: str = Field(description="国家（地区）代码")
    country_name: str
    is_main: bool = Field(description="该国家（地区）的默认主港：清单未指定指运港时使用")
    enabled: bool = Field(description="停用的港口不能作为指运港")
    source: Literal["sample", "official"]
    source_label: str
    updated_at: datetime


class PortCodePage(Schema):
    items: list[PortCodeOut]
    total: int
    page: int
    page_size: int


class PortListQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    keyword: str = Field("", description="代码或名称")
    country: str = Field("", description="国家（地区）代码或中文名称")
    enabled: bool | None = None


class PortTableStateOut(Schema):
    total: int
    enabled: int
    countries: int
    mains: int
    sample_rows: int
    is_sample: bool = Field(description="表中仍有示例数据：请导入海关港口代码表")
    updated_at: datetime | None


class PortCodeIn(Schema):
    name: str = Field(min_length=1, max_length=100, examples=["洛杉矶"])
    country: str = Field(min_length=1, max_length=20, examples=["502"], description="国家（地区）代码")
