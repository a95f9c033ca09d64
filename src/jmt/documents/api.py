"""The merchant's documents vault (``/documents``): upload, list, metadata, authorised download, OCR."""

from typing import Any

from django.http import FileResponse, HttpRequest
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.documents import schemas as s
from jmt.documents import selectors, services
from jmt.documents.selectors import EDIT, VIEW

router = Router(tags=["documents"])


class DocumentFilters(Schema):
    kind: s.Kind | None = Field(default=None, description="按类别筛选")
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


@router.post(
    "",
    response={201: s.DocumentOut, **error_responses(401, 403, 422)},
    operation_id="documents_upload",
    summary="上传资料（营业执照、身份证、开户许可证等）",
    description="按文件内容识别类型，只接受 PDF、JPG、PNG、XLSX；改扩展名的其他文件返回 422 "
    "`DOCUMENT_TYPE_NOT_ALLOWED`，空文件 `DOCUMENT_EMPTY`，超过上限（默认 10 MB）`DOCUMENT_TOO_LARGE`。",
)
@require(EDIT)
def upload(request: HttpRequest, kind: Form[s.Kind], file: File[UploadedFile]) -> Status[dict[str, Any]]:
    document = services.document_upload(actor=actor_of(request), kind=kind, file=file)
    return Status(201, selectors.document_out(document))


@router.get(
    "",
    response={200: s.DocumentPageOut, **error_responses(401, 403, 422)},
    operation_id="documents_list",
    summary="本商户资料库（按类别筛选，分页）",
)
@require(VIEW)
def document_list(request: HttpRequest, filters: Query[DocumentFilters]) -> dict[str, Any]:
    rows = selectors.document_list(actor=actor_of(request), kind=filters.kind)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.document_out).out()


@router.get(
    "/{document_id}",
    response={200: s.DocumentOut, **error_responses(401, 403, 404)},
    operation_id="documents_get",
    summary="资料详情",
)
@require(VIEW)
def document_get(request: HttpRequest, document_id: int) -> dict[str, Any]:
    return selectors.document_out(selectors.document_get(actor=actor_of(request), document_id=document_id))


@router.get(
    "/{document_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="documents_download",
    summary="下载资料原文件",
    description="文件只经此接口下载（需登录且有权查看本商户资料），以上传时的文件名作为附件名。",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(VIEW)
def download(request: HttpRequest, document_id: int) -> FileResponse:
    document = selectors.document_get(actor=actor_of(request), document_id=document_id)
    response = FileResponse(
        selectors.open_stored(document),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@router.post(
    "/{document_id}/ocr",
    response={200: s.DocumentOcrOut, **error_responses(401, 403, 404, 422)},
    operation_id="documents_ocr",
    summary="识别资料中的字段（营业执照、身份证、开户许可证）",
    description="返回识别出的字段供用户确认；结果保存在资料上，再次调用直接返回。非图片或「其他」类资料返回 422 "
    "`DOCUMENT_OCR_UNSUPPORTED`。",
)
@require(EDIT)
def recognise(request: HttpRequest, document_id: int) -> dict[str, Any]:
    return services.document_ocr(actor=actor_of(request), document_id=document_id)
