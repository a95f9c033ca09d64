"""跨境申报 for the merchant (``/filings``): one set of endpoints for every filing type.

The type is data (``/types/{type_key}``), never a path of its own: a sixth type needs no endpoint.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from jmt.core.documents import CONTENT_TYPES, attachment
from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.filings import materials, registry, selectors, services
from jmt.filings import schemas as s
from jmt.filings.errors import FilingError

router = Router(tags=["filings"])
GUIDE = "filings:guide:view"


@router.get(
    "/types",
    response={200: list[s.FilingTypeOut], **error_responses(401, 403)},
    operation_id="filings_types",
    summary="全部申报类型：字段、办理流程说明、材料模板",
)
@require(GUIDE)
def types(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.types()


@router.get(
    "/guide",
    response={200: s.FilingGuideOut, **error_responses(401, 403, 404)},
    operation_id="filings_guide",
    summary="出口申报流程推荐：已办结、待办理与推荐的下一步",
)
@require(GUIDE)
def guide(request: HttpRequest) -> dict[str, Any]:
    return selectors.guide(actor=actor_of(request))


@router.get(
    "/types/{type_key}",
    response={200: s.FilingTypePageOut, **error_responses(401, 403, 404)},
    operation_id="filings_type_page",
    summary="一项申报的页面数据：类型配置、本商户的申报与预填值",
    description="未知类型返回 404 `FILING_UNKNOWN_TYPE`；需要该申报的查看权限（`filings:<类型>:view`）。",
)
@require(AUTHENTICATED)  # the type's own view code, checked by the selector
def type_page(request: HttpRequest, type_key: str) -> dict[str, Any]:
    return selectors.type_page(actor=actor_of(request), type_key=type_key)


@router.get(
    "/types/{type_key}/templates/{template_key}",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="filings_template",
    summary="下载材料模板（xlsx 表格或 docx 文书，已按填写内容或预填值填好）",
    description="格式见类型配置中模板的 `format`：表格类为 xlsx，承诺书、授权委托书等文书为 docx。",
    openapi_extra={
        "responses": {
            200: {
                "description": "xlsx 或 docx 文件（文件名为模板中文名称）",
                "content": {content_type: {} for content_type in CONTENT_TYPES.values()},
            }
        }
    },
)
@require(AUTHENTICATED)  # the type's own view code, checked by the selector
def template(request: HttpRequest, type_key: str, template_key: str) -> HttpResponse:
    page = selectors.type_page(actor=actor_of(request), type_key=type_key)
    ft = registry.get(type_key)
    spec = ft.template(template_key)
    if spec is None:
        raise FilingError.template_unknown(template_key)
    values = {**page["prefill"], **(page["filing"]["data"] if page["filing"] else {})}
    return attachment(materials.render(ft, spec, values), title=spec.title, file_format=spec.format)


@router.post(
    "/filings",
    response={201: s.FilingOut, **error_responses(401, 403, 404, 409)},
    operation_id="filings_create",
    summary="开始办理一项申报（按企业资料、我的资料预填）",
    description="每种申报每个商户一份：已有时返回 409 `FILING_EXISTS`（`details.filing_id`）。"
    "需要该申报的编辑权限（`filings:<类型>:edit`）。",
)
@require(AUTHENTICATED)  # the type's edit code, checked by the service
def create(request: HttpRequest, payload: s.FilingCreateIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    filing = services.filing_create(actor=actor, type_key=payload.type)
    return Status(201, selectors.filing_out(filing, actor=actor))


@router.get(
    "/filings/{filing_id}",
    response={200: s.FilingOut, **error_responses(401, 404)},
    operation_id="filings_get",
    summary="申报详情：填写内容、信息回看、修改意见、结果与进度",
)
@require(AUTHENTICATED)  # scoped by the selector to the types the actor may view
def get(request: HttpRequest, filing_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    return selectors.filing_out(selectors.filing_get(actor=actor, filing_id=filing_id), actor=actor)


@router.put(
    "/filings/{filing_id}",
    response={200: s.FilingOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="filings_save",
    summary="保存草稿",
    description="只校验已填写内容的格式（422 `FILING_INVALID`，`details.fields` 逐项说明）；"
    "提交审核后不能修改（409 `FILING_NOT_EDITABLE`），被退回修改或驳回后可修改。",
)
@require(AUTHENTICATED)  # the type's edit code, checked by the service
def save(request: HttpRequest, filing_id: int, payload: s.FilingSaveIn) -> dict[str, Any]:
    actor = actor_of(request)
    filing = services.filing_save(actor=actor, filing_id=filing_id, values=payload.values)
    return selectors.filing_out(filing, actor=actor)


@router.post(
    "/filings/{filing_id}/submit",
    response={200: s.FilingOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="filings_submit",
    summary="提交审核（退回修改后重新提交）",
    description="逐项完整校验，缺项返回 422 `FILING_INCOMPLETE`（`details.fields`）。",
)
@require(AUTHENTICATED)  # the type's edit code, checked by the service
def submit(request: HttpRequest, filing_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    filing = services.filing_submit(actor=actor, filing_id=filing_id)
    return selectors.filing_out(filing, actor=actor)
