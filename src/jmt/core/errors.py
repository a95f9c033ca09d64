"""One error type for every refusal the API makes: a stable code, a Chinese message, details.

Every 4xx/5xx response body is ``{"code": ..., "message": ..., "details": {...}}``.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A refusal the client can act on. ``code`` is stable; ``message`` is for people (Chinese)."""

    status = 400

    def __init__(
        self, code: str, message: str, *, status: int | None = None, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        if status is not None:
            self.status = status
        self.details = details or {}

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "details": self.details}


class NotFound(ApiError):
    def __init__(self, message: str = "未找到该记录，或您无权查看") -> None:
        super().__init__("NOT_FOUND", message, status=404)


class PermissionDenied(ApiError):
    def __init__(self, message: str = "您没有执行此操作的权限", details: dict[str, Any] | None = None) -> None:
        super().__init__("PERMISSION_DENIED", message, status=403, details=details)


class Unauthenticated(ApiError):
    def __init__(self, message: str = "请先登录", code: str = "UNAUTHENTICATED") -> None:
        super().__init__(code, message, status=401)


# Codes shared by every domain. Each app adds its own in ``<app>/errors.py``.
COMMON_ERROR_CODES: dict[str, str] = {
    "VALIDATION_ERROR": "提交的数据有误，请检查标红的字段",
    "UNAUTHENTICATED": "请先登录",
    "TOKEN_EXPIRED": "登录已过期，请重新登录",
    "TOKEN_INVALID": "登录凭证无效，请重新登录",
    "PERMISSION_DENIED": "您没有执行此操作的权限",
    "NOT_FOUND": "未找到该记录，或您无权查看",
    "METHOD_NOT_ALLOWED": "不支持该请求方式",
    "BAD_REQUEST": "请求格式不正确，无法读取",
    "PAYLOAD_TOO_LARGE": "提交的内容过大",
    "INTERNAL_ERROR": "服务器开小差了，请稍后重试",
}
