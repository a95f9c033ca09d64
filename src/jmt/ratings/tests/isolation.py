"""How the isolation and member walks build 服务评价 objects (see ``jmt.rbac.tests.walk``)."""

from __future__ import annotations

from typing import Any

from jmt.ratings.tests.factories import item, rating


def _subject(owner: Any) -> dict[str, Any]:
    return {"kind": "shipment", "object_id": item("shipment", owner.merchant).pk}


def _rating(owner: Any) -> dict[str, Any]:
    return {"rating_id": rating(owner.merchant, created_by=owner.user).pk}


FACTORIES = {"rating_id": _rating}
PATH_FACTORIES = {"/api/v1/ratings/subjects/{kind}/{object_id}": _subject}
