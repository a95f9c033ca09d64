"""How the isolation and member walks build a filing (see ``jmt.rbac.tests.walk``)."""

from typing import Any

from jmt.filings.models import Filing


def _filing(owner: Any) -> dict[str, Any]:
    filing, _ = Filing.objects.get_or_create(
        merchant=owner.merchant, filing_type="dxp-id", defaults={"state": "filling", "title": "隔离测试"}
    )
    return {"filing_id": filing.pk}


FACTORIES = {"filing_id": _filing}
