"""The API at /api/v1: one NinjaAPI, every router mounted here, one error shape for every refusal."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent, TooManyFilesSent
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from jmt.accounts.api import auth_router, me_router
from jmt.accounts.errors import ERROR_CODES as AUTH_ERROR_CODES
from jmt.audit.api_admin import router as audit_admin_router
from jmt.cockpits.api_admin import router as cockpits_admin_router
from jmt.cockpits.errors import ERROR_CODES as COCKPITS_ERROR_CODES
from jmt.core import input_guard
from jmt.core.auth import BearerAuth
from jmt.core.errors import COMMON_ERROR_CODES, ApiError
from jmt.core.renderers import ORJSONRenderer
from jmt.crystal.api import router as crystal_router
from jmt.crystal.api_admin import router as crystal_admin_router
from jmt.crystal.errors import ERROR_CODES as CRYSTAL_ERROR_CODES
from jmt.customs.api import customs_router
from jmt.customs.api_admin import router as customs_admin_router
from jmt.customs.api_batches import batches_router as customs_batches_router
from jmt.customs.api_batches import gateway_router as customs_gateway_router
from jmt.customs.errors import ERROR_CODES as CUSTOMS_ERROR_CODES
from jmt.documents.api import router as documents_router
from jmt.documents.errors import ERROR_CODES as DOCUMENT_ERROR_CODES
from jmt.downloads.api import router as downloads_router
from jmt.downloads.api_admin import router as downloads_admin_router
from jmt.downloads.errors import ERROR_CODES as DOWNLOAD_ERROR_CODES
from jmt.filings.api import router as filings_router
from jmt.filings.api_admin import router as filings_admin_router
from jmt.filings.errors import ERROR_CODES as FILING_ERROR_CODES
from jmt.fx.api import router as fx_router
from jmt.fx.api_admin import router as fx_admin_router
from jmt.fx.errors import ERROR_CODES as FX_ERROR_CODES
from jmt.logistics.api import router as logistics_router
from jmt.logistics.api_admin import router as logistics_admin_router
from jmt.logistics.errors import ERROR_CODES as LOGISTICS_ERROR_CODES
from jmt.merchants.api import router as merchant_router
from jmt.merchants.api_admin import router as merchants_admin_router
from jmt.merchants.errors import ERROR_CODES as MERCHANT_ERROR_CODES
from jmt.notifications.api import admin_router as notifications_admin_router
from jmt.notifications.api import router as notifications_router
from jmt.notifications.errors import ERROR_CODES as NOTIFICATION_ERROR_CODES
from jmt.ratings.api import router as ratings_router
from jmt.ratings.api_admin import router as ratings_admin_router
from jmt.ratings.errors import ERROR_CODES as RATING_ERROR_CODES
from jmt.rbac.api_admin import router as rbac_admin_router
from jmt.rbac.errors import ERROR_CODES as RBAC_ERROR_CODES
from jmt.refunds.api import router as refunds_router
from jmt.refunds.api_admin import router as refunds_admin_router
from jmt.refunds.errors import ERROR_CODES as REFUNDS_ERROR_CODES
from jmt.registration.api import router as registration_router
from jmt.registration.api_admin import router as registration_admin_router
from jmt.registration.errors import ERROR_CODES as REGISTRATION_ERROR_CODES
from jmt.search.api import admin_router as search_admin_router
from jmt.search.api import router as search_router
from jmt.showroom.api import router as showroom_router
from jmt.showroom.api_admin import router as showroom_admin_router
from jmt.showroom.errors import ERROR_CODES as SHOWROOM_ERROR_CODES
from jmt.system.api import health_router, home_router, notices_router
from jmt.system.api_admin import router as system_admin_router
from jmt.training.api import router as training_router
from jmt.training.api_admin import router as training_admin_router
from jmt.training.errors import ERROR_CODES as TRAINING_ERROR_CODES
from jmt.workflow.api import router as workflow_router
from jmt.workflow.errors import ERROR_CODES as WORKFLOW_ERROR_CODES

logger = logging.getLogger("jmt.api")

ERROR_CODES: dict[str, str] = {
    **COMMON_ERROR_CODES,
    **AUTH_ERROR_CODES,
    **RBAC_ERROR_CODES,
    **WORKFLOW_ERROR_CODES,
    **NOTIFICATION_ERROR_CODES,
    **CUSTOMS_ERROR_CODES,
    **DOCUMENT_ERROR_CODES,
    **MERCHANT_ERROR_CODES,
    **REGISTRATION_ERROR_CODES,
    **FX_ERROR_CODES,
    **FILING_ERROR_CODES,
    **REFUNDS_ERROR_CODES,
    **LOGISTICS_ERROR_CODES,
    **SHOWROOM_ERROR_CODES,
    **TRAINING_ERROR_CODES,
    **COCKPITS_ERROR_CODES,
    **CRYSTAL_ERROR_CODES,
    **RATING_ERROR_CODES,
    **DOWNLOAD_ERROR_CODES,
}


def _error_code_table() -> str:
    rows = "\n".join(f"| `{code}` | {text} |" for code, text in sorted(ERROR_CODES.items()))
    return f"\n\n## 错误码\n所有错误响应均为 `{{code, message, details}}`。\n\n| code | 含义 |\n|---|---|\n{rows}\n"


api = NinjaAPI(
    title="晶贸通 API",
    version="2.0.0",
    description="晶贸通跨境贸易服务平台接口。认证：`Authorization: Bearer <access>`。" + _error_code_table(),
    auth=BearerAuth(),
    renderer=ORJSONRenderer(),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/auth", auth_router)
api.add_router("/me", me_router)
api.add_router("/home", home_router)
api.add_router("/health", health_router)
api.add_router("/customs", customs_router)
api.add_router("/system", notices_router)
api.add_router("/admin/system", system_admin_router)
api.add_router("/admin/audit", audit_admin_router)
api.add_router("/admin/rbac", rbac_admin_router)
api.add_router("/workflow", workflow_router)
api.add_router("/notifications", notifications_router)
api.add_router("/admin/notifications", notifications_admin_router)
api.add_router("/documents", documents_router)
api.add_router("/merchant", merchant_router)
api.add_router("/admin/merchants", merchants_admin_router)
api.add_router("/customs/batches", customs_batches_router)
api.add_router("/customs/gateway", customs_gateway_router)
api.add_router("/admin/customs", customs_admin_router)
api.add_router("/registration", registration_router)
api.add_router("/admin/registration", registration_admin_router)
api.add_router("/fx", fx_router)
api.add_router("/admin/fx", fx_admin_router)
api.add_router("/filings", filings_router)
api.add_router("/admin/filings", filings_admin_router)
api.add_router("/refunds", refunds_router)
api.add_router("/admin/refunds", refunds_admin_router)
api.add_router("/logistics", logistics_router)
api.add_router("/admin/logistics", logistics_admin_router)
api.add_router("/showroom", showroom_router)
api.add_router("/admin/showroom", showroom_admin_router)
api.add_router("/training", training_router)
api.add_router("/admin/training", training_admin_router)
api.add_router("/crystal", crystal_router)
api.add_router("/admin/crystal", crystal_admin_router)
api.add_router("/search", search_router)
api.add_router("/admin/search", search_admin_router)
api.add_router("/admin/cockpits", cockpits_admin_router)
api.add_router("/ratings", ratings_router)
api.add_router("/admin/ratings", ratings_admin_router)
api.add_router("/downloads", downloads_router)
api.add_router("/admin/downloads", downloads_admin_router)


def _respond(
    request: HttpRequest, status: int, code: str, message: str, details: dict[str, Any] | None = None
) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message, "details": details or {}}, status=status)


@api.exception_handler(ApiError)
def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return api.create_response(request, exc.body(), status=exc.status)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, str] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload", "query", "path")]
        fields[".".join(loc) or "_"] = _chinese_validation_message(error)
    return _respond(request, 422, "VALIDATION_ERROR", COMMON_ERROR_CODES["VALIDATION_ERROR"], {"fields": fields})


def _chinese_validation_message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind == "missing":
        return "必填"
    if kind in {"string_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "float_parsing"}:
        return "格式不正确"
    if kind == "literal_error":
        return "取值不在允许范围内"
    if kind in {"string_too_long", "too_long"}:
        return "内容过长"
    if kind in {"string_too_short", "too_short"}:
        return "内容过短"
    return "取值无效"


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _respond(request, 401, "UNAUTHENTICATED", COMMON_ERROR_CODES["UNAUTHENTICATED"])


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _respond(request, 404, "NOT_FOUND", COMMON_ERROR_CODES["NOT_FOUND"])


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = {405: "METHOD_NOT_ALLOWED", 404: "NOT_FOUND", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED"}.get(
        exc.status_code, "BAD_REQUEST"
    )
    return _respond(request, exc.status_code, code, COMMON_ERROR_CODES.get(code, "请求无法处理"))


@api.exception_handler(RequestDataTooBig)
@api.exception_handler(TooManyFieldsSent)
@api.exception_handler(TooManyFilesSent)
def on_too_large(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Bodies over Django's upload limits (``DATA_UPLOAD_MAX_MEMORY_SIZE``, field and file counts)."""
    return _respond(request, 413, "PAYLOAD_TOO_LARGE", COMMON_ERROR_CODES["PAYLOAD_TOO_LARGE"])


@api.exception_handler(MultiPartParserError)
@api.exception_handler(UnreadablePostError)
@api.exception_handler(SuspiciousOperation)
def on_unreadable_body(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A body that cannot be read as what it claims to be (malformed multipart, a cut-off upload)."""
    logger.info("unreadable request body on %s %s: %s", request.method, request.path, exc.__class__.__name__)
    return _respond(request, 400, "BAD_REQUEST", COMMON_ERROR_CODES["BAD_REQUEST"])


@api.exception_handler(DataError)
@api.exception_handler(OverflowError)
def on_value_the_database_cannot_store(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A value past a column's range or length that no validation caught: the input's fault, not the server's."""
    logger.warning("value refused by the database on %s %s: %s", request.method, request.path, exc)
    return _respond(request, 422, "VALIDATION_ERROR", COMMON_ERROR_CODES["VALIDATION_ERROR"])


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return _respond(request, 500, "INTERNAL_ERROR", COMMON_ERROR_CODES["INTERNAL_ERROR"])


# Last, once every router is mounted: permission refusals before validation, hostile values refused.
input_guard.install(api)
