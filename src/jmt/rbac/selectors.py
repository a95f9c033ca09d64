"""Every read of the RBAC app, scoped by the acting user.

Roles and back-office accounts are platform data: the function permission decides. Rows about
merchant users (login logs of merchant users, impersonation candidates and records) are merchant
data: they are filtered with :func:`jmt.rbac.scope.merchants_visible`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from jmt.accounts.models import LoginLog, LoginMethod, User
from jmt.core.auth import Actor
from jmt.core.pagination import Page, paginate
from jmt.merchants.models import MemberRole, Membership
from jmt.rbac.errors import RbacError
from jmt.rbac.grants import grants_for, platform_roles_of, role_codes, superadmin_role
from jmt.rbac.models import SUPERADMIN_KEY, DataScope, Impersonation, Role
from jmt.rbac.scope import merchants_visible

ROLES_VIEW = "system:roles:view"
ACCOUNTS_VIEW = "system:accounts:view"
IMPERSONATION_VIEW = "system:impersonation:view"
IMPERSONATION_EDIT = "system:impersonation:edit"

DATA_SCOPE_HELP: dict[str, str] = {
    DataScope.OWN_MERCHANT: "仅本商户的数据；后台账户不属于任何商户，因此看不到商户数据",
    DataScope.ALL_READ: "可查看全部商户的数据；该角色的编辑类权限不作用于任何商户数据",
    DataScope.ALL_WRITE: "可查看并修改全部商户的数据",
}


# --- roles ---


def role_account_counts(roles: list[Role]) -> dict[int, int]:
    counts = dict(
        Role.objects.filter(pk__in=[r.pk for r in roles])
        .annotate(n=Count("assignments", filter=Q(assignments__user__is_staff=True)))
        .values_list("pk", "n")
    )
    superadmin = next((r for r in roles if r.key == SUPERADMIN_KEY), None)
    if superadmin is not None:
        counts[superadmin.pk] = User.objects.filter(is_staff=True, is_superadmin=True).count()
    return counts


def role_out(role: Role, account_count: int) -> dict[str, Any]:
    return {
        "id": role.pk,
        "key": role.key,
        "name": role.name,
        "description": role.description,
        "data_scope": role.data_scope,
        "data_scope_label": DataScope(role.data_scope).label,
        "permissions": sorted(role_codes(role)),
        "allow_impersonation_writes": role.allow_impersonation_writes,
        "builtin": role.builtin,
        "account_count": account_count,
        "created_at": role.created_at,
        "updated_at": role.updated_at,
    }


def role_list(*, actor: Actor, keyword: str = "", page: int = 1, page_size: int = 20) -> Page:
    superadmin_role()  # the built-in role is always listed
    roles = Role.objects.order_by("-builtin", "pk")
    if keyword:
        roles = roles.filter(Q(name__icontains=keyword) | Q(description__icontains=keyword))
    result = paginate(roles, page=page, page_size=page_size)
    counts = role_account_counts(result.items)
    return Page(
        items=[role_out(role, counts.get(role.pk, 0)) for role in result.items],
        total=result.total,
        page=page,
        page_size=page_size,
    )


def role_get(*, actor: Actor, role_id: int) -> Role:
    role = Role.objects.filter(pk=role_id).first()
    if role is None:
        raise RbacError.role_not_found()
    return role


def role_holders(role: Role) -> list[User]:
    if role.key == SUPERADMIN_KEY:
        return list(User.objects.filter(is_staff=True, is_superadmin=True).order_by("pk"))
    return list(User.objects.filter(is_staff=True, role_assignments__role=role).order_by("pk"))


# --- back-office accounts ---


def _last_login_subquery() -> Subquery:
    return Subquery(
        LoginLog.objects.filter(user=OuterRef("pk"), success=True).order_by("-created_at").values("created_at")[:1]
    )


def account_out(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "name": user.name,
        "contact_phone": user.contact_phone,
        "email": user.email,
        "department": user.department,
        "is_active": user.is_active,
        "is_superadmin": user.is_superadmin,
        "must_change_password": user.must_change_password,
        "roles": [{"id": r.pk, "name": r.name, "builtin": r.builtin} for r in platform_roles_of(user)],
        "last_login_at": getattr(user, "last_login_at", None),
        "date_joined": user.date_joined,
    }


def account_list(
    *,
    actor: Actor,
    keyword: str = "",
    role_id: int | None = None,
    is_active: bool | None = None,
    department: str = "",
    page: int = 1,
    page_size: int = 20,
) -> Page:
    users = User.objects.filter(is_staff=True).annotate(last_login_at=_last_login_subquery()).order_by("-pk")
    if keyword:
        users = users.filter(
            Q(username__icontains=keyword)
            | Q(name__icontains=keyword)
            | Q(contact_phone__icontains=keyword)
            | Q(email__icontains=keyword)
        )
    if department:
        users = users.filter(department__icontains=department)
    if is_active is not None:
        users = users.filter(is_active=is_active)
    if role_id is not None:
        role = Role.objects.filter(pk=role_id).first()
        if role is None:
            users = users.none()
        elif role.key == SUPERADMIN_KEY:
            users = users.filter(is_superadmin=True)
        else:
            users = users.filter(role_assignments__role=role)
    result = paginate(users, page=page, page_size=page_size)
    return result.map(account_out)


def account_get(*, actor: Actor, user_id: int) -> User:
    user = User.objects.filter(pk=user_id, is_staff=True).annotate(last_login_at=_last_login_subquery()).first()
    if user is None:
        raise RbacError.account_not_found()
    return user


# --- login log ---


def _visible_users(actor: Actor, code: str) -> Q:
    """Back-office accounts, plus merchant users of the merchants ``code`` reaches."""
    member_of_visible = Membership.objects.filter(merchants_visible(actor, code), user=OuterRef("user"))
    return Q(user__is_staff=True) | Q(Exists(member_of_visible))


def login_log_list(
    *,
    actor: Actor,
    identifier: str = "",
    user_id: int | None = None,
    success: bool | None = None,
    method: str = "",
    ip: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    page: int = 1,
    page_size: int = 20,
) -> Page:
    """Login attempts, newest first. Failed attempts of an unknown login name show to whoever sees the log."""
    logs = (
        LoginLog.objects.filter(_visible_users(actor, ACCOUNTS_VIEW) | Q(user__isnull=True))
        .select_related("user")
        .order_by("-created_at", "-pk")
    )
    if identifier:
        logs = logs.filter(Q(identifier__icontains=identifier) | Q(user__name__icontains=identifier))
    if user_id is not None:
        logs = logs.filter(user_id=user_id)
    if success is not None:
        logs = logs.filter(success=success)
    if method:
        logs = logs.filter(method=method)
    if ip:
        logs = logs.filter(ip=ip)
    if since is not None:
        logs = logs.filter(created_at__gte=since)
    if until is not None:
        logs = logs.filter(created_at__lte=until)
    result = paginate(logs, page=page, page_size=page_size)
    labels = dict(LoginMethod.choices)
    items = [
        {
            "id": log.pk,
            "created_at": log.created_at,
            "identifier": log.identifier,
            "user_id": log.user_id,
            "user_display": log.user.display_name if log.user else "",
            "is_staff": bool(log.user and log.user.is_staff),
            "method": log.method,
            "method_label": labels.get(log.method, log.method),
            "success": log.success,
            "reason": log.reason,
            "ip": log.ip,
            "user_agent": log.user_agent,
        }
        for log in result.items
    ]
    return Page(items=items, total=result.total, page=page, page_size=page_size)


# --- impersonation ---


def merchant_users(actor: Actor, code: str, *, writes: bool | None = None) -> QuerySet[User]:
    """Merchant users (members of a merchant ``code`` reaches, not back-office accounts)."""
    visible = Membership.objects.filter(merchants_visible(actor, code, writes=writes), user=OuterRef("pk"))
    return User.objects.filter(Exists(visible), is_staff=False)


def merchant_user_out(user: User) -> dict[str, Any]:
    memberships = sorted(user.memberships.all(), key=lambda m: (m.joined_at, m.pk))
    return {
        "id": user.pk,
        "name": user.name,
        "display_name": user.display_name,
        "phone": user.phone or "",
        "is_active": user.is_active,
        "merchants": [
            {
                "merchant_id": m.merchant_id,
                "merchant_name": m.merchant.display_name,
                "role": m.role,
                "role_label": MemberRole(m.role).label,
            }
            for m in memberships
        ],
    }


def merchant_user_list(*, actor: Actor, keyword: str = "", page: int = 1, page_size: int = 20) -> Page:
    """Candidates for 用户切换: by phone, name or merchant name."""
    users = merchant_users(actor, IMPERSONATION_VIEW).prefetch_related("memberships__merchant").order_by("pk")
    keyword = keyword.strip()
    if keyword:
        users = users.filter(
            Q(phone__contains=keyword)
            | Q(name__icontains=keyword)
            | Q(Exists(Membership.objects.filter(user=OuterRef("pk"), merchant__name__icontains=keyword)))
        )
    result = paginate(users, page=page, page_size=page_size)
    return result.map(merchant_user_out)


def impersonation_target(*, actor: Actor, user_id: int) -> User:
    """The merchant user ``actor`` may switch to: the roles granting ``system:impersonation:edit`` decide
    the merchants, read as a read (a switch is read-only unless a writable role allows writes)."""
    user = merchant_users(actor, IMPERSONATION_EDIT, writes=False).filter(pk=user_id).first()
    if user is None:
        raise RbacError.user_not_found()
    return user


def _impersonations(actor: Actor) -> QuerySet[Impersonation]:
    visible = Membership.objects.filter(merchants_visible(actor, IMPERSONATION_VIEW), user=OuterRef("user"))
    return (
        Impersonation.objects.filter(Exists(visible))
        .select_related("admin", "user")
        .annotate(request_count=Count("requests"))
    )


def impersonation_out(row: Impersonation) -> dict[str, Any]:
    return {
        "id": row.pk,
        "admin": {"id": row.admin.pk, "display_name": row.admin.display_name},
        "user": {"id": row.user.pk, "display_name": row.user.display_name},
        "reason": row.reason,
        "allow_writes": row.allow_writes,
        "started_at": row.started_at,
        "ended_at": row.ended_at,
        "ip": row.ip,
        "user_agent": row.user_agent,
        "request_count": getattr(row, "request_count", 0),
    }


def impersonation_list(
    *, actor: Actor, admin_id: int | None = None, user_id: int | None = None, page: int = 1, page_size: int = 20
) -> Page:
    rows = _impersonations(actor).order_by("-started_at", "-pk")
    if admin_id is not None:
        rows = rows.filter(admin_id=admin_id)
    if user_id is not None:
        rows = rows.filter(user_id=user_id)
    result = paginate(rows, page=page, page_size=page_size)
    return result.map(impersonation_out)


def impersonation_get(*, actor: Actor, impersonation_id: int) -> dict[str, Any]:
    row = _impersonations(actor).filter(pk=impersonation_id).first()
    if row is None:
        raise RbacError.impersonation_not_found()
    out = impersonation_out(row)
    out["requests"] = list(
        row.requests.order_by("-created_at", "-pk").values("id", "method", "path", "outcome", "created_at")[:500]
    )
    return out


def impersonation_context(*, session: str, admin: User) -> tuple[int, bool] | None:
    """For an access token with an ``act`` claim: the open impersonation of that session, and whether
    writes are allowed (one of the admin's roles allows them). None when it ended or the admin may no
    longer impersonate."""
    row = Impersonation.objects.filter(session=session, admin=admin, ended_at__isnull=True).first()
    if row is None:
        return None
    admin_grants = grants_for(admin, None)
    if IMPERSONATION_EDIT not in admin_grants.permissions:
        return None
    return row.pk, admin_grants.impersonation_writes
