"""Notices already raised (C7): a key that exists means that message went out once and never again.

Keys such as ``batch:12:released`` (every inventory of batch 12 is 放行) or ``summary-due:2026-03``
(the reminder to file March's 汇总) make milestone messages exactly-once, however many receipt
messages or scheduler ticks arrive.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone


class CustomsNotice(models.Model):
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    key = models.CharField("通知键", max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "报关通知记录"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "key"], name="customs_notice_unique"),
        ]

    def __str__(self) -> str:
        return self.key
