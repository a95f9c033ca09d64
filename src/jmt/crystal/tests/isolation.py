"""How the isolation and member walks build the objects behind 水晶行业专项's reminder routes (see
``jmt.rbac.tests.walk``): a 9610 import and a batch of the owner's, made with the customs factories."""

from __future__ import annotations

from typing import Any

from jmt.customs.models import OrderImport
from jmt.customs.tests.factories import make_batch


def _import(owner: Any) -> dict[str, Any]:
    made = OrderImport.objects.create(merchant=owner.merchant, file_name="orders.xlsx", sha256="0" * 64)
    return {"import_id": made.pk}


def _batch(owner: Any) -> dict[str, Any]:
    return {"batch_id": make_batch(owner.merchant).pk}


PATH_FACTORIES = {
    "/api/v1/crystal/reminders/imports/{import_id}": _import,
    "/api/v1/crystal/reminders/batches/{batch_id}": _batch,
}
