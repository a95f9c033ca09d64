"""Messages (站内信), announcements, who follows the service account, and every WeChat push attempt."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class MessageKind(models.TextChoices):
    STATUS = "status", "业务状态变更"
    TODO = "todo", "待办提醒"
    ANNOUNCEMENT = "announcement", "系统公告"


class Announcement(models.Model):
    """A 系统公告 published in the back office; a task fans it out into one message per merchant user."""

    title = models.CharField("标题", max_length=100)
    body = models.TextField("内容")
    link = models.CharField("链接", max_length=300, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    fanned_out_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField("接收人数", default=0)

    class Meta:
        verbose_name = "系统公告"

    def __str__(self) -> str:
        return self.title


class Message(models.Model):
    """One message in one person's message center.

    ``merchant`` is the tenant whose message center shows it: a merchant user sees the messages of
    the merchant they act for (and those with no merchant, such as announcements); staff messages
    carry none.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages")
    merchant = models.ForeignKey(
        "merchants.Merchant", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("类别", max_length=16, choices=MessageKind.choices)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True)
    link = models.CharField("PC/H5 路由", max_length=300, blank=True)
    mp_pagepath = models.CharField("小程序页面", max_length=400, blank=True)
    related_type = models.CharField(max_length=64, blank=True)
    related_id = models.CharField(max_length=64, blank=True)
    announcement = models.ForeignKey(
        Announcement, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "站内信"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["recipient", "-id"], name="msg_recipient_newest"),
            models.Index(fields=["recipient", "kind", "read_at"], name="msg_recipient_unread"),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["announcement", "recipient"],
                condition=models.Q(announcement__isnull=False),
                name="msg_one_per_announcement_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.title}"


class WechatFollower(models.Model):
    """A person (by unionid) and their openid under our service account (公众号), and whether they follow it."""

    unionid = models.CharField(max_length=64, unique=True)
    openid = models.CharField("服务号 openid", max_length=64, unique=True)
    followed = models.BooleanField("已关注", default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "服务号关注者"

    def __str__(self) -> str:
        return f"{self.unionid}:{'followed' if self.followed else 'not following'}"


class PushStatus(models.TextChoices):
    SENT = "sent", "已发送"
    NOT_FOLLOWING = "not_following", "未关注服务号"
    FAILED = "failed", "发送失败"
    SKIPPED = "skipped", "未推送"


class PushAttempt(models.Model):
    """One try at pushing one message as a service-account template message."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="push_attempts")
    attempt = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=16, choices=PushStatus.choices)
    errcode = models.IntegerField(null=True, blank=True)
    errmsg = models.CharField(max_length=200, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)  # when a transient failure is tried again
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "推送记录"
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["message", "attempt"], name="push_message")]

    def __str__(self) -> str:
        return f"message#{self.message_id} try {self.attempt}: {self.status}"
