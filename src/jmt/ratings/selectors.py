"""Every read of 服务评价, scoped by the acting user.

A merchant user sees the ratings of the merchant they act for, of the kinds whose items they may
see; the back office sees the ratings of the merchants within the data scope of
``operations:ratings:view``. :func:`good_rate` feeds 好评率 in the 综合服务 cockpit.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.ratings import registry
from jmt.ratings.errors import EDIT_DAYS
from jmt.ratings.models import Rating
from jmt.ratings.registry import RateableKind
from jmt.rbac.scope import merchants_visible

ADMIN_VIEW = "operations:ratings:view"
ADMIN_EDIT = "operations:ratings:edit"
GOOD_STARS = 4  # 4 and 5 stars are 好评
PENDING_DAYS = 30  # an item completed in the last 30 days and not rated yet is a 待评价 to-do
EDIT_WINDOW = timedelta(days=EDIT_DAYS)


def _own_merchant_id(actor: Actor) -> int:
    if actor.merchant is None:
        raise NotFound()
    return int(actor.merchant.pk)


def kind_or_404(key: str) -> RateableKind:
    kind = registry.get(key)
    if kind is None:
        raise NotFound()
    return kind


# --- the merchant: one item, its rating, the history, the items waiting for a rating ---


def subject_get(*, actor: Actor, kind: RateableKind, object_id: int) -> Any:
    """One item of the merchant the actor acts for, if the actor may see it (else 404)."""
    merchant_id = _own_merchant_id(actor)
    found = kind.objects().filter(kind.visible(actor), pk=object_id, merchant_id=merchant_id).first()
    if found is None:
        raise NotFound()
    return found


def editable(rating: Rating, now: datetime | None = None) -> bool:
    """The rule: a rating may be changed for 7 days after it was first submitted, and not once 捷晶 replied."""
    return not rating.replied_at and (now or timezone.now()) < rating.created_at + EDIT_WINDOW


def rating_out(rating: Rating, *, merchant_name: str | None = None) -> dict[str, Any]:
    return {
        "id": rating.pk,
        "kind": rating.kind,
        "kind_label": registry.label_of(rating.kind),
        "object_id": rating.object_id,
        "subject_title": rating.subject_title,
        "subject_route": rating.subject_route,
        "stars": rating.stars,
        "comment": rating.comment,
        "created_at": rating.created_at,
        "updated_at": rating.updated_at,
        "editable": editable(rating),
        "edit_until": rating.created_at + EDIT_WINDOW,
        "reply": rating.reply,
        "replied_at": rating.replied_at,
        "merchant_name": merchant_name,
    }


def subject_out(*, actor: Actor, kind: RateableKind, obj: Any) -> dict[str, Any]:
    """The Rate card of one item: whether it is completed, whether the actor may rate it, its rating."""
    rating = Rating.objects.filter(kind=kind.key, object_id=obj.pk).first()
    completed = kind.is_completed(obj)
    return {
        "kind": kind.key,
        "kind_label": kind.label,
        "object_id": obj.pk,
        "title": kind.title(obj),
        "completed": completed,
        "completed_at": kind.completed_at(obj) if completed else None,
        "state_label": kind.state_label(obj),
        "can_rate": completed and rating is None and actor.can(kind.rate_code(obj)),
        "can_edit": rating is not None and editable(rating) and actor.can(kind.rate_code(obj)),
        "rating": rating_out(rating) if rating else None,
    }


def _visible_ratings_filter(actor: Actor) -> Q:
    """Ratings of the kinds and items the actor may see (one subquery per kind)."""
    filters = Q(pk__in=[])
    for kind in registry.kinds():
        items = kind.objects().filter(kind.visible(actor)).values("pk")
        filters |= Q(kind=kind.key, object_id__in=items)
    return filters


def my_ratings(*, actor: Actor, answered: bool | None = None) -> QuerySet[Rating]:
    """我的评价: the ratings of the merchant the actor acts for, newest first."""
    rows = Rating.objects.filter(_visible_ratings_filter(actor), merchant_id=_own_merchant_id(actor))
    if answered is not None:
        rows = rows.filter(replied_at__isnull=not answered)
    return rows.order_by("-created_at", "-id")


def page_holding(rows: QuerySet[Rating], *, rating_id: int, page_size: int) -> int | None:
    """The page of ``rows`` (newest first, as :func:`my_ratings` orders them) that holds ``rating_id``;
    None when it is not among them (another merchant's, or filtered out)."""
    target = rows.filter(pk=rating_id).values("created_at", "id").first()
    if target is None:
        return None
    newer = Q(created_at__gt=target["created_at"]) | Q(created_at=target["created_at"], id__gt=target["id"])
    return rows.filter(newer).count() // page_size + 1


def rating_get(*, actor: Actor, rating_id: int) -> Rating:
    found = my_ratings(actor=actor).filter(pk=rating_id).first()
    if found is None:
        raise NotFound()
    return found


def pending(*, actor: Actor, now: datetime | None = None) -> list[dict[str, Any]]:
    """待评价: items completed in the last 30 days, not rated yet, that the actor may rate; newest first."""
    if actor.merchant is None:
        return []
    since = (now or timezone.now()) - timedelta(days=PENDING_DAYS)
    entries: list[dict[str, Any]] = []
    for kind in registry.kinds():
        if not any(actor.can(code) for code in kind.rate_codes()):
            continue
        rated = Rating.objects.filter(kind=kind.key).values("object_id")
        items = (
            kind.objects()
            .filter(kind.visible(actor), kind.completed_since(since), merchant_id=actor.merchant.pk)
            .exclude(pk__in=rated)
        )
        for obj in items:
            if actor.can(kind.rate_code(obj)):
                entries.append(
                    {
                        "kind": kind.key,
                        "kind_label": kind.label,
                        "object_id": obj.pk,
                        "title": kind.title(obj),
                        "route": kind.route(obj),
                        "completed_at": kind.completed_at(obj),
                    }
                )
    entries.sort(key=lambda e: e["completed_at"], reverse=True)
    return entries


# --- the back office ---


def admin_ratings(
    *,
    actor: Actor,
    kind: str | None = None,
    stars: int | None = None,
    merchant_id: int | None = None,
    answered: bool | None = None,
) -> QuerySet[Rating]:
    rows = Rating.objects.filter(merchants_visible(actor, ADMIN_VIEW)).select_related("merchant", "replied_by")
    if kind:
        rows = rows.filter(kind=kind)
    if stars is not None:
        rows = rows.filter(stars=stars)
    if merchant_id is not None:
        rows = rows.filter(merchant_id=merchant_id)
    if answered is not None:
        rows = rows.filter(replied_at__isnull=not answered)
    return rows.order_by("-created_at", "-id")


def admin_rating_get(*, actor: Actor, rating_id: int) -> Rating:
    found = admin_ratings(actor=actor).filter(pk=rating_id).first()
    if found is None:
        raise NotFound()
    return found


def admin_rating_out(rating: Rating) -> dict[str, Any]:
    out = rating_out(rating, merchant_name=rating.merchant.display_name)
    out["merchant_id"] = rating.merchant_id
    out["subject_admin_route"] = rating.subject_admin_route
    out["replied_by_name"] = (rating.replied_by.name or rating.replied_by.username) if rating.replied_by else None
    return out


def kind_options() -> list[dict[str, str]]:
    return [{"value": kind.key, "label": kind.label} for kind in registry.kinds()]


# --- the 综合服务 cockpit (A4): 好评率 ---


def good_rate(*, start: datetime, end: datetime, merchant_ids: Collection[int] | None) -> tuple[int, int]:
    """(ratings with 4–5 stars, all ratings) submitted in ``[start, end)``; ``merchant_ids`` None: every merchant."""
    rows = Rating.objects.filter(created_at__gte=start, created_at__lt=end)
    if merchant_ids is not None:
        rows = rows.filter(merchant_id__in=list(merchant_ids))
    total = rows.count()
    good = rows.filter(stars__gte=GOOD_STARS).count() if total else 0
    return good, total
