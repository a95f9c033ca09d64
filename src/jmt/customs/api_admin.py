"""Back office of customs at /api/v1/admin/customs: 点点通 configurations (C6), the node-tracking board
(CA), the viewer of every message sent and received, and the port code table (港口代码表)."""

from typing import Any

from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from ninja import File, Query, Router
from ninja.files import UploadedFile

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.customs import schemas_batches as s
from jmt.customs import selectors_admin as adm
from jmt.customs import selectors_batches as sel
from jmt.customs import selectors_ports as ports
from jmt.customs.models import Batch, Direction, Message, Order, OutboxState
from jmt.customs.services import ports as port_services
from jmt.customs.services.gateway import gateway_config_recheck, gateway_config_save, readiness
from jmt.merchants.models import Merchant

router = Router(tags=["customs-admin"])


def _config_row(merchant: Merchant) -> dict[str, Any]:
    config = adm.config_for(merchant)
    return {
        **s.gateway_config_out(config, readiness(merchant, config)),
        "merchant_id": merchant.pk,
        "merchant_name": merchant.display_name,
        "suggestions": {"ebc_name": merchant.name, "ebc_code": merchant.credit_code},
    }


@router.get(
    "/gateway-configs",
    response={200: s.AdminGatewayConfigPage, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_gateway_configs_list",
    summary="各商户的点点通接口配置",
    description="全部（数据权限内的）商户及其配置状态：未配置 / 未检测 / 检测通过 / 检测未通过。",
)
@require(adm.GATEWAY_VIEW)
def gateway_configs_list(request: HttpRequest, query: Query[s.GatewayListQuery]) -> dict[str, Any]:
    rows = adm.gateway_merchants(actor_of(request), keyword=query.keyword, check_status=query.check_status)
    return paginate(rows, page=query.page, page_size=query.page_size).map(_config_row).out()


@router.get(
    "/gateway-configs/{merchant_id}",
    response={200: s.AdminGatewayConfigOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_gateway_configs_get",
    summary="一个商户的点点通接口配置",
)
@require(adm.GATEWAY_VIEW)
def gateway_configs_get(request: HttpRequest, merchant_id: int) -> dict[str, Any]:
    return _config_row(adm.merchant_get(actor_of(request), adm.GATEWAY_VIEW, merchant_id))


@router.put(
    "/gateway-configs/{merchant_id}",
    response={200: s.AdminGatewayConfigOut, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_gateway_configs_save",
    summary="保存点点通接口配置（保存后自动检测）",
    description="App Secret 只写、加密保存：留空保留原密钥。保存后立即检测连通性与凭证，结果随配置返回"
    "（`check_status` ok / failed，`check_message` 说明原因）。",
)
@require(adm.GATEWAY_EDIT)
def gateway_configs_save(request: HttpRequest, merchant_id: int, payload: s.GatewayConfigIn) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = adm.merchant_get(actor, adm.GATEWAY_EDIT, merchant_id)
    data = payload.dict()
    secret = data.pop("app_secret", None)
    gateway_config_save(actor=actor, merchant=merchant, values=data, app_secret=secret)
    merchant.refresh_from_db()
    return _config_row(Merchant.objects.select_related("customs_gateway_config").get(pk=merchant.pk))


@router.post(
    "/gateway-configs/{merchant_id}/check",
    response={200: s.AdminGatewayConfigOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_gateway_configs_check",
    summary="重新检测点点通接口",
)
@require(adm.GATEWAY_EDIT)
def gateway_configs_check(request: HttpRequest, merchant_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = adm.merchant_get(actor, adm.GATEWAY_EDIT, merchant_id)
    config = adm.config_for(merchant)
    if config is None:
        from jmt.customs.errors import CustomsError

        raise CustomsError.gateway_not_configured()
    gateway_config_recheck(actor=actor, config=config)
    return _config_row(Merchant.objects.select_related("customs_gateway_config").get(pk=merchant.pk))


@router.get(
    "/overview",
    response={200: s.CaOverviewOut, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_overview",
    summary="报关流程可视化：各商户的批次、订单、清单、总分单、汇总进度",
    description="按商户汇总各类单证的状态计数（待发送 / 审批中 / 已通过 / 需处理），可按商户、日期（单证创建日期）"
    "与状态类别筛选；按页返回商户（每页最多 100 个），`totals` 汇总全部符合条件的商户。",
)
@require(adm.CUSTOMS_VIEW)
def overview(request: HttpRequest, query: Query[s.CaQuery]) -> dict[str, Any]:
    return adm.merchant_boards(
        actor_of(request),
        merchant_id=query.merchant_id,
        date_from=query.date_from,
        date_to=query.date_to,
        status=query.status,
        keyword=query.keyword,
        page=query.page,
        page_size=query.page_size,
    )


@router.get(
    "/overview/{merchant_id}",
    response={200: s.MerchantDrillOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_overview_merchant",
    summary="一个商户的批次进度（下钻）",
)
@require(adm.CUSTOMS_VIEW)
def overview_merchant(request: HttpRequest, merchant_id: int) -> dict[str, Any]:
    merchant = adm.merchant_get(actor_of(request), adm.CUSTOMS_VIEW, merchant_id)
    batches = (
        Batch.objects.filter(merchant=merchant)
        .annotate(has_orders=Exists(Order.objects.filter(batch_id=OuterRef("pk"))))
        .order_by("-created_at", "-pk")[:100]
    )
    boards = sel.batch_boards(batches)
    config = adm.config_for(merchant)

    return {
        "merchant_id": merchant.pk,
        "merchant_name": merchant.display_name,
        "gateway": s.gateway_config_out(config, readiness(merchant, config)),
        "totals": sel.overview_totals(boards),
        "batches": [{**b, "batch": s.batch_out(b["batch"], locked=sel.is_locked(b["batch"]))} for b in boards],
    }


def _message_row(message: Message, incoming: dict[int, tuple[int | None, str]]) -> dict[str, Any]:
    merchant_id, merchant_name = (
        (message.merchant_id, message.merchant.display_name)
        if message.merchant_id is not None and message.merchant is not None
        else incoming.get(message.pk, (None, ""))
    )
    outbox = getattr(message, "outbox", None) if message.direction == Direction.OUT else None
    return {
        "id": message.pk,
        "direction": message.direction,
        "direction_label": message.get_direction_display(),
        "message_type": message.message_type,
        "message_type_label": adm.MESSAGE_TYPE_LABELS.get(message.message_type, message.message_type),
        "guid": message.guid,
        "merchant_id": merchant_id,
        "merchant_name": merchant_name,
        "batch_id": message.batch_id,
        "batch_name": message.batch.name if message.batch else "",
        "entity_count": message.entity_count,
        "schema_valid": message.schema_valid,
        "problem": message.problem,
        "outbox_state": outbox.state if outbox else "",
        "outbox_state_label": dict(OutboxState.choices).get(outbox.state, "") if outbox else "",
        "created_at": message.created_at,
    }


@router.get(
    "/messages",
    response={200: s.CustomsMessagePage, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_messages_list",
    summary="报文记录（发送与接收的每一份 XML）",
    description="按商户、批次、报文类型（CEB303/505/603/605/607/701 及回执类型）、方向筛选；"
    "`q` 按报文 guid、清单编号、订单编号、运单号查找。",
)
@require(adm.CUSTOMS_VIEW)
def messages_list(request: HttpRequest, query: Query[s.CustomsMessageQuery]) -> dict[str, Any]:
    rows = adm.message_list(
        actor_of(request),
        merchant_id=query.merchant_id,
        batch_id=query.batch_id,
        message_type=query.message_type,
        direction=query.direction,
        q=query.q,
    )
    page = paginate(rows, page=query.page, page_size=query.page_size)
    incoming = adm.incoming_merchants(page.items)
    return page.map(lambda message: _message_row(message, incoming)).out()


@router.get(
    "/messages/{message_id}",
    response={200: s.CustomsMessageDetailOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_messages_get",
    summary="查看报文 XML、发送状态与回执",
)
@require(adm.CUSTOMS_VIEW)
def messages_get(request: HttpRequest, message_id: int) -> dict[str, Any]:
    message = adm.message_get(actor_of(request), message_id)
    row = _message_row(message, adm.incoming_merchants([message]))
    outbox = getattr(message, "outbox", None) if message.direction == Direction.OUT else None
    receipts = [
        {
            "id": r.pk,
            "message_id": r.received_in_id,
            "message_type": r.message_type,
            "guid": r.guid,
            "return_status": r.return_status,
            "return_status_label": adm.return_status_label(r.return_status),
            "return_time": r.return_time,
            "return_info": r.return_info,
            "keys": r.keys,
            "applied": r.applied,
            "created_at": r.created_at,
        }
        for r in adm.message_receipts(message)[:200]
    ]
    return {
        **row,
        "xml": message.xml,
        "xml_pretty": adm.pretty_xml(message.xml),
        "outbox": {
            "state": outbox.state,
            "state_label": outbox.get_state_display(),
            "attempts": outbox.attempts,
            "last_error": outbox.last_error,
            "gateway_reply": outbox.gateway_reply,
            "duplicate": outbox.duplicate,
            "sent_at": outbox.sent_at,
            "next_attempt_at": outbox.next_attempt_at,
        }
        if outbox
        else None,
        "receipts": receipts,
        "documents": adm.message_documents(message),
    }


# --- 港口代码表 (the port code table, issue 11 item 6) ---------------------------------------------------


@router.get(
    "/ports",
    response={200: s.PortCodePage, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_ports_list",
    summary="港口代码表（指运港与各国家默认主港）",
    description="按代码或名称（`keyword`）、国家（地区）代码或中文名称（`country`）、是否启用筛选。",
)
@require(ports.PORTS_VIEW)
def ports_list(request: HttpRequest, query: Query[s.PortListQuery]) -> dict[str, Any]:
    rows = ports.port_list(keyword=query.keyword, country=query.country, enabled=query.enabled)
    return paginate(rows, page=query.page, page_size=query.page_size).map(ports.port_out).out()


@router.get(
    "/ports/state",
    response={200: s.PortTableStateOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_ports_state",
    summary="港口代码表的状态（是否仍为示例数据）",
)
@require(ports.PORTS_VIEW)
def ports_state(request: HttpRequest) -> dict[str, Any]:
    return ports.port_table_state()


@router.get(
    "/ports/template",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="customs_admin_ports_template",
    summary="下载港口代码表导入模板（CSV）",
    openapi_extra={"responses": {200: {"description": "CSV 模板", "content": {"text/csv": {}}}}},
)
@require(ports.PORTS_VIEW)
def ports_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(port_services.template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''%E6%B8%AF%E5%8F%A3%E4%BB%A3%E7%A0%81%E8%A1%A8.csv"
    return response


@router.post(
    "/ports/import",
    response={200: s.PortTableStateOut, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_ports_import",
    summary="导入海关港口代码表（整表替换）",
    description="CSV（UTF-8 或 GB18030）或 .xlsx，列：代码、名称、国家(地区)代码、默认主港（是/否）。先逐行校验，"
    "任何一行有误即 422 `CUSTOMS_PORT_ROWS_INVALID`（`details.rows` 列出行号与原因），原表不变；全部通过后在"
    "一个事务中替换整张表。缺列 422 `CUSTOMS_PORT_COLUMNS_MISSING`，无法读取 422 `CUSTOMS_PORT_FILE_INVALID`。",
)
@require(ports.PORTS_EDIT)
def ports_import(request: HttpRequest, file: File[UploadedFile]) -> dict[str, Any]:
    content = file.read(port_services.MAX_FILE_BYTES + 1)
    port_services.port_table_import(actor=actor_of(request), file_name=file.name or "港口代码表", content=content)
    return ports.port_table_state()


@router.patch(
    "/ports/{port_code_id}",
    response={200: s.PortCodeOut, **error_responses(401, 403, 404, 422)},
    operation_id="customs_admin_ports_update",
    summary="修改港口的名称或国家（地区）",
    description="改到另一个国家（地区）的港口不再是默认主港。",
)
@require(ports.PORTS_EDIT)
def ports_update(request: HttpRequest, port_code_id: int, payload: s.PortCodeIn) -> dict[str, Any]:
    port = port_services.port_update(actor=actor_of(request), port=ports.port_get(port_code_id), values=payload.dict())
    return ports.port_out(port)


@router.post(
    "/ports/{port_code_id}/main",
    response={200: s.PortCodeOut, **error_responses(401, 403, 404, 409)},
    operation_id="customs_admin_ports_set_main",
    summary="设为所在国家（地区）的默认主港",
    description="原默认主港随之取消；已停用的港口 409 `CUSTOMS_PORT_DISABLED`。",
)
@require(ports.PORTS_EDIT)
def ports_set_main(request: HttpRequest, port_code_id: int) -> dict[str, Any]:
    return ports.port_out(port_services.port_set_main(actor=actor_of(request), port=ports.port_get(port_code_id)))


@router.post(
    "/ports/{port_code_id}/enable",
    response={200: s.PortCodeOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_ports_enable",
    summary="启用港口",
)
@require(ports.PORTS_EDIT)
def ports_enable(request: HttpRequest, port_code_id: int) -> dict[str, Any]:
    port = port_services.port_set_enabled(actor=actor_of(request), port=ports.port_get(port_code_id), enabled=True)
    return ports.port_out(port)


@router.post(
    "/ports/{port_code_id}/disable",
    response={200: s.PortCodeOut, **error_responses(401, 403, 404)},
    operation_id="customs_admin_ports_disable",
    summary="停用港口（不再能选作指运港，也不再是默认主港）",
)
@require(ports.PORTS_EDIT)
def ports_disable(request: HttpRequest, port_code_id: int) -> dict[str, Any]:
    port = port_services.port_set_enabled(actor=actor_of(request), port=ports.port_get(port_code_id), enabled=False)
    return ports.port_out(port)
