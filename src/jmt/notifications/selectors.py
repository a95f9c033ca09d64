"""Reads of messages, always scoped to the acting person (and the merchant they act for)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from jmt.core.auth import Actor
from jmt.notifications.models import Announcement, Message, MessageKind, PushAttempt

KINDS = [kind.value for kind in MessageKind]


def visibility(user_id: int, merchant_id: int | None) -> Q:
    """A person's messages: addressed to them, and of the merchant they act for or of no merchant."""
    scope = Q(merchant__isnull=True)
    if merchant_id is not None:
        scope |= Q(merchant_id=merchant_id)
    return Q(recipient_id=user_id) & scope


def messages_visible_to(actor: Actor) -> QuerySet[Message]:
    merchant_id = actor.merchant.pk if actor.merchant is not None else None
    return Message.objects.filter(visibility(actor.user.pk, merchant_id))


def message_list(
    *, actor: Actor, kind: str | None = None, unread: bool | None = None, module: str = ""
) -> QuerySet[Message]:
    messages = messages_visible_to(actor)
    if module:
        # A module's messages: about one of its objects, or opening one of its pages (C7 业务办理通知).
        messages = messages.filter(Q(related_type__startswith=f"{module}.") | Q(link__startswith=f"/{module}/"))
    if kind:
        messages = messages.filter(kind=kind)
    if unread is True:
        messages = messages.filter(read_at__isnull=True)
    elif unread is False:
        messages = messages.filter(read_at__isnull=False)
    return messages.order_by("-id")


def counts_of(messages: QuerySet[Message]) -> dict[str, int]:
    by_kind = dict(
        messages.filter(read_at__isnull=True)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    counts = {kind: int(by_kind.get(kind, 0)) for kind in KINDS}
    counts["total"] = sum(counts.values())
    return counts


def unread_counts(*, actor: Actor) -> dict[str, int]:
    """``{"total": n, "status": n, "todo": n, "announcement": n}``."""
    return counts_of(messages_visible_to(actor))


def message_out(message: Message) -> dict[str, Any]:
    return {
        "id": message.pk,
        "kind": message.kind,
        "kind_label": MessageKind(message.kind).label,
        "title": message.title,
        "body": message.body,
        "link": message.link,
        "mp_pagepath": message.mp_pagepath,
        "related_type": message.related_type,
        "related_id": message.related_id,
        "read": message.read_at is not None,
        "read_at": message.read_at,
        "created_at": message.created_at,
    }


# --- back office -----------------------------------------------------------------------------------


def announcement_list() -> QuerySet[Announcement]:
    read = Count("messages", filter=Q(messages__read_at__isnull=False))
    return Announcement.objects.select_related("published_by").annotate(read_count=read).order_by("-id")


def sent_message_list(
    *, kind: str | None = None, merchant_id: int | None = None, recipient: str = ""
) -> QuerySet[Message]:
    """Every message sent (back office): the latest push status of each comes along."""
    latest = PushAttempt.objects.filter(message=OuterRef("pk")).order_by("-attempt", "-id")
    messages = (
        Message.objects.select_related("recipient", "merchant")
        .annotate(
            push_status=Subquery(latest.values("status")[:1]),
            push_errcode=Subquery(latest.values("errcode")[:1]),
        )
        .order_by("-id")
    )
    if kind:
        messages = messages.filter(kind=kind)
    if merchant_id:
        messages = messages.filter(merchant_id=merchant_id)
    if recipient:
        messages = messages.filter(
            Q(recipient__phone__contains=recipient)
            | Q(recipient__name__contains=recipient)
            | Q(recipient__username=recipient)
        )
    return messages


def push_status(*, actor: Actor) -> dict[str, Any]:
    """Whether this person's messages reach their WeChat, and what to do when they do not (我的 page)."""
    from django.conf import settings

    from jmt.notifications.models import WechatFollower
    from jmt.notifications.push import notification_params

    params = notification_params()
    templates = any(params.wechat_templates.values()) or any(settings.WECHAT_TEMPLATE_IDS.values())
    enabled = params.wechat_enabled and templates
    unionid = actor.user.wechat_unionid
    bound = bool(unionid)
    following = bound and WechatFollower.objects.filter(unionid=unionid, followed=True).exists()
    name = params.service_account_name or "晶贸通"
    if not enabled:
        hint = "平台暂未开启微信消息推送，业务消息请在消息中心查看。"
    elif not bound:
        hint = f"您的账号还没有绑定微信：用微信扫码登录一次即可绑定，再关注服务号「{name}」，业务提醒就会推送到微信。"
    elif not following:
        hint = f"关注服务号「{name}」后，审核结果、报关状态等业务消息会同时推送到您的微信。"
    else:
        hint = f"已开启：业务消息会同时通过服务号「{name}」推送到您的微信。"
    return {
        "will_receive": bool(enabled and following),
        "wechat_bound": bound,
        "following": bool(following),
        "enabled": bool(enabled),
        "account_name": name,
        "qr_url": params.service_account_qr,
        "hint": hint,
    }
