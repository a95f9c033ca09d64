"""Every write of 服务评价: rate a completed item, change the rating within 7 days, reply from the back office.

The rules (README of this app):

* only a completed item (409 ``RATING_NOT_COMPLETED``), once (409 ``RATING_ALREADY_RATED``);
* only a user of the item's merchant who may see it (another merchant's item: 404), holding the
  ``edit`` code of the item's module — a 成员 (read-only) cannot rate (403 ``PERMISSION_DENIED``);
* the rating may be changed for 7 days after it was submitted, until 捷晶 replies (409 ``RATING_EDIT_CLOSED``);
* staff reply with ``operations:ratings:edit`` on a merchant within that code's data scope; the
  merchant's people get a 站内信 and a WeChat push.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.notifications.services import merchant_recipients, notify
from jmt.ratings import selectors
from jmt.ratings.errors import RatingError
from jmt.ratings.models import Rating
from jmt.rbac.scope import merchant_in_scope

AUDITED = ("kind", "object_id", "stars", "comment", "reply")
COMMENT_MAX = 500
REPLY_MAX = 500


def _check(stars: int, comment: str) -> str:
    errors: dict[str, str] = {}
    if not 1 <= stars <= 5:
        errors["stars"] = "请选择 1–5 星"
    comment = comment.strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = f"评价内容最多 {COMMENT_MAX} 字"
    if errors:
        raise RatingError.invalid(errors)
    return comment


@transaction.atomic
def rate(*, actor: Actor, kind_key: str, object_id: int, stars: int, comment: str = "") -> Rating:
    kind = selectors.kind_or_404(kind_key)
    if not any(actor.can(code) for code in kind.rate_codes()):
        raise PermissionDenied(details={"permission": kind.rate_codes()[0] if kind.rate_codes() else ""})
    obj = selectors.subject_get(actor=actor, kind=kind, object_id=object_id)
    code = kind.rate_code(obj)
    if not actor.can(code) or not merchant_in_scope(actor, code, kind.merchant_id(obj)):
        raise PermissionDenied(details={"permission": code})
    comment = _check(stars, comment)
    obj = kind.objects().select_for_update().get(pk=obj.pk)  # one rating at a time per item
    if not kind.is_completed(obj):
        raise RatingError.not_completed(noun=kind.noun, state_label=kind.state_label(obj))
    existing = Rating.objects.filter(kind=kind.key, object_id=obj.pk).first()
    if existing is not None:
        raise RatingError.already_rated(existing.pk)
    now = timezone.now()
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                merchant_id=kind.merchant_id(obj),
                kind=kind.key,
                object_id=obj.pk,
                subject_title=kind.title(obj)[:200],
                subject_route=kind.route(obj)[:200],
                subject_admin_route=kind.admin_route(obj)[:200],
                stars=stars,
                comment=comment,
                created_by=actor.user,
                created_at=now,
                updated_at=now,
            )
    except IntegrityError:  # a concurrent first rating won the race
        winner = Rating.objects.get(kind=kind.key, object_id=obj.pk)
        raise RatingError.already_rated(winner.pk) from None
    record(
        actor=actor, module="ratings", action="rating_create", obj=rating, before={}, after=snapshot(rating, AUDITED)
    )
    return rating


@transaction.atomic
def update(*, actor: Actor, rating_id: int, stars: int, comment: str = "") -> Rating:
    found = selectors.rating_get(actor=actor, rating_id=rating_id)
    rating = Rating.objects.select_for_update().get(pk=found.pk)
    kind = selectors.kind_or_404(rating.kind)
    obj = kind.objects().filter(pk=rating.object_id).first()
    if obj is None:
        raise NotFound()
    code = kind.rate_code(obj)
    if not actor.can(code) or not merchant_in_scope(actor, code, rating.merchant_id):
        raise PermissionDenied(details={"permission": code})
    comment = _check(stars, comment)
    if not selectors.editable(rating):
        raise RatingError.edit_closed(replied=rating.replied_at is not None)
    before = snapshot(rating, AUDITED)
    rating.stars = stars
    rating.comment = comment
    rating.updated_at = timezone.now()
    rating.save(update_fields=["stars", "comment", "updated_at"])
    record(
        actor=actor,
        module="ratings",
        action="rating_update",
        obj=rating,
        before=before,
        after=snapshot(rating, AUDITED),
    )
    return rating


@transaction.atomic
def reply(*, actor: Actor, rating_id: int, text: str) -> Rating:
    found = selectors.admin_rating_get(actor=actor, rating_id=rating_id)
    if not merchant_in_scope(actor, selectors.ADMIN_EDIT, found.merchant_id):
        raise PermissionDenied(details={"permission": selectors.ADMIN_EDIT})
    text = text.strip()
    if not text:
        raise RatingError.reply_invalid({"reply": "请填写回复内容"})
    if len(text) > REPLY_MAX:
        raise RatingError.reply_invalid({"reply": f"回复内容最多 {REPLY_MAX} 字"})
    rating = Rating.objects.select_for_update().select_related("merchant").get(pk=found.pk)
    before = snapshot(rating, AUDITED)
    first = rating.replied_at is None
    rating.reply = text
    rating.replied_by = actor.user
    rating.replied_at = timezone.now()
    rating.save(update_fields=["reply", "replied_by", "replied_at"])
    record(
        actor=actor, module="ratings", action="rating_reply", obj=rating, before=before, after=snapshot(rating, AUDITED)
    )
    notify(
        recipients=merchant_recipients(rating.merchant_id),
        merchant=rating.merchant,
        kind="status",
        title=f"捷晶{'回复' if first else '更新了回复'}：您对{rating.subject_title}的评价",
        body=f"您的评价（{rating.stars} 星）：{rating.comment or '（未填写评价内容）'}\n捷晶回复：{text}",
        link=f"/me/ratings?id={rating.pk}",
        related=rating,
    )
    return rating
