"""Delivering one message as a WeChat service-account template message, and recording the attempt.

* The person is found by unionid → ``WechatFollower`` (the service account's openid).
* 43004 (not following) is recorded as ``not_following`` and never retried; the follower is
  marked as not following.
* Transient errors (-1 system busy, a token still refused after the adapter's own refresh) are
  recorded as ``failed`` with their errcode and tried again later with backoff, up to
  ``MAX_ATTEMPTS``; permanent errors are recorded and not retried.
* 系统参数 · 通知参数 switches pushes on or off and names the template of each kind of business
  (工商注册、报关…); the environment's template per message kind is the fallback.
* A message that was already sent is not sent again (a task that runs twice sends once), and
  WeChat gets ``client_msg_id`` so it can drop a duplicate too.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import cast

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from jmt.integrations.wechat.factory import get_wechat_client
from jmt.integrations.wechat.port import TemplateMessage, WechatError
from jmt.notifications.models import Message, PushAttempt, PushStatus, WechatFollower
from jmt.system.parameters import NotificationParams

logger = logging.getLogger("jmt.notifications")

RETRY_DELAYS = (30, 120, 600, 1800)  # seconds before attempts 2, 3, 4, 5
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
THING_MAX = 20  # WeChat's limit for a template "thing" value


def _thing(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= THING_MAX else text[: THING_MAX - 1] + "…"


# 系统参数 · 通知参数 names a template per kind of business; a message's kind of business is the
# module its link opens (announcements: their own).
CATEGORY_BY_ROUTE = (
    ("/registration", "registration_result"),
    ("/filings", "filing_result"),
    ("/customs", "customs_status"),
    ("/refunds", "refund_status"),
    ("/fx", "fx_arrival"),
)


def category_of(message: Message) -> str:
    if message.kind == "announcement":
        return "announcement"
    link = message.link or ""
    return next((category for prefix, category in CATEGORY_BY_ROUTE if link.startswith(prefix)), "")


def notification_params() -> NotificationParams:
    from jmt.system.selectors import parameter

    return cast(NotificationParams, parameter("notifications"))


def template_id_for(message: Message, params: NotificationParams | None = None) -> str:
    """The 系统参数 template of the message's kind of business, else the environment's for its kind."""
    params = params or notification_params()
    chosen = params.wechat_templates.get(category_of(message), "")  # type: ignore[call-overload]
    return chosen or settings.WECHAT_TEMPLATE_IDS.get(message.kind, "")


def template_for(message: Message) -> TemplateMessage | None:
    template_id = template_id_for(message)
    if not template_id:
        return None
    fields = settings.WECHAT_TEMPLATE_FIELDS
    data = {
        fields["title"]: _thing(message.title),
        fields["body"]: _thing(message.body or message.title),
        fields["time"]: timezone.localtime(message.created_at).strftime("%Y年%m月%d日 %H:%M"),
    }
    return TemplateMessage(
        touser="",
        template_id=template_id,
        data=data,
        miniprogram_pagepath=message.mp_pagepath,
        client_msg_id=f"jmt-message-{message.pk}",
    )


def _record(
    message: Message,
    attempt: int,
    status: str,
    *,
    errcode: int | None = None,
    errmsg: str = "",
    retry_at: datetime | None = None,
) -> PushAttempt:
    return PushAttempt.objects.create(
        message=message, attempt=attempt, status=status, errcode=errcode, errmsg=errmsg[:200], retry_at=retry_at
    )


def deliver(message_id: int, attempt: int = 1) -> str:
    """Try once to push the message; returns the status recorded (or ``gone`` / ``already_sent``)."""
    message = Message.objects.select_related("recipient").filter(pk=message_id).first()
    if message is None:
        return "gone"
    if PushAttempt.objects.filter(message=message, status=PushStatus.SENT).exists():
        return "already_sent"
    unionid = message.recipient.wechat_unionid
    follower = WechatFollower.objects.filter(unionid=unionid).first() if unionid else None
    if follower is None:
        _record(message, attempt, PushStatus.SKIPPED, errmsg="没有此人的服务号 openid（未关注服务号或未绑定微信）")
        return PushStatus.SKIPPED
    if not follower.followed:
        _record(message, attempt, PushStatus.NOT_FOLLOWING, errmsg="已取消关注服务号")
        return PushStatus.NOT_FOLLOWING
    if not notification_params().wechat_enabled:
        _record(message, attempt, PushStatus.SKIPPED, errmsg="系统参数中已关闭微信模板消息")
        return PushStatus.SKIPPED
    template = template_for(message)
    if template is None:
        _record(message, attempt, PushStatus.SKIPPED, errmsg=f"未配置「{message.get_kind_display()}」的模板")
        return PushStatus.SKIPPED
    template = TemplateMessage(
        touser=follower.openid,
        template_id=template.template_id,
        data=template.data,
        miniprogram_pagepath=template.miniprogram_pagepath,
        client_msg_id=template.client_msg_id,
    )
    try:
        get_wechat_client().send_template(template)
    except WechatError as exc:
        return _failed(message, attempt, exc, follower)
    except ImproperlyConfigured as exc:
        _record(message, attempt, PushStatus.FAILED, errmsg=str(exc))
        return PushStatus.FAILED
    _record(message, attempt, PushStatus.SENT)
    return PushStatus.SENT


def _failed(message: Message, attempt: int, exc: WechatError, follower: WechatFollower) -> str:
    if exc.errcode == 43004:
        WechatFollower.objects.filter(pk=follower.pk).update(followed=False, updated_at=timezone.now())
        _record(message, attempt, PushStatus.NOT_FOLLOWING, errcode=exc.errcode, errmsg=exc.errmsg)
        return PushStatus.NOT_FOLLOWING
    if exc.permanent or attempt >= MAX_ATTEMPTS:
        _record(message, attempt, PushStatus.FAILED, errcode=exc.errcode, errmsg=exc.errmsg)
        logger.warning("wechat push of message %s failed for good: %s", message.pk, exc.errcode)
        return PushStatus.FAILED
    from jmt.notifications.tasks import push_message_retry

    retry_at = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1])
    _record(message, attempt, PushStatus.FAILED, errcode=exc.errcode, errmsg=exc.errmsg, retry_at=retry_at)
    push_message_retry.using(run_after=retry_at).enqueue(message.pk, attempt + 1)
    logger.info("wechat push of message %s failed (%s); try %d at %s", message.pk, exc.errcode, attempt + 1, retry_at)
    return PushStatus.FAILED
