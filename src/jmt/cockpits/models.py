"""The cockpits' aggregates: per source, per local day, per dimension value, a few sums.

Rebuilt from the source records by a scheduled task (``jmt.cockpits.tasks.cockpit_refresh``); the
cockpits read them when the viewer sees every merchant, and run the same source query live when the
viewer is limited to some merchants (see ``jmt.cockpits.facts``).
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone


class Fact(models.Model):
    source = models.CharField("数据源", max_length=32)
    day = models.DateField("日期（北京时间）")
    dim = models.CharField("维度值", max_length=120, blank=True)
    n = models.BigIntegerField("计数", default=0)
    a = models.DecimalField("合计 a", max_digits=24, decimal_places=4, default=0)
    b = models.DecimalField("合计 b", max_digits=24, decimal_places=4, default=0)
    c = models.DecimalField("合计 c", max_digits=24, decimal_places=4, default=0)

    class Meta:
        verbose_name = "驾驶舱汇总"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["source", "day", "dim"], name="cockpits_fact_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.day} {self.dim}"


class Refresh(models.Model):
    """When the aggregates were last rebuilt (one row)."""

    refreshed_at = models.DateTimeField("更新时间", default=timezone.now)
    seconds = models.FloatField("耗时（秒）", default=0)
    rows = models.PositiveIntegerField("汇总行数", default=0)

    class Meta:
        verbose_name = "驾驶舱汇总更新"

    def __str__(self) -> str:
        return f"{self.refreshed_at:%Y-%m-%d %H:%M}"
