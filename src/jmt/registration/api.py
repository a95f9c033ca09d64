"""工商注册 for the merchant (``/registration``): the current application, the wizard's drafts,
submitting, pre-fill values and confirming the values read off a document."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.merchants.profile import profile_values
from jmt.registration import schemas as s
from jmt.registration import selectors, services
from jmt.registration.flow import REGISTRATION, SUPPLEMENT

router = Router(tags=["registration"])
VIEW = "registration:progress:view"


@router.get(
    "/current",
    response={200: s.CurrentOut, **error_responses(401, 403)},
    operation_id="registration_current",
    summary="本商户当前的工商注册申请（含进度）",
)
@require(VIEW)
def current(request: HttpRequest) -> dict[str, Any]:
    actor = actor_of(request)
    app = selectors.current_application(actor=actor)
    merchant = actor.merchant
    return {
        "application": selectors.application_out(app, actor=actor) if app else None,
        "registration_status": merchant.registration_status if merchant else "not_started",
        "board": [{"key": state.key, "label": state.label} for state in REGISTRATION.board()],
    }


@router.get(
    "/prefill",
    response={200: s.PrefillOut, **error_responses(401, 403, 404)},
    operation_id="registration_prefill",
    summary="预填值：商户资料与已识别文件的识别值",
)
@require(VIEW)
def prefill(request: HttpRequest) -> dict[str, Any]:
    return selectors.prefill(actor=actor_of(request))


@router.post(
    "/applications",
    response={201: s.ApplicationOut, **error_responses(401, 403, 409, 422)},
    operation_id="registration_create",
    summary="开始办理（个体户新办 / 企业新办 / 已注册企业信息补充）",
    description="每个商户同时只能有一份办理中的申请（409 `REGISTRATION_OPEN_EXISTS`）；已核准返回 409 "
    "`REGISTRATION_ALREADY_APPROVED`。"
    "新办需要 `registration:apply:edit`，信息补充需要 `registration:supplement:edit`。",
)
@require(AUTHENTICATED)  # the code depends on the kind; the service checks it
def create(request: HttpRequest, payload: s.CreateIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    app = services.application_create(actor=actor, kind=payload.kind)
    return Status(201, selectors.application_out(app, actor=actor))


@router.get(
    "/applications/{application_id}",
    response={200: s.ApplicationOut, **error_responses(401, 403, 404)},
    operation_id="registration_get",
    summary="申请详情",
)
@require(VIEW)
def application_get(request: HttpRequest, application_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    return selectors.application_out(selectors.application_get(actor=actor, application_id=application_id), actor=actor)


@router.put(
    "/applications/{application_id}/steps/{step}",
    response={200: s.ApplicationOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="registration_save_step",
    summary="保存一步草稿",
    description="只校验本步骤已填写内容的格式（422 `REGISTRATION_INVALID`，`details.fields` 键为「步骤.字段」）；"
    "已提交审核的申请不能修改（409 `REGISTRATION_NOT_EDITABLE`），被驳回后可修改。",
)
@require(AUTHENTICATED)  # registration:apply:edit or registration:supplement:edit by kind, checked by the service
def save_step(request: HttpRequest, application_id: int, step: str, payload: s.StepIn) -> dict[str, Any]:
    actor = actor_of(request)
    app = services.application_save_step(actor=actor, application_id=application_id, step=step, values=payload.values)
    return selectors.application_out(app, actor=actor)


@router.post(
    "/applications/{application_id}/submit",
    response={200: s.ApplicationOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="registration_submit",
    summary="提交审核（驳回后重新提交）",
    description="全部步骤完整校验，缺项返回 422 `REGISTRATION_INCOMPLETE`（`details.fields` 逐项说明，"
    "`details.step` 为第一个需修改的步骤）。",
)
@require(AUTHENTICATED)  # by kind, checked by the service
def submit(request: HttpRequest, application_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    app = services.application_submit(actor=actor, application_id=application_id)
    return selectors.application_out(app, actor=actor)


@router.post(
    "/confirm-ocr",
    response={200: s.ProfileOut, **error_responses(401, 403, 404, 422)},
    operation_id="registration_confirm_ocr",
    summary="确认识别结果，写入商户资料",
    description="用户可先修改识别值再确认；文件须属于本商户（否则 404）。核准后执照信息只能由捷晶管理员修改"
    "（403 `MERCHANT_PROFILE_LOCKED`）。",
)
@require(SUPPLEMENT)
def confirm_ocr(request: HttpRequest, payload: s.OcrConfirmIn) -> dict[str, Any]:
    merchant = services.ocr_confirm(actor=actor_of(request), document_id=payload.document_id, values=payload.values)
    return {"profile": profile_values(merchant)}
