"""Pinyin keys of names in large tables (merchant names…), so the database can match 「dhsj」."""

from __future__ import annotations

from typing import ClassVar

from django.db import models


class NameKey(models.Model):
    """The full pinyin and the initials of one named row of some kind (``merchant`` …).

    ``text`` is the name the keys were computed from: a provider joins on it, so a key left behind
    by a rename never produces a hit, and :func:`jmt.search.index.refresh` recomputes it.
    """

    kind = models.CharField("对象类型", max_length=32)
    object_id = models.BigIntegerField()
    text = models.CharField("名称", max_length=255)
    full = models.CharField("全拼", max_length=1024)
    initials = models.CharField("首字母", max_length=255)

    class Meta:
        verbose_name = "拼音检索键"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_namekey_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.text}（{self.initials}）"
