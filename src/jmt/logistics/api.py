"""跨境物流 for the merchant (``/logistics``): carriers side by side (L1), shipping and tracking (L2),
and the tracking provider's webhook."""

import logging
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from jmt.core.pagination import paginate
from jmt.core.permissions import PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.integrations.tracking.factory import get_tracking
from jmt.integrations.tracking.port import SignatureInvalid, TrackingError
from jmt.logistics import quote as q
from jmt.logistics import schemas as s
from jmt.logistics import selectors, services
from jmt.logistics.countries import BY_CODE
from jmt.logistics.errors import LogisticsError
from jmt.logistics.flow import COMPARE_EDIT, COMPARE_VIEW, SHIP, SHIP_VIEW

logger = logging.getLogger("jmt.logistics")
router = Router(tags=["logistics"])


class CompareQuery(Schema):
    country: str = Field(min_length=2, max_length=2, examples=["JP"], description="目的国家（两位代码）")
    weight_kg: s.Weight = Field(gt=0, le=1000, description="单件实重（kg）")
    length_cm: s.Dim = Field(gt=0, le=1000)
    width_cm: s.Dim = Field(gt=0, le=1000)
    height_cm: s.Dim = Field(gt=0, le=1000)
    pieces: int = Field(default=1, ge=1, le=20, description="件数（每件相同）")
    postcode: str = Field(default="", max_length=20, description="收件邮编（判断偏远地区）")
    battery: bool = False
    liquid: bool = False
    fragile: bool = Field(default=False, description="含水晶等易碎品")
    carrier_ids: list[int] = Field(default_factory=list, max_length=4, description="只比较选中的 2–4 个渠道")


class FavouriteIn(Schema):
    carrier_id: int
    favourite: bool


@router.get(
    "/countries",
    response={200: list[s.CountryOut], **error_responses(401, 403)},
    operation_id="logistics_countries",
    summary="可寄达的国家及各国收件地址字段",
)
@require(COMPARE_VIEW)
def countries(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.countries_out()


@router.get(
    "/carriers",
    response={200: list[s.CarrierOut], **error_responses(401, 403)},
    operation_id="logistics_carriers",
    summary="物流渠道列表（含实测准时率、是否常用）",
)
@require(COMPARE_VIEW)
def carriers(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.carriers(actor=actor_of(request))


@router.get(
    "/quotes",
    response={200: list[s.QuoteOut], **error_responses(401, 403, 422)},
    operation_id="logistics_compare",
    summary="比价：按目的地、重量、尺寸列出各渠道价格与时效",
    description="计费重 = max(实重, 长×宽×高÷体积重除数)，按渠道进位；运费 = 首重 + 续重（或大货每公斤单价）"
    "+ 燃油附加费 + 偏远地区附加费，单位人民币。不能承运的渠道列在后面并说明原因。",
)
@require(COMPARE_VIEW)
def compare(request: HttpRequest, query: Query[CompareQuery]) -> list[dict[str, Any]]:
    country = query.country.upper()
    if country not in BY_CODE:
        raise LogisticsError.country_unsupported(country)
    parcel = q.Parcel(query.weight_kg, query.length_cm, query.width_cm, query.height_cm)
    return selectors.compare(
        actor=actor_of(request),
        country=country,
        parcels=[parcel] * query.pieces,
        needs=q.Needs(battery=query.battery, liquid=query.liquid, fragile=query.fragile),
        postcode=query.postcode,
        carrier_ids=query.carrier_ids or None,
    )


@router.put(
    "/favourites",
    response={200: s.FavouriteOut, **error_responses(401, 403, 404, 422)},
    operation_id="logistics_favourite",
    summary="设为 / 取消常用渠道",
)
@require(COMPARE_EDIT)
def favourite(request: HttpRequest, payload: FavouriteIn) -> dict[str, Any]:
    value = services.favourite_set(actor=actor_of(request), carrier_id=payload.carrier_id, favourite=payload.favourite)
    return {"carrier_id": payload.carrier_id, "favourite": value}


@router.get(
    "/ship-form",
    response={200: s.ShipFormOut, **error_responses(401, 403)},
    operation_id="logistics_ship_form",
    summary="发货表单预填：寄件人（商户资料）与各国地址字段",
)
@require(SHIP_VIEW)
def ship_form(request: HttpRequest) -> dict[str, Any]:
    merchant = actor_of(request).merchant
    return {"sender": services.sender_from_profile(merchant, {}), "countries": selectors.countries_out()}


@router.get(
    "/shipments",
    response={200: s.ShipmentPageOut, **error_responses(401, 403, 422)},
    operation_id="logistics_shipments",
    summary="我的运单（按编号、运单号、收件人搜索，按状态筛选）",
)
@require(SHIP_VIEW)
def shipments(request: HttpRequest, filters: Query[s.ShipmentFilters]) -> dict[str, Any]:
    rows = selectors.filtered(
        selectors.shipments(actor=actor_of(request)),
        q_=filters.q,
        state=filters.state,
        carrier_id=filters.carrier_id,
        country=filters.country,
        created_from=filters.created_from,
        created_to=filters.created_to,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.shipment_row).out()


@router.get(
    "/shipments/counts",
    response={200: list[s.ShipmentStateCountOut], **error_responses(401, 403)},
    operation_id="logistics_shipment_counts",
    summary="各状态的运单数",
)
@require(SHIP_VIEW)
def shipment_counts(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.state_counts(selectors.shipments(actor=actor_of(request)))


def _input(payload: s.ShipmentIn) -> services.ShipmentInput:
    return services.ShipmentInput(
        carrier_id=payload.carrier_id,
        country=payload.country.upper(),
        sender=payload.sender.dict(),
        recipient={**payload.recipient.dict(), "address": {k: v.strip() for k, v in payload.recipient.address.items()}},
        parcels=[q.Parcel(p.weight_kg, p.length_cm, p.width_cm, p.height_cm) for p in payload.parcels],
        goods=[{**g.dict(), "unit_value": str(g.unit_value)} for g in payload.goods],
        battery=payload.battery,
        liquid=payload.liquid,
        remark=payload.remark,
    )


@router.post(
    "/shipments",
    response={201: s.ShipmentOut, **error_responses(401, 403, 409, 422)},
    operation_id="logistics_shipment_create",
    summary="下单发货",
    description="渠道暂停或终止时拒绝（409 `LOGISTICS_CARRIER_UNAVAILABLE`，附原因）；超限、不寄达或不收易碎品/"
    "电池/液体时 422 `LOGISTICS_CARRIER_INELIGIBLE`；收件地址按目的国家校验（422 `LOGISTICS_INVALID`）。",
)
@require(SHIP)
def shipment_create(request: HttpRequest, payload: s.ShipmentIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    shipment = services.shipment_create(actor=actor, data=_input(payload))
    return Status(201, selectors.shipment_out(shipment, actor=actor))


@router.get(
    "/shipments/{shipment_id}",
    response={200: s.ShipmentOut, **error_responses(401, 403, 404)},
    operation_id="logistics_shipment_get",
    summary="运单详情与物流轨迹",
)
@require(SHIP_VIEW)
def shipment_get(request: HttpRequest, shipment_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    return selectors.shipment_out(selectors.shipment_get(actor=actor, shipment_id=shipment_id), actor=actor)


@router.post(
    "/shipments/{shipment_id}/switch-carrier",
    response={200: s.ShipmentOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="logistics_shipment_switch",
    summary="揽收前更换物流渠道（按当前价格重新计费）",
)
@require(SHIP)
def shipment_switch(request: HttpRequest, shipment_id: int, payload: s.SwitchIn) -> dict[str, Any]:
    actor = actor_of(request)
    shipment = services.shipment_switch_carrier(actor=actor, shipment_id=shipment_id, carrier_id=payload.carrier_id)
    return selectors.shipment_out(shipment, actor=actor)


@router.post(
    "/tracking/webhook",
    auth=None,
    response={200: s.PushOut, **error_responses(400, 401)},
    operation_id="logistics_tracking_webhook",
    summary="轨迹推送（轨迹服务商调用）",
    description="17TRACK 式推送：`{event: TRACKING_UPDATED, data: {number, track_info}}`，请求头 `sign` 为 "
    'SHA-256(请求体 + "/" + 密钥)。签名不符 401；重复推送不会重复记录；晚到的旧轨迹不会让运单状态倒退。',
)
@require(PUBLIC)
def tracking_webhook(request: HttpRequest) -> dict[str, Any]:
    provider = get_tracking()
    try:
        updates = provider.parse_push(dict(request.headers), request.body)
    except SignatureInvalid as exc:
        logger.warning("tracking push refused: %s", exc)
        raise LogisticsError.signature_invalid() from exc
    except TrackingError as exc:
        raise LogisticsError.push_invalid() from exc
    new = services.tracking_apply(updates=updates, source=provider.source)
    return {"code": 0, "new_events": new}
