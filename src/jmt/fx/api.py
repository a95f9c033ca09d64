"""收结汇 for the merchant (``/fx``): the rate board, trend and alerts (F1); the sub-account balance
and its 明细 (F2, F3); 快速结汇 and 结汇明细 (F4, F5)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.fx import schemas as s
from jmt.fx import selectors, services
from jmt.fx.errors import FxError

router = Router(tags=["fx"])
RATES_VIEW = "fx:rates:view"
RATES_EDIT = "fx:rates:edit"
VIEW = "fx:settlements:view"
EDIT = "fx:settlements:edit"


@router.get(
    "/summary",
    response={200: s.SummaryOut, **error_responses(401, 403, 404)},
    operation_id="fx_summary",
    summary="子账户余额：余额、结汇中金额、可用余额与更新时间",
)
@require(VIEW)
def summary(request: HttpRequest) -> dict[str, Any]:
    actor = actor_of(request)
    return {
        "account": selectors.account_summary(actor=actor),
        "pending_count": selectors.settlement_list(actor=actor, state="pending").count(),
    }


@router.get(
    "/entries",
    response={200: s.EntryPageOut, **error_responses(401, 403, 404, 422)},
    operation_id="fx_entries",
    summary="收结汇明细（余额更新、结汇冻结、解除冻结、结汇）",
)
@require(VIEW)
def entries(request: HttpRequest, filters: Query[s.EntryFilters]) -> dict[str, Any]:
    rows = selectors.ledger_entries(actor=actor_of(request), kind=filters.kind)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.entry_out).out()


@router.get(
    "/settlements",
    response={200: s.SettlementPageOut, **error_responses(401, 403, 404, 422)},
    operation_id="fx_settlements",
    summary="结汇明细（结汇中 / 已完成 / 已驳回）",
)
@require(VIEW)
def settlement_list(request: HttpRequest, filters: Query[s.SettlementFilters]) -> dict[str, Any]:
    rows = selectors.settlement_list(actor=actor_of(request), state=filters.state)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.settlement_out).out()


@router.get(
    "/settlements/context",
    response={200: s.RequestContextOut, **error_responses(401, 403, 404)},
    operation_id="fx_settlement_context",
    summary="快速结汇表单的预填：余额与可用余额、参考汇率、结汇收款信息",
)
@require(VIEW)
def settlement_context(request: HttpRequest) -> dict[str, Any]:
    return selectors.request_context(actor=actor_of(request))


@router.post(
    "/settlements",
    response={201: s.SettlementOut, **error_responses(401, 403, 409, 422)},
    operation_id="fx_settlement_request",
    summary="快速结汇：提交结汇申请并冻结金额",
    description="金额超过可用余额（余额 − 结汇中金额）返回 422 `FX_AMOUNT_EXCEEDS_AVAILABLE`，消息中给出各金额；"
    "尚无子账户余额 409 `FX_NO_ACCOUNT`；缺结汇银行卡号或开户行 422 `FX_PROFILE_INCOMPLETE`；"
    "其他输入错误 422 `FX_INVALID`（`details.fields`）。",
)
@require(EDIT)
def settlement_request(request: HttpRequest, payload: s.SettlementIn) -> Status[dict[str, Any]]:
    settlement = services.settlement_request(
        actor=actor_of(request),
        amount=payload.amount,
        settle_date=payload.settle_date,
        rate=payload.rate,
        statement_document_id=payload.statement_document_id,
        shipping_document_id=payload.shipping_document_id,
        remark=payload.remark,
    )
    return Status(201, selectors.settlement_out(settlement))


@router.get(
    "/settlements/{settlement_id}",
    response={200: s.SettlementOut, **error_responses(401, 403, 404)},
    operation_id="fx_settlement_get",
    summary="结汇申请详情",
)
@require(VIEW)
def settlement_get(request: HttpRequest, settlement_id: int) -> dict[str, Any]:
    return selectors.settlement_out(selectors.settlement_get(actor=actor_of(request), settlement_id=settlement_id))


@router.get(
    "/rates",
    response={200: list[s.BoardRowOut], **error_responses(401, 403)},
    operation_id="fx_rates_board",
    summary="多币种汇率看板：最新汇率、较上一收盘涨跌、30 日高低",
)
@require(RATES_VIEW)
def rates_board(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.board(actor=actor_of(request))


@router.get(
    "/rates/trend",
    response={200: s.TrendOut, **error_responses(401, 403, 422)},
    operation_id="fx_rates_trend",
    summary="汇率走势（7 天 / 30 天 / 1 年，每个发布日一个点）",
)
@require(RATES_VIEW)
def rates_trend(request: HttpRequest, query: Query[s.TrendQuery]) -> dict[str, Any]:
    from jmt.fx.rates import board_currencies

    if query.currency not in board_currencies():
        raise FxError.currency_unsupported(query.currency)
    return selectors.trend(actor=actor_of(request), currency=query.currency, range_key=query.range)


@router.get(
    "/alerts",
    response={200: list[s.AlertOut], **error_responses(401, 403, 404)},
    operation_id="fx_alerts",
    summary="汇率提醒列表",
)
@require(RATES_VIEW)
def alert_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [selectors.alert_out(a) for a in selectors.alerts(actor=actor_of(request))]


@router.post(
    "/alerts",
    response={201: s.AlertOut, **error_responses(401, 403, 422)},
    operation_id="fx_alert_create",
    summary="新建汇率提醒（高于 / 低于某汇率时通知）",
    description="比较的是最新现汇买入价（离线数据时为参考汇率）；每次穿越阈值提醒一次，汇率回到另一侧后才会再次提醒。",
)
@require(RATES_EDIT)
def alert_create(request: HttpRequest, payload: s.AlertIn) -> Status[dict[str, Any]]:
    alert = services.alert_create(
        actor=actor_of(request), currency=payload.currency, direction=payload.direction, threshold=payload.threshold
    )
    return Status(201, selectors.alert_out(alert))


@router.post(
    "/alerts/{alert_id}/active",
    response={200: s.AlertOut, **error_responses(401, 403, 404, 422)},
    operation_id="fx_alert_set_active",
    summary="暂停或恢复汇率提醒",
)
@require(RATES_EDIT)
def alert_set_active(request: HttpRequest, alert_id: int, payload: s.AlertActiveIn) -> dict[str, Any]:
    alert = services.alert_set_active(actor=actor_of(request), alert_id=alert_id, active=payload.active)
    return selectors.alert_out(alert)


@router.delete(
    "/alerts/{alert_id}",
    response={204: None, **error_responses(401, 403, 404)},
    operation_id="fx_alert_delete",
    summary="删除汇率提醒",
)
@require(RATES_EDIT)
def alert_delete(request: HttpRequest, alert_id: int) -> Status[None]:
    services.alert_delete(actor=actor_of(request), alert_id=alert_id)
    return Status(204, None)
