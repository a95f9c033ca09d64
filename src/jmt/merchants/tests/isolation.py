"""How the isolation and member walks build a membership of the owner's merchant (a fresh 成员, so a
write that gets through never touches the owner's own membership)."""

from __future__ import annotations

import itertools
from typing import Any

from jmt.accounts.models import User
from jmt.merchants.models import MemberRole, Membership

_numbers = itertools.count(1)


def _membership(owner: Any) -> dict[str, Any]:
    phone = f"1360000{next(_numbers):04d}"
    while User.objects.filter(phone=phone).exists():
        phone = f"1360000{next(_numbers):04d}"
    user = User.objects.create_user(username=phone, phone=phone, current_merchant=owner.merchant)
    membership = Membership.objects.create(merchant=owner.merchant, user=user, role=MemberRole.MEMBER)
    return {"membership_id": membership.pk}


FACTORIES = {"membership_id": _membership}
