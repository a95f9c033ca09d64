"""How the isolation walk builds this app's objects (see ``walk.py``): ids that are not merchant data."""

import uuid
from typing import Any

from jmt.accounts.models import User
from jmt.rbac.models import Impersonation


def _staff_account(owner: Any) -> dict[str, Any]:
    staff = User.objects.create_user(username=f"walk-{uuid.uuid4().hex[:8]}", is_staff=True)
    return {"user_id": staff.pk}


def _impersonation(owner: Any) -> dict[str, Any]:
    admin = User.objects.create_user(username=f"walk-{uuid.uuid4().hex[:8]}", is_staff=True)
    row = Impersonation.objects.create(admin=admin, user=owner.user, reason="隔离测试", session=uuid.uuid4())
    return {"impersonation_id": row.pk}


FACTORIES = {"impersonation_id": _impersonation}
# Back-office accounts are staff users, not the merchant's own user.
PATH_FACTORIES = {"/api/v1/admin/rbac/accounts/{user_id}": _staff_account}
