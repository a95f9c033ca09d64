"""培训服务: courses and lessons (E2), learning progress, the assistant's FAQ, conversations (E1) and
the sales channels a merchant told us about."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Library(models.TextChoices):
    INDUSTRY = "industry", "水晶行业课程库"
    CULTURE = "culture", "文化差异专项课"


class LessonKind(models.TextChoices):
    ARTICLE = "article", "图文"
    VIDEO = "video", "视频"


class Course(models.Model):
    slug = models.SlugField("标识", max_length=64, unique=True)
    library = models.CharField("课程库", max_length=16, choices=Library.choices)
    title = models.CharField("课程名称", max_length=100)
    summary = models.CharField("简介", max_length=300, blank=True)
    cover = models.FileField("封面", upload_to="training/covers/", blank=True)
    order = models.PositiveIntegerField("排序", default=0)
    is_published = models.BooleanField("已发布", default=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Course]] = models.Manager()

    class Meta:
        verbose_name = "课程"
        ordering = ("order", "id")

    def __str__(self) -> str:
        return self.title


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    slug = models.SlugField("标识", max_length=64)
    title = models.CharField("课时名称", max_length=100)
    kind = models.CharField("类型", max_length=8, choices=LessonKind.choices, default=LessonKind.ARTICLE)
    body = models.TextField("正文（Markdown）", blank=True)
    video_file = models.FileField("视频文件", upload_to="training/videos/", blank=True)
    video_url = models.URLField("外部视频链接", blank=True)
    minutes = models.PositiveSmallIntegerField("时长（分钟）", default=5)
    channel = models.CharField("相关销售渠道", max_length=16, blank=True)
    order = models.PositiveIntegerField("排序", default=0)
    is_published = models.BooleanField("已发布", default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Lesson]] = models.Manager()

    class Meta:
        verbose_name = "课时"
        ordering = ("order", "id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["course", "slug"], name="training_lesson_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class LessonProgress(models.Model):
    """One person's progress on one lesson, for the merchant they learnt it as."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="progress")
    percent = models.PositiveSmallIntegerField("进度（%）", default=0)
    position = models.PositiveIntegerField("上次位置", default=0)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField("完成时间", null=True, blank=True)

    objects: ClassVar[models.Manager[LessonProgress]] = models.Manager()

    class Meta:
        verbose_name = "学习进度"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["user", "merchant", "lesson"], name="training_progress_unique"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="training_progress_percent_le_100"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "course"], name="training_progress_merchant"),
        ]

    def __str__(self) -> str:
        return f"{self.lesson_id} {self.percent}%"


class Faq(models.Model):
    question = models.CharField("问题", max_length=200)
    answer = models.TextField("回答")
    order = models.PositiveIntegerField("排序", default=0)
    is_published = models.BooleanField("已发布", default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Faq]] = models.Manager()

    class Meta:
        verbose_name = "常见问题"
        ordering = ("order", "id")

    def __str__(self) -> str:
        return self.question


class SalesChannel(models.TextChoices):
    TIKTOK = "tiktok", "TikTok"
    AMAZON = "amazon", "亚马逊"
    ETSY = "etsy", "Etsy"
    FACEBOOK = "facebook", "Facebook / Instagram"
    EBAY = "ebay", "eBay"
    ALIEXPRESS = "aliexpress", "速卖通"
    SHOPEE = "shopee", "Shopee"
    OWN_STORE = "own_store", "独立站"


class MerchantChannels(models.Model):
    """What the merchant told the assistant about where it sells (asked once, kept)."""

    merchant = models.OneToOneField("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    channels = models.JSONField("销售渠道", default=list)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[models.Manager[MerchantChannels]] = models.Manager()

    class Meta:
        verbose_name = "商户销售渠道"

    def __str__(self) -> str:
        return "、".join(self.channels)


class Conversation(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    title = models.CharField("标题", max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Conversation]] = models.Manager()

    class Meta:
        verbose_name = "客服会话"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "merchant", "-updated_at"], name="training_conv_owner"),
        ]

    def __str__(self) -> str:
        return self.title or str(self.pk)


class AnswerMode(models.TextChoices):
    LLM = "llm", "大模型生成"
    RETRIEVAL = "retrieval", "知识库检索"
    UNSURE = "unsure", "无可靠出处"


class Turn(models.Model):
    """One question and its answer."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="turns")
    question = models.TextField("问题")
    answer = models.TextField("回答", blank=True)
    mode = models.CharField("回答方式", max_length=16, choices=AnswerMode.choices)
    sources = models.JSONField("出处", default=list)
    hints = models.JSONField("结合商户情况的提示", default=list)
    rating = models.SmallIntegerField("评价", null=True, blank=True)  # 1 thumbs up, -1 thumbs down
    latency_ms = models.PositiveIntegerField("耗时（毫秒）", default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Turn]] = models.Manager()

    class Meta:
        verbose_name = "问答"
        ordering = ("created_at", "id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__in=[-1, 1]), name="training_turn_rating_values"
            ),
        ]

    def __str__(self) -> str:
        return self.question[:40]
