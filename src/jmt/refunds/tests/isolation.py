"""How the isolation and member walks build a refund claim (see ``jmt.rbac.tests.walk``)."""

import uuid
from typing import Any

from jmt.refunds.models import Claim


def _claim(owner: Any) -> dict[str, Any]:
    claim = Claim.objects.create(merchant=owner.merchant, claim_no=f"TSW{uuid.uuid4().hex[:16]}", state="draft")
    return {"claim_id": claim.pk}


FACTORIES = {"claim_id": _claim}
