"""The simulator's side of customs, kept in the database so web and worker processes share it.

``SimulatedMessage``: every message guid the simulated gateway accepted (a second one is a duplicate).
``SimulatedDocument``: customs' register of orders, waybills, inventories … by business number.
``SimulatedReceipt``: a receipt waiting for its delivery time (``due_at``), then delivered.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone


class SimulatedMessage(models.Model):
    guid = models.CharField(max_length=36, unique=True)
    message_type = models.CharField(max_length=16)
    entity_count = models.PositiveIntegerField(default=0)
    times_received = models.PositiveIntegerField(default=1)
    received_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.message_type} {self.guid}"


class SimulatedDocument(models.Model):
    kind = models.CharField(max_length=16)  # order, logistics, inventory, waybill, summary, cancel
    key = models.CharField(max_length=120)  # the business number customs keys it by
    guid = models.CharField(max_length=36)
    message_guid = models.CharField(max_length=36)
    state = models.CharField(max_length=16, default="accepted")  # accepted, rejected, cleared, released, closed
    invt_no = models.CharField(max_length=20, blank=True)
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["kind", "key"], name="customs_sim_document_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class SimulatedReceipt(models.Model):
    message_type = models.CharField(max_length=16)  # CEB304, CEB506, CEB604, CEB606, CEB608, CEB702, CEB792
    entity = models.JSONField()  # the receipt entity's fields, by XSD name
    due_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["due_at"], condition=Q(delivered_at__isnull=True), name="customs_sim_receipt_due"),
        ]

    def __str__(self) -> str:
        return f"{self.message_type} due {self.due_at:%H:%M:%S}"
