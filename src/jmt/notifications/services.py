"""Writes on messages: raise them (with their WeChat pushes), mark them read, publish announcements.

``notify`` is what every other service calls, inside its own transaction: the message rows and the
push tasks (django-tasks-db stores a task as a row through the same connection) commit or roll back
together with the change that raised them — none lost, none sent for a change that did not happen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from jmt.accounts.models import User
from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.merchants.models import Membership, Merchant
from jmt.notifications.models import Announcement, Message, MessageKind, WechatFollower
from jmt.notifications.selectors import messages_visible_to, unread_counts

FAN_OUT_BATCH = 500
PUSH_BATCH = 100


def mp_pagepath_for(link: str) -> str:
    """The mini-program page that opens ``link`` (a merchant route) in its web-view of the H5."""
    page = settings.WECHAT_MINIPROGRAM_WEBVIEW_PAGE
    target = "/m" + (link if link.startswith("/") else "/messages")
    return f"{page}?path={quote(target, safe='')}"


def _related(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label, str(obj.pk)


def enqueue_pushes(message_ids: list[int]) -> None:
    """Queue the WeChat pushes of these messages, in the caller's transaction, in batches."""
    from jmt.notifications.tasks import push_messages

    for start in range(0, len(message_ids), PUSH_BATCH):
        push_messages.enqueue(message_ids[start : start + PUSH_BATCH])


@transaction.atomic
def notify(
    *,
    recipients: Iterable[User],
    merchant: Merchant | None,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    related: models.Model | None = None,
) -> list[Message]:
    """One message per recipient, plus a queued WeChat push for those who have a WeChat identity."""
    kind = MessageKind(kind).value
    related_type, related_id = _related(related)
    now = timezone.now()
    people = {user.pk: user for user in recipients}
    rows = [
        Message(
            recipient=user,
            merchant=merchant,
            kind=kind,
            title=title[:200],
            body=body,
            link=link,
            mp_pagepath=mp_pagepath_for(link),
            related_type=related_type,
            related_id=related_id,
            created_at=now,
        )
        for user in people.values()
    ]
    created = Message.objects.bulk_create(rows)
    enqueue_pushes([m.pk for m in created if people[m.recipient_id].wechat_unionid])
    return created


@dataclass(frozen=True)
class Outgoing:
    """One message to everyone in ``recipients`` (for :func:`notify_many`)."""

    recipients: Sequence[User]
    merchant_id: int | None
    title: str
    body: str = ""
    link: str = ""


@transaction.atomic
def notify_many(*, kind: str, messages: Iterable[Outgoing]) -> int:
    """``notify`` for many different messages at once (one per merchant of a workbook applied): one
    bulk insert, the WeChat pushes queued in the same transaction. Returns how many rows were written."""
    kind = MessageKind(kind).value
    now = timezone.now()
    rows: list[Message] = []
    wechat: set[int] = set()
    for outgoing in messages:
        for user in {u.pk: u for u in outgoing.recipients}.values():
            if user.wechat_unionid:
                wechat.add(user.pk)
            rows.append(
                Message(
                    recipient=user,
                    merchant_id=outgoing.merchant_id,
                    kind=kind,
                    title=outgoing.title[:200],
                    body=outgoing.body,
                    link=outgoing.link,
                    mp_pagepath=mp_pagepath_for(outgoing.link),
                    created_at=now,
                )
            )
    created = Message.objects.bulk_create(rows, batch_size=FAN_OUT_BATCH)
    enqueue_pushes([m.pk for m in created if m.recipient_id in wechat])
    return len(created)


def recipients_by_merchant(merchant_ids: Iterable[int]) -> dict[int, list[User]]:
    """``merchant_recipients`` of many merchants in one query."""
    found: dict[int, list[User]] = {pk: [] for pk in merchant_ids}
    memberships = Membership.objects.filter(merchant_id__in=list(found), user__is_active=True).select_related("user")
    for membership in memberships.order_by("user_id"):
        found[membership.merchant_id].append(membership.user)
    return found


def merchant_recipients(merchant_id: int) -> list[User]:
    """Everyone who belongs to the merchant (its 管理员 and 成员), active accounts only."""
    return list(User.objects.filter(memberships__merchant_id=merchant_id, is_active=True).distinct().order_by("pk"))


def staff_recipients(permission: str) -> list[User]:
    """Active back-office accounts that hold ``permission``."""
    from jmt.accounts.selectors import permissions_for

    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk")
    return [user for user in staff if not permission or permission in permissions_for(user, None)]


# --- reading state -------------------------------------------------------------------------------


@transaction.atomic
def message_mark_read(*, actor: Actor, message_id: int) -> Message:
    message = messages_visible_to(actor).select_for_update().filter(pk=message_id).first()
    if message is None:
        raise NotFound()
    if message.read_at is None:
        # A personal read receipt: the row itself is the record, the operation log is not burdened with it.
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    return message


@transaction.atomic
def messages_mark_all_read(*, actor: Actor, kind: str | None = None) -> int:
    unread = messages_visible_to(actor).filter(read_at__isnull=True)
    if kind:
        unread = unread.filter(kind=MessageKind(kind).value)
    before = unread_counts(actor=actor)
    updated = unread.update(read_at=timezone.now())
    if updated:
        record(
            actor=actor,
            module="notifications",
            action="read_all",
            obj=actor.user,
            before={"unread": before["total"], "kind": kind or "all"},
            after={"unread": unread_counts(actor=actor)["total"], "kind": kind or "all"},
        )
    return updated


# --- announcements -------------------------------------------------------------------------------


@transaction.atomic
def announcement_publish(*, actor: Actor, title: str, body: str, link: str = "") -> Announcement:
    """Publish a 系统公告 to every merchant user; the fan-out runs as a task committed with it."""
    from jmt.notifications.tasks import fan_out_announcement

    announcement = Announcement.objects.create(
        title=title.strip(), body=body.strip(), link=link.strip(), published_by=actor.user
    )
    record(
        actor=actor,
        module="notifications",
        action="publish_announcement",
        obj=announcement,
        before={},
        after=snapshot(announcement, ["title", "body", "link"]),
    )
    fan_out_announcement.enqueue(announcement.pk)
    return announcement


def announcement_fan_out(*, announcement_id: int) -> int:
    """One message per active merchant user, in batches; safe to run twice (one message per person)."""
    announcement = Announcement.objects.get(pk=announcement_id)
    user_ids = (
        Membership.objects.filter(user__is_active=True).values_list("user_id", flat=True).distinct().order_by("user_id")
    )
    created_total = 0
    for start in range(0, len(ids := list(user_ids)), FAN_OUT_BATCH):
        chunk = ids[start : start + FAN_OUT_BATCH]
        with transaction.atomic():
            already = set(
                Message.objects.filter(announcement=announcement, recipient_id__in=chunk).values_list(
                    "recipient_id", flat=True
                )
            )
            people = User.objects.in_bulk([pk for pk in chunk if pk not in already])
            rows = [
                Message(
                    recipient=user,
                    merchant=None,
                    kind=MessageKind.ANNOUNCEMENT,
                    title=announcement.title,
                    body=announcement.body,
                    link=announcement.link,
                    mp_pagepath=mp_pagepath_for(announcement.link),
                    related_type=Announcement._meta.label,
                    related_id=str(announcement.pk),
                    announcement=announcement,
                    created_at=announcement.created_at,
                )
                for user in people.values()
            ]
            created = Message.objects.bulk_create(rows)
            enqueue_pushes([m.pk for m in created if people[m.recipient_id].wechat_unionid])
            created_total += len(created)
    Announcement.objects.filter(pk=announcement.pk).update(
        fanned_out_at=timezone.now(), recipients=Message.objects.filter(announcement=announcement).count()
    )
    return created_total


# --- the service account's followers ---------------------------------------------------------------


@transaction.atomic
def follower_record(*, unionid: str, openid: str, followed: bool) -> WechatFollower:
    """A (un)subscribe event or a follower sync: key the person by unionid, keep the service-account openid."""
    follower, _ = WechatFollower.objects.update_or_create(
        unionid=unionid, defaults={"openid": openid, "followed": followed, "updated_at": timezone.now()}
    )
    return follower
