"""The customs port code table (港口代码表 of 《JGS-20 海关业务代码集》): the 指运港 (CEB603 ``POD``) an
inventory names, and the main port each destination country defaults to.

It is data the back office maintains (「港口代码表」), not a file in the code: the official table is
imported from CSV or xlsx (``services/ports.py``), which replaces every row. Until then the table holds
the sample rows the migration loaded (``source`` = 示例数据), and the page says so.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class PortSource(models.TextChoices):
    SAMPLE = "sample", "示例数据"
    OFFICIAL = "official", "海关港口代码表导入"


class PortCode(models.Model):
    code = models.CharField("港口代码", max_length=4, unique=True)  # the XSD's POD: C3..4
    name = models.CharField("中文名称", max_length=100)
    country = models.CharField("国家（地区）代码", max_length=3, db_index=True)
    is_main = models.BooleanField("默认主港", default=False)
    enabled = models.BooleanField("启用", default=True)
    source = models.CharField("来源", max_length=10, choices=PortSource.choices, default=PortSource.OFFICIAL)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "港口代码"
        verbose_name_plural = "港口代码表"
        ordering = ("country", "code")
        constraints = (
            models.UniqueConstraint(
                fields=["country"], condition=Q(is_main=True), name="customs_port_one_main_per_country"
            ),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
