"""服务评价 (U4): one rating per completed business item, whatever its kind.

The item is named generically — ``kind`` (a key of :mod:`jmt.ratings.registry`) and ``object_id`` —
so a module that registers a new rateable kind needs no new table. The item's title and links are
kept on the rating as they were when it was rated, so lists never reach back into every module.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Rating(models.Model):
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    merchant_id: int
    kind = models.CharField("业务类型", max_length=32)
    object_id = models.BigIntegerField("业务编号")
    subject_title = models.CharField("评价对象", max_length=200)
    subject_route = models.CharField("商户端链接", max_length=200, blank=True)
    subject_admin_route = models.CharField("后台链接", max_length=200, blank=True)
    stars = models.PositiveSmallIntegerField("星级")
    comment = models.TextField("评价内容", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("评价时间", default=timezone.now)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)
    reply = models.TextField("捷晶回复", blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)

    class Meta:
        verbose_name = "服务评价"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="ratings_one_per_item"),
            models.CheckConstraint(condition=Q(stars__gte=1) & Q(stars__lte=5), name="ratings_stars_1_to_5"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "-created_at"], name="ratings_merchant"),
            models.Index(fields=["created_at"], name="ratings_period"),
        ]

    def __str__(self) -> str:
        return f"{self.subject_title} {self.stars} 星"
