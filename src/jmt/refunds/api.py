"""出口退税 for the merchant (``/refunds``): the declarations to claim from, claims, 收汇, submit.
The four-node board is ``GET /workflow/refund/{id}/progress``."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.refunds import schemas as s
from jmt.refunds import selectors, services
from jmt.refunds.flow import APPLY, VIEW

router = Router(tags=["refunds"])


def _input(payload: s.ClaimIn) -> services.ClaimInput:
    return services.ClaimInput(
        picks=payload.picks,
        manual=[services.ManualDeclaration(**m.dict()) for m in payload.manual],
        amount=payload.amount,
        amount_reason=payload.amount_reason,
        files=payload.files.dict(),
    )


def _out(claim: Any) -> dict[str, Any]:
    return selectors.claim_out(claim)


@router.get(
    "/declarations",
    response={200: list[s.DeclarationOptionOut], **error_responses(401, 403)},
    operation_id="refunds_declarations",
    summary="可用于退税的报关单（本商户的汇总结果；简化申报的出口标明不能退税）",
    description="每张汇总结果单（CEB792）一行：报关单号、出口月份、金额、币种、商品；统计标志 A（简化申报）"
    "的出口按月一行，`claimable=false` 并说明 9610 规定。`claim_id` 给出时，该申报已选的报关单不算已使用。",
)
@require(VIEW)
def declarations(request: HttpRequest, claim_id: int | None = None) -> list[dict[str, Any]]:
    return selectors.declaration_options(actor=actor_of(request), claim_id=claim_id)


@router.get(
    "/claims",
    response={200: s.ClaimPageOut, **error_responses(401, 403, 422)},
    operation_id="refunds_list",
    summary="本商户的退税申报（按状态筛选，分页）",
)
@require(VIEW)
def claim_list(request: HttpRequest, filters: Query[s.ClaimFilters]) -> dict[str, Any]:
    rows = selectors.claims(actor=actor_of(request), state=filters.state or "").select_related("merchant")
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.claim_row).out()


@router.post(
    "/claims",
    response={201: s.ClaimOut, **error_responses(401, 403, 409, 422)},
    operation_id="refunds_create",
    summary="新建退税申报（草稿）",
    description="勾选的报关单与手工录入的报关单合计即为申报金额，可修改但须填写原因（422 `REFUNDS_INVALID`）；"
    "简化申报的出口不能选（422 `REFUNDS_DECLARATION_SIMPLIFIED`）；已在其他申报中的报关单 409 "
    "`REFUNDS_DECLARATION_TAKEN`；材料须为 PDF（按内容识别，422 `REFUNDS_FILE_NOT_PDF`）。",
)
@require(APPLY)
def claim_create(request: HttpRequest, payload: s.ClaimIn) -> Status[dict[str, Any]]:
    claim = services.claim_create(actor=actor_of(request), data=_input(payload))
    return Status(201, _out(claim))


@router.get(
    "/claims/{claim_id}",
    response={200: s.ClaimOut, **error_responses(401, 403, 404)},
    operation_id="refunds_get",
    summary="退税申报详情（报关单、材料、申报条件清单）",
)
@require(VIEW)
def claim_get(request: HttpRequest, claim_id: int) -> dict[str, Any]:
    return _out(selectors.claim_get(actor=actor_of(request), claim_id=claim_id))


@router.put(
    "/claims/{claim_id}",
    response={200: s.ClaimOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="refunds_update",
    summary="修改退税申报（草稿或审核不通过时）",
)
@require(APPLY)
def claim_update(request: HttpRequest, claim_id: int, payload: s.ClaimIn) -> dict[str, Any]:
    return _out(services.claim_update(actor=actor_of(request), claim_id=claim_id, data=_input(payload)))


@router.post(
    "/claims/{claim_id}/fx-confirmation",
    response={200: s.ClaimOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="refunds_fx_confirm",
    summary="确认已收汇（子账户到账未覆盖时的手工确认）",
)
@require(APPLY)
def fx_confirm(request: HttpRequest, claim_id: int, payload: s.FxConfirmIn) -> dict[str, Any]:
    return _out(services.claim_fx_confirm(actor=actor_of(request), claim_id=claim_id, note=payload.note))


@router.post(
    "/claims/{claim_id}/submit",
    response={200: s.ClaimOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="refunds_submit",
    summary="提交退税申报（申报条件全部满足时）",
    description="条件未满足返回 422 `REFUNDS_NOT_READY`，`details.missing` 为未满足的清单行（缺什么、去哪里补）。",
)
@require(APPLY)
def submit(request: HttpRequest, claim_id: int) -> dict[str, Any]:
    return _out(services.claim_submit(actor=actor_of(request), claim_id=claim_id))
