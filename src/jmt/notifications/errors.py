"""Error codes of the message center."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "STREAM_TICKET_INVALID": "消息推送连接凭证无效或已过期，请重新获取",
}


class NotificationError:
    @staticmethod
    def stream_ticket_invalid() -> ApiError:
        return ApiError("STREAM_TICKET_INVALID", "消息推送连接凭证无效或已过期，请重新获取", status=401)
