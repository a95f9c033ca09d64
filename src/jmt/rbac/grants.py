"""What a user holds: the roles that apply to them and the function permissions and data scopes they add up to.

Merchant roles are fixed and follow the membership of the merchant the user acts for:
管理员 holds every merchant code, 成员 only the ``view`` ones; both reach their own merchant only.
Back-office accounts hold the platform roles assigned to them; the built-in 超级管理员 (held through
``User.is_superadmin``) holds every back-office code and reaches every merchant, writable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from jmt.core import catalog
from jmt.rbac.models import SUPERADMIN_KEY, DataScope, Role

IMPERSONATION_EDIT = "system:impersonation:edit"


@dataclass(frozen=True)
class RoleGrant:
    """One role as it applies: its codes and its data scope."""

    name: str
    scope: DataScope
    codes: frozenset[str]
    allow_impersonation_writes: bool = False


@dataclass(frozen=True)
class Grants:
    """The union of function permissions, and per code the scopes of only the roles granting it.

    ``impersonation_writes``: some role grants ``system:impersonation:edit``, allows writes while
    switched, and reaches every merchant writable (a read-only scope never allows them).
    """

    permissions: frozenset[str] = frozenset()
    scopes: dict[str, frozenset[str]] = field(default_factory=dict)
    impersonation_writes: bool = False

    @classmethod
    def of(cls, roles: Iterable[RoleGrant]) -> Grants:
        scopes: dict[str, set[str]] = defaultdict(set)
        writes = False
        for role in roles:
            for code in role.codes:
                scopes[code].add(role.scope)
            writes = writes or (
                role.allow_impersonation_writes
                and role.scope == DataScope.ALL_WRITE
                and IMPERSONATION_EDIT in role.codes
            )
        return cls(
            permissions=frozenset(scopes),
            scopes={code: frozenset(found) for code, found in scopes.items()},
            impersonation_writes=writes,
        )


MERCHANT_ADMIN = RoleGrant("管理员", DataScope.OWN_MERCHANT, frozenset(catalog.merchant_permissions(writable=True)))
MERCHANT_MEMBER = RoleGrant("成员", DataScope.OWN_MERCHANT, frozenset(catalog.merchant_permissions(writable=False)))
ADMIN_CODES = frozenset(catalog.admin_permissions())


SUPERADMIN_DEFAULTS = {
    "name": "超级管理员",
    "description": "内置角色：拥有全部后台功能权限，可查看并修改全部商户的数据",
    "data_scope": DataScope.ALL_WRITE,
    "permissions": [],
    "builtin": True,
}


def superadmin_role() -> Role:
    """The built-in row: created by migration ``rbac.0002``, and again here should a database flush
    (transactional tests) have removed it; it can never be deleted through the API."""
    role, _ = Role.objects.get_or_create(key=SUPERADMIN_KEY, defaults=SUPERADMIN_DEFAULTS)
    return role


def role_codes(role: Role) -> frozenset[str]:
    """A platform role's codes: every back-office code for 超级管理员; else its stored ones still in the tree."""
    if role.key == SUPERADMIN_KEY:
        return ADMIN_CODES
    return frozenset(code for code in role.permissions if code in ADMIN_CODES)


def role_grant(role: Role) -> RoleGrant:
    return RoleGrant(
        name=role.name,
        scope=DataScope(role.data_scope),
        codes=role_codes(role),
        allow_impersonation_writes=role.allow_impersonation_writes,
    )


def platform_roles_of(user: Any) -> list[Role]:
    """The platform roles of a back-office account (none for others), 超级管理员 first."""
    if not user.is_staff:
        return []
    if not user.is_superadmin:
        return list(Role.objects.filter(assignments__user=user).exclude(key=SUPERADMIN_KEY).order_by("pk"))
    # One query for the assigned roles and the built-in row (created again only if a flush removed it).
    found = list(Role.objects.filter(Q(assignments__user=user) | Q(key=SUPERADMIN_KEY)).distinct().order_by("pk"))
    builtin = next((role for role in found if role.key == SUPERADMIN_KEY), None) or superadmin_role()
    return [builtin, *(role for role in found if role.key != SUPERADMIN_KEY)]


def merchant_role_grant(membership: Any | None) -> RoleGrant | None:
    if membership is None:
        return None
    from jmt.merchants.models import MemberRole

    return MERCHANT_ADMIN if membership.role == MemberRole.ADMIN else MERCHANT_MEMBER


def grants_for(user: Any, membership: Any | None) -> Grants:
    """Every role that applies to ``user`` acting for ``membership``'s merchant, added up."""
    roles = [role_grant(role) for role in platform_roles_of(user)]
    merchant_role = merchant_role_grant(membership)
    if merchant_role is not None:
        roles.append(merchant_role)
    return Grants.of(roles)
