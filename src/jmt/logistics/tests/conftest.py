from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import Api, make_role, make_staff
from jmt.accounts.models import User
from jmt.logistics.models import Carrier
from jmt.logistics.seed import seed_carriers


@pytest.fixture
def carriers(db: None) -> dict[str, Carrier]:
    return {c.code: c for c in seed_carriers()}


@pytest.fixture
def logistics_staff(db: None) -> User:
    """物流专员: works 物流管理 for every merchant."""
    role = make_role("物流专员", ["operations:logistics:view", "operations:logistics:edit"], data_scope="all_write")
    return make_staff("wuliu", roles=[role], name="周物流")


def put(api: Api, path: str, body: Any) -> Any:
    return api.client.put(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


JAPAN = {"postcode": "150-0001", "state": "東京都", "city": "渋谷区", "address_line1": "神宮前 1-2-3"}


def shipment_body(carrier: Carrier, **over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "carrier_id": carrier.pk,
        "country": "JP",
        "recipient": {"name": "佐藤 美咲", "phone": "+81 90 1234 5678", "address": dict(JAPAN)},
        "parcels": [{"weight_kg": "2", "length_cm": "30", "width_cm": "20", "height_cm": "15"}],
        "goods": [
            {
                "name": "白水晶手串",
                "name_en": "Clear quartz bracelet",
                "quantity": 20,
                "unit_value": "18",
                "crystal": True,
            }
        ],
    }
    body.update(over)
    return body
