"""The message center (``/notifications``), its event stream, and the back office's announcements."""

import logging
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from jmt.core.pagination import paginate
from jmt.core.permissions import AUTHENTICATED, PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.notifications import schemas as s
from jmt.notifications import selectors, services, wechat_events
from jmt.notifications.errors import NotificationError
from jmt.notifications.models import Announcement, Message, MessageKind, PushStatus
from jmt.notifications.stream import (
    STREAM_TICKET_SECONDS,
    event_stream,
    grant_is_valid,
    issue_ticket,
    polling_only,
    read_ticket,
)

logger = logging.getLogger("jmt.notifications.wechat")
router = Router(tags=["notifications"])
admin_router = Router(tags=["notifications-admin"])

STREAM_PATH = "/api/v1/notifications/stream"
# Back-office codes of the catalog that cover the message center until it has codes of its own.
PUBLISH_PERMISSION = "system:parameters:edit"
SENT_LIST_PERMISSION = "system:logs:view"


class Paging(Schema):
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class MessageFilters(Paging):
    kind: s.Kind | None = Field(default=None, description="类别")
    unread: bool | None = Field(default=None, description="true 只看未读，false 只看已读")
    module: str = Field(
        default="", max_length=32, pattern=r"^[a-z_]*$", description="业务模块，如 customs：只看该模块的业务办理通知"
    )


# --- merchant and staff: one's own message center ------------------------------------------------


@router.get(
    "/messages",
    response={200: s.MessagePageOut, **error_responses(401, 422)},
    operation_id="notifications_list",
    summary="我的消息列表（按类别、未读筛选，分页）",
)
@require(AUTHENTICATED)
def message_list(request: HttpRequest, filters: Query[MessageFilters]) -> dict[str, Any]:
    rows = selectors.message_list(
        actor=actor_of(request), kind=filters.kind, unread=filters.unread, module=filters.module
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.message_out).out()


@router.get(
    "/messages/unread-count",
    response={200: s.UnreadCountOut, **error_responses(401)},
    operation_id="notifications_unread_count",
    summary="未读消息数（合计与各类别）",
)
@require(AUTHENTICATED)
def unread_count(request: HttpRequest) -> dict[str, int]:
    return selectors.unread_counts(actor=actor_of(request))


@router.post(
    "/messages/read-all",
    response={200: s.ReadAllOut, **error_responses(401, 422)},
    operation_id="notifications_read_all",
    summary="全部标为已读（可只标某一类）",
)
@require(AUTHENTICATED)
def read_all(request: HttpRequest, payload: s.ReadAllIn) -> dict[str, Any]:
    actor = actor_of(request)
    updated = services.messages_mark_all_read(actor=actor, kind=payload.kind)
    return {"updated": updated, "unread": selectors.unread_counts(actor=actor)}


@router.post(
    "/messages/{message_id}/read",
    response={200: s.MessageOut, **error_responses(401, 404)},
    operation_id="notifications_read",
    summary="标为已读",
    description="只能标记自己的消息；别人的消息编号返回 404。",
)
@require(AUTHENTICATED)
def read_one(request: HttpRequest, message_id: int) -> dict[str, Any]:
    return selectors.message_out(services.message_mark_read(actor=actor_of(request), message_id=message_id))


@router.post(
    "/stream-ticket",
    response={200: s.StreamTicketOut, **error_responses(401)},
    operation_id="notifications_stream_ticket",
    summary="获取消息推送连接凭证（SSE）",
    description=f"EventSource 不能带 Authorization 头：先用登录凭证换取 {STREAM_TICKET_SECONDS} 秒内有效的连接凭证，"
    "再连接返回的 `url`。",
)
@require(AUTHENTICATED, allow_while_impersonating=True)  # reads only: a read-only impersonation may listen
def stream_ticket(request: HttpRequest) -> dict[str, Any]:
    ticket = issue_ticket(actor_of(request))
    return {"ticket": ticket, "expires_in": STREAM_TICKET_SECONDS, "url": f"{STREAM_PATH}?ticket={ticket}"}


@router.get(
    "/stream",
    auth=None,
    response={200: None, **error_responses(401, 422)},
    operation_id="notifications_stream",
    summary="新消息实时推送（Server-Sent Events）",
    description="`text/event-stream`：`event: message`（`data` 为 `{message, unread}`，`id` 为消息编号）、"
    "`event: unread`（未读数变化）、每 15 秒一次 `: heartbeat` 注释、`event: end`（服务端结束，"
    "请用新凭证和 `after=<最后的消息编号>` 重连）。",
    openapi_extra={"responses": {200: {"description": "事件流", "content": {"text/event-stream": {}}}}},
)
@require(PUBLIC)  # the signed ticket is the credential
async def stream(request: HttpRequest, ticket: str, after: int | None = None) -> StreamingHttpResponse:
    grant = read_ticket(ticket)
    if not await sync_to_async(grant_is_valid)(grant):
        raise NotificationError.stream_ticket_invalid()
    if after is None:
        last_event = request.headers.get("Last-Event-ID", "")
        after = int(last_event) if last_event.isdigit() else None
    events = event_stream(grant, after) if isinstance(request, ASGIRequest) else polling_only(grant)
    response = StreamingHttpResponse(events, content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"  # nginx: do not buffer the stream
    return response


# --- back office ---------------------------------------------------------------------------------


def _announcement_out(a: Announcement) -> dict[str, Any]:
    return {
        "id": a.pk,
        "title": a.title,
        "content": a.body,
        "link": a.link,
        "published_by": a.published_by.display_name if a.published_by else "",
        "created_at": a.created_at,
        "status": "sent" if a.fanned_out_at else "sending",
        "recipients": a.recipients,
        "read_count": getattr(a, "read_count", 0),
    }


@admin_router.get(
    "/announcements",
    response={200: s.AnnouncementPageOut, **error_responses(401, 403)},
    operation_id="notifications_admin_announcements",
    summary="已发布的系统公告",
)
@require(SENT_LIST_PERMISSION)
def announcement_list(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    rows = selectors.announcement_list()
    return paginate(rows, page=paging.page, page_size=paging.page_size).map(_announcement_out).out()


@admin_router.post(
    "/announcements",
    response={201: s.AnnouncementOut, **error_responses(401, 403, 422)},
    operation_id="notifications_admin_publish",
    summary="发布系统公告（发给全部商户用户）",
    description="公告在后台任务中逐一分发到每位商户用户的消息中心，并推送微信服务号模板消息。",
)
@require(PUBLISH_PERMISSION)
def announcement_publish(request: HttpRequest, payload: s.AnnouncementIn) -> Status[dict[str, Any]]:
    announcement = services.announcement_publish(
        actor=actor_of(request), title=payload.title, body=payload.content, link=payload.link
    )
    return Status(201, _announcement_out(announcement))


class SentFilters(Paging):
    kind: s.Kind | None = None
    merchant_id: int | None = None
    recipient: str = Field(default="", max_length=64, description="手机号、姓名或登录名")


def _sent_out(m: Message) -> dict[str, Any]:
    status = getattr(m, "push_status", None)
    if status is None:
        status = "pending" if m.recipient.wechat_unionid else "none"
    return {
        "id": m.pk,
        "kind": m.kind,
        "kind_label": MessageKind(m.kind).label,
        "title": m.title,
        "recipient_id": m.recipient_id,
        "recipient_name": m.recipient.display_name,
        "merchant_id": m.merchant_id,
        "merchant_name": m.merchant.display_name if m.merchant else "",
        "read": m.read_at is not None,
        "created_at": m.created_at,
        "push_status": PushStatus(status).value if status in PushStatus.values else status,
        "push_errcode": getattr(m, "push_errcode", None),
    }


@admin_router.get(
    "/messages",
    response={200: s.SentMessagePageOut, **error_responses(401, 403, 422)},
    operation_id="notifications_admin_sent",
    summary="已发送的站内信与微信推送状态",
)
@require(SENT_LIST_PERMISSION)
def sent_list(request: HttpRequest, filters: Query[SentFilters]) -> dict[str, Any]:
    rows = selectors.sent_message_list(kind=filters.kind, merchant_id=filters.merchant_id, recipient=filters.recipient)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(_sent_out).out()


# --- the WeChat service account (公众号) ----------------------------------------------------------


class WechatCallbackQuery(Schema):
    signature: str = ""
    timestamp: str = ""
    nonce: str = ""
    echostr: str = ""
    openid: str = ""
    encrypt_type: str = ""
    msg_signature: str = ""


def _refused(problem: Exception) -> HttpResponse:
    logger.warning("wechat callback refused: %s", problem)
    return HttpResponse("forbidden", status=403, content_type="text/plain; charset=utf-8")


@router.get(
    "/wechat/callback",
    auth=None,
    response={200: None, 403: None},
    operation_id="notifications_wechat_verify",
    summary="服务号服务器地址校验（微信调用）",
    description="微信公众平台保存服务器配置时调用：校验 `signature`（Token、`timestamp`、`nonce` 排序后的 SHA1），"
    "通过则原样返回 `echostr`。",
    openapi_extra={"responses": {200: {"description": "校验通过", "content": {"text/plain": {"example": "echostr"}}}}},
)
@require(PUBLIC)
def wechat_verify(request: HttpRequest, query: Query[WechatCallbackQuery]) -> HttpResponse:
    try:
        wechat_events.verify(
            wechat_events.service_account(), signature_=query.signature, timestamp=query.timestamp, nonce=query.nonce
        )
    except wechat_events.CallbackRefused as exc:
        return _refused(exc)
    return HttpResponse(query.echostr, content_type="text/plain; charset=utf-8")


@router.post(
    "/wechat/callback",
    auth=None,
    response={200: None, 403: None},
    operation_id="notifications_wechat_event",
    summary="服务号事件推送（微信调用）：关注与取消关注",
    description="支持明文模式与安全模式（`encrypt_type=aes`，校验 `msg_signature` 并用 EncodingAESKey 解密）。"
    "关注事件通过 `user/info` 取得 unionid 并记入服务号关注者，取消关注则标记为未关注；其他消息忽略。"
    "处理后返回纯文本 `success`（微信不再重试）。",
    openapi_extra={
        "requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}, "required": True},
        "responses": {200: {"description": "已处理", "content": {"text/plain": {"example": "success"}}}},
    },
)
@require(PUBLIC)
def wechat_event(request: HttpRequest, query: Query[WechatCallbackQuery]) -> HttpResponse:
    try:
        fields = wechat_events.read_callback(
            wechat_events.service_account(),
            body=request.body,
            signature_=query.signature,
            timestamp=query.timestamp,
            nonce=query.nonce,
            encrypt_type=query.encrypt_type,
            msg_signature=query.msg_signature,
        )
    except wechat_events.CallbackRefused as exc:
        return _refused(exc)
    outcome = wechat_events.handle_event(fields)
    logger.info("wechat callback %s: %s", fields.get("Event") or fields.get("MsgType"), outcome)
    return HttpResponse("success", content_type="text/plain; charset=utf-8")


@router.get(
    "/push-status",
    response={200: s.PushStatusOut, **error_responses(401)},
    operation_id="notifications_push_status",
    summary="我的微信推送状态：能否收到服务号消息、如何关注",
)
@require(AUTHENTICATED)
def push_status(request: HttpRequest) -> dict[str, Any]:
    return selectors.push_status(actor=actor_of(request))
