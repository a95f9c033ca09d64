"""Every read of customs data, always scoped to the acting merchant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.customs.errors import CustomsError
from jmt.customs.models import Batch, ImportRow, OrderImport


def acting_merchant(actor: Actor) -> Any:
    merchant = actor.merchant
    if merchant is None:
        raise CustomsError.merchant_required()
    if not merchant.registration_approved:
        raise CustomsError.module_closed()
    return merchant


def order_imports(*, actor: Actor) -> QuerySet[OrderImport]:
    return OrderImport.objects.filter(merchant=acting_merchant(actor))


def order_import_get(*, actor: Actor, import_id: int) -> OrderImport:
    found = order_imports(actor=actor).filter(pk=import_id).first()
    if found is None:
        raise NotFound()
    return found


def batch_get(*, actor: Actor, batch_id: int) -> Batch:
    found = Batch.objects.filter(merchant=acting_merchant(actor), pk=batch_id).first()
    if found is None:
        raise NotFound()
    return found


def import_rows(*, order_import: OrderImport, errors_only: bool = False) -> QuerySet[ImportRow]:
    rows = ImportRow.objects.filter(order_import=order_import).order_by("row_no")
    return rows.filter(is_valid=False) if errors_only else rows


def import_error_rows(*, order_import: OrderImport) -> Iterator[tuple[int, dict[str, Any], list[dict[str, str]]]]:
    for row in import_rows(order_import=order_import).iterator(chunk_size=2000):
        yield row.row_no, row.data, row.errors
