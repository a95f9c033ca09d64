"""The download center: one row per export, run as a background task; its file kept 7 days."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class DownloadStatus(models.TextChoices):
    QUEUED = "queued", "排队"
    RUNNING = "running", "生成中"
    DONE = "done", "完成"
    FAILED = "failed", "失败"
    EXPIRED = "expired", "已过期"


class DownloadSurface(models.TextChoices):
    MERCHANT = "merchant", "商户端"
    ADMIN = "admin", "管理后台"


class Download(models.Model):
    """An export asked by one person: who, what (a registered kind and its filters), how far, and the file.

    A merchant user's downloads belong to that user within the merchant they acted for; a staff
    member's to the staff member. Nobody else sees or fetches them.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="downloads")
    merchant = models.ForeignKey(
        "merchants.Merchant", null=True, blank=True, on_delete=models.CASCADE, related_name="downloads"
    )
    surface = models.CharField("端", max_length=10, choices=DownloadSurface.choices)
    kind = models.CharField("导出内容", max_length=60)
    title = models.CharField("名称", max_length=120)
    params = models.JSONField("筛选条件", default=dict, blank=True)
    file_format = models.CharField("文件格式", max_length=10)
    status = models.CharField("状态", max_length=10, choices=DownloadStatus.choices, default=DownloadStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("进度（%）", default=0)
    rows = models.PositiveIntegerField("行数", default=0)
    error = models.CharField("失败原因", max_length=300, blank=True)
    storage_path = models.CharField("存储路径", max_length=255, blank=True)
    file_name = models.CharField("文件名", max_length=200, blank=True)
    size = models.PositiveBigIntegerField("文件大小（字节）", default=0)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField("文件保留至", null=True, blank=True)

    class Meta:
        verbose_name = "导出任务"
        indexes = (
            models.Index(fields=["owner", "surface", "-created_at"]),
            models.Index(fields=["status", "expires_at"]),
        )

    def __str__(self) -> str:
        return self.title
