"""水晶行业专项: the back office's edits of the hint copy (``jmt.crystal.hints``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class CrystalHint(models.Model):
    """One hint as edited in the back office; a hint without a row shows its default copy."""

    key = models.CharField("提示", max_length=32, primary_key=True)
    title = models.CharField("标题", max_length=20)
    body = models.CharField("提示文案", max_length=500)
    enabled = models.BooleanField("显示", default=True)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "水晶专项提示文案"

    def __str__(self) -> str:
        return f"提示文案 · {self.title}"
