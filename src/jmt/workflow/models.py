"""The abstract model every application that moves through states extends, and the timeline of moves."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class WorkflowObject(models.Model):
    """An application of some type: a ``state`` of its graph and the merchant it belongs to.

    A module's model extends this and adds its own fields; ``transition`` is the only writer of
    ``state`` and ``state_changed_at``.
    """

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    merchant_id: int
    state = models.CharField("状态", max_length=32, db_index=True)
    state_changed_at = models.DateTimeField("状态变更时间", default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class WorkflowEvent(models.Model):
    """One move of one object: the timeline, the activity feed and the expected durations read these."""

    object_type = models.CharField("业务类型", max_length=32)  # the graph's ``type``
    object_id = models.BigIntegerField()
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    from_state = models.CharField(max_length=32, blank=True)  # "" for the creation event
    to_state = models.CharField(max_length=32)
    title = models.CharField("动态标题", max_length=200)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    impersonator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField("说明", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "流程事件"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["object_type", "object_id", "created_at"], name="wf_event_object"),
            models.Index(fields=["merchant", "-created_at"], name="wf_event_feed"),
            models.Index(fields=["object_type", "created_at"], name="wf_event_type"),
        ]

    def __str__(self) -> str:
        return f"{self.object_type}#{self.object_id} {self.from_state or '∅'}→{self.to_state}"
