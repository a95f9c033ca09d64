"""Demo ratings (idempotent): 东海晶莹水晶 rated its 工商注册 (answered by 捷晶), a 结汇 and a filing;
its delivered shipments and received refunds stay 待评价 so the prompt shows."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from jmt.accounts.models import User
from jmt.merchants.models import Merchant
from jmt.ratings import registry
from jmt.ratings.models import Rating

DEMO = (
    # kind, stars, comment, reply
    (
        "registration",
        5,
        "注册材料一次过审，现场核验约得很快，工作人员很耐心。",
        "感谢您的认可！祝东海晶莹水晶生意兴隆。",
    ),
    ("settlement", 4, "结汇到账快，汇率透明；希望以后能支持周末办理。", ""),
    ("filing", 3, "办结时间比预计的长了两天，希望进度提醒能更及时。", ""),
)


def seed_ratings(merchant: Merchant, *, rater: User, staff: User) -> None:
    now = timezone.now()
    for index, (key, stars, comment, reply) in enumerate(DEMO):
        kind = registry.get(key)
        if kind is None:
            continue
        obj = kind.objects().filter(kind.completed, merchant_id=merchant.pk).order_by("pk").first()
        if obj is None or Rating.objects.filter(kind=key, object_id=obj.pk).exists():
            continue
        rated_at = now - timedelta(days=2 + index * 3)
        Rating.objects.create(
            merchant=merchant,
            kind=key,
            object_id=obj.pk,
            subject_title=kind.title(obj)[:200],
            subject_route=kind.route(obj)[:200],
            subject_admin_route=kind.admin_route(obj)[:200],
            stars=stars,
            comment=comment,
            created_by=rater,
            created_at=rated_at,
            updated_at=rated_at,
            reply=reply,
            replied_by=staff if reply else None,
            replied_at=rated_at + timedelta(hours=3) if reply else None,
        )
