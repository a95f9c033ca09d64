"""Every write of the RBAC app: roles, back-office accounts, impersonation. Each one is audited."""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from jmt.accounts.models import RefreshToken, User
from jmt.accounts.tokens import IssuedTokens, issue_tokens
from jmt.audit.models import OperationLog
from jmt.audit.services import Snapshot, record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import ApiError
from jmt.notifications.models import MessageKind
from jmt.notifications.services import notify
from jmt.rbac import selectors
from jmt.rbac.errors import RbacError
from jmt.rbac.grants import ADMIN_CODES, grants_for, platform_roles_of, role_codes
from jmt.rbac.models import SUPERADMIN_KEY, DataScope, Impersonation, ImpersonationRequest, Role, RoleAssignment

MODULE = "rbac"
ROLE_FIELDS = ["name", "description", "data_scope", "allow_impersonation_writes"]
ACCOUNT_FIELDS = ["username", "name", "contact_phone", "email", "department", "is_active", "must_change_password"]
TEMPORARY_PASSWORD_LENGTH = 12


def _role_snapshot(role: Role) -> Snapshot:
    return {**snapshot(role, ROLE_FIELDS), "permissions": sorted(role_codes(role))}


def _account_snapshot(user: User) -> Snapshot:
    return {**snapshot(user, ACCOUNT_FIELDS), "roles": [r.name for r in platform_roles_of(user)]}


def _check_codes(codes: Iterable[str]) -> list[str]:
    wanted = sorted(set(codes))
    unknown = [code for code in wanted if code not in ADMIN_CODES]
    if unknown:
        raise RbacError.permission_unknown(unknown)
    return wanted


def _password_errors(password: str, user: User) -> list[str]:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        return [str(message) for message in exc.messages]
    return []


def _revoke_sessions(user: User, *, keep: str = "") -> None:
    live = RefreshToken.objects.filter(user=user, revoked_at__isnull=True)
    if keep:
        live = live.exclude(family=keep)
    live.update(revoked_at=timezone.now())


# --- the seam for messages (G3) ---


def notify_role_change(
    *, actor: Actor, users: Iterable[User], summary: str, before: Snapshot, after: Snapshot
) -> list[OperationLog]:
    """Tell the accounts whose roles (or whose roles' permissions) changed.

    Each affected account gets a 业务状态变更 message (and its WeChat push), committed with the change,
    and one audit entry (action ``role_change_notice``) carrying ``summary`` and the change.
    """
    users = list(users)
    notify(recipients=users, merchant=None, kind=MessageKind.STATUS, title="您的角色权限已变更", body=summary)
    entries = []
    for user in users:
        entries.append(
            record(
                actor=actor,
                module=MODULE,
                action="role_change_notice",
                obj=user,
                before={**before, "notice": ""},
                after={**after, "notice": summary},
            )
        )
    return entries


# --- roles ---


@transaction.atomic
def role_create(
    *,
    actor: Actor,
    name: str,
    description: str = "",
    data_scope: str,
    permissions: Iterable[str] = (),
    allow_impersonation_writes: bool = False,
) -> Role:
    name = name.strip()
    if Role.objects.filter(name=name).exists():
        raise RbacError.role_name_taken()
    role = Role(
        name=name,
        description=description.strip(),
        data_scope=DataScope(data_scope),
        permissions=_check_codes(permissions),
        allow_impersonation_writes=allow_impersonation_writes,
    )
    role.full_clean()
    role.save()
    record(actor=actor, module=MODULE, action="role_create", obj=role, before={}, after=_role_snapshot(role))
    return role


@transaction.atomic
def role_update(
    *,
    actor: Actor,
    role_id: int,
    name: str | None = None,
    description: str | None = None,
    data_scope: str | None = None,
    permissions: Iterable[str] | None = None,
    allow_impersonation_writes: bool | None = None,
) -> Role:
    """Edit a role. The accounts holding it are told when what it grants changes.

    Built-in 超级管理员: only its description and its impersonation flag can change.
    """
    role = Role.objects.select_for_update().filter(pk=role_id).first()
    if role is None:
        raise RbacError.role_not_found()
    before = _role_snapshot(role)
    if role.builtin and (
        (name is not None and name.strip() != role.name)
        or (data_scope is not None and data_scope != role.data_scope)
        or (permissions is not None and set(permissions) != set(role_codes(role)))
    ):
        raise RbacError.role_builtin()
    if name is not None:
        name = name.strip()
        if Role.objects.filter(name=name).exclude(pk=role.pk).exists():
            raise RbacError.role_name_taken()
        role.name = name
    if description is not None:
        role.description = description.strip()
    if data_scope is not None:
        role.data_scope = DataScope(data_scope)
    if permissions is not None and not role.builtin:
        role.permissions = _check_codes(permissions)
    if allow_impersonation_writes is not None:
        role.allow_impersonation_writes = allow_impersonation_writes
    role.updated_at = timezone.now()
    role.full_clean()
    role.save()
    after = _role_snapshot(role)
    record(actor=actor, module=MODULE, action="role_update", obj=role, before=before, after=after)
    granted = ("permissions", "data_scope", "allow_impersonation_writes", "name")
    if any(before[key] != after[key] for key in granted):
        notify_role_change(
            actor=actor,
            users=selectors.role_holders(role),
            summary=f"您的角色「{role.name}」的权限已调整",
            before={f"role:{role.pk}": {k: before[k] for k in granted}},
            after={f"role:{role.pk}": {k: after[k] for k in granted}},
        )
    return role


@transaction.atomic
def role_delete(*, actor: Actor, role_id: int) -> None:
    """Delete a role that nobody holds (409 ``ROLE_IN_USE`` with the count otherwise)."""
    role = Role.objects.select_for_update().filter(pk=role_id).first()
    if role is None:
        raise RbacError.role_not_found()
    if role.builtin:
        raise RbacError.role_builtin()
    count = RoleAssignment.objects.filter(role=role).count()
    if count:
        raise RbacError.role_in_use(count)
    before = _role_snapshot(role)
    record(actor=actor, module=MODULE, action="role_delete", obj=role, before=before, after={})
    role.delete()


# --- back-office accounts ---


def _roles_by_id(role_ids: Iterable[int]) -> list[Role]:
    wanted = set(role_ids)
    roles = list(Role.objects.filter(pk__in=wanted).order_by("pk"))
    missing = wanted - {r.pk for r in roles}
    if missing:
        raise RbacError.role_unknown(missing)
    return roles


def _set_roles(user: User, roles: list[Role]) -> None:
    """Hold exactly ``roles``: 超级管理员 through the flag, the others as assignment rows."""
    user.is_superadmin = any(r.key == SUPERADMIN_KEY for r in roles)
    user.save(update_fields=["is_superadmin"])
    keep = [r.pk for r in roles if r.key != SUPERADMIN_KEY]
    RoleAssignment.objects.filter(user=user).exclude(role_id__in=keep).delete()
    have = set(RoleAssignment.objects.filter(user=user).values_list("role_id", flat=True))
    RoleAssignment.objects.bulk_create([RoleAssignment(user=user, role_id=pk) for pk in keep if pk not in have])


def _ensure_a_superadmin_remains() -> None:
    if not User.objects.filter(is_staff=True, is_superadmin=True, is_active=True).exists():
        raise RbacError.last_superadmin()


@transaction.atomic
def account_create(
    *,
    actor: Actor,
    username: str,
    name: str,
    password: str,
    role_ids: Iterable[int] = (),
    contact_phone: str = "",
    email: str = "",
    department: str = "",
    must_change_password: bool = True,
) -> User:
    """A back-office account with its roles and an initial password (checked by the password policy)."""
    username = username.strip()
    if User.objects.filter(username=username).exists():
        raise RbacError.username_taken()
    user = User(
        username=username,
        name=name.strip(),
        contact_phone=contact_phone.strip(),
        email=email.strip(),
        department=department.strip(),
        is_staff=True,
        must_change_password=must_change_password,
    )
    problems = _password_errors(password, user)
    if problems:
        raise RbacError.password_invalid("password", problems)
    roles = _roles_by_id(role_ids)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # created concurrently under the same name
        raise RbacError.username_taken() from exc
    _set_roles(user, roles)
    record(actor=actor, module=MODULE, action="account_create", obj=user, before={}, after=_account_snapshot(user))
    if roles:
        notify_role_change(
            actor=actor,
            users=[user],
            summary="您已被分配角色：" + "、".join(r.name for r in roles),
            before={"roles": []},
            after={"roles": [r.name for r in roles]},
        )
    return user


def _staff_for_update(user_id: int) -> User:
    user = User.objects.select_for_update().filter(pk=user_id, is_staff=True).first()
    if user is None:
        raise RbacError.account_not_found()
    return user


@transaction.atomic
def account_update(
    *,
    actor: Actor,
    user_id: int,
    name: str | None = None,
    contact_phone: str | None = None,
    email: str | None = None,
    department: str | None = None,
    role_ids: Iterable[int] | None = None,
) -> User:
    user = _staff_for_update(user_id)
    before = _account_snapshot(user)
    for field, value in (
        ("name", name),
        ("contact_phone", contact_phone),
        ("email", email),
        ("department", department),
    ):
        if value is not None:
            setattr(user, field, value.strip())
    user.save(update_fields=["name", "contact_phone", "email", "department"])
    if role_ids is not None:
        roles = _roles_by_id(role_ids)
        if user.pk == actor.user.pk and {r.pk for r in roles} != {r.pk for r in platform_roles_of(user)}:
            raise RbacError.cannot_change_self("修改")
        _set_roles(user, roles)
        _ensure_a_superadmin_remains()
    after = _account_snapshot(user)
    record(actor=actor, module=MODULE, action="account_update", obj=user, before=before, after=after)
    if before["roles"] != after["roles"]:
        notify_role_change(
            actor=actor,
            users=[user],
            summary="您的角色已调整为：" + ("、".join(after["roles"]) or "无"),
            before={"roles": before["roles"]},
            after={"roles": after["roles"]},
        )
    return user


@transaction.atomic
def account_set_active(*, actor: Actor, user_id: int, active: bool) -> User:
    """Disable (every session of the account ends at once) or enable a back-office account."""
    user = _staff_for_update(user_id)
    if user.pk == actor.user.pk and not active:
        raise RbacError.cannot_change_self("停用")
    before = _account_snapshot(user)
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        _ensure_a_superadmin_remains()
        _revoke_sessions(user)
        for row in Impersonation.objects.filter(admin=user, ended_at__isnull=True):
            _end(row)
    record(
        actor=actor,
        module=MODULE,
        action="account_enable" if active else "account_disable",
        obj=user,
        before=before,
        after=_account_snapshot(user),
    )
    return user


def _temporary_password() -> str:
    alphabet = string.ascii_letters + string.digits
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(TEMPORARY_PASSWORD_LENGTH))
        if (
            any(c.islower() for c in candidate)
            and any(c.isupper() for c in candidate)
            and any(c.isdigit() for c in candidate)
        ):
            return candidate


@transaction.atomic
def account_reset_password(*, actor: Actor, user_id: int) -> str:
    """Set a temporary password, shown once; the account must change it at its next sign-in."""
    user = _staff_for_update(user_id)
    before = _account_snapshot(user)
    temporary = _temporary_password()
    user.set_password(temporary)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    _revoke_sessions(user)
    record(
        actor=actor,
        module=MODULE,
        action="account_reset_password",
        obj=user,
        before=before,
        after={**_account_snapshot(user), "password": "（已重置为临时密码）"},
    )
    return temporary


@transaction.atomic
def password_change(*, actor: Actor, old_password: str, new_password: str) -> User:
    """The signed-in account changes its own password; its other sessions end."""
    if actor.impersonator is not None:
        raise RbacError.impersonation_not_allowed()
    user = User.objects.select_for_update().get(pk=actor.user.pk)
    if not user.has_usable_password() or not user.check_password(old_password):
        raise RbacError.password_incorrect()
    problems = _password_errors(new_password, user)
    if new_password == old_password:
        problems.append("新密码不能与原密码相同。")
    if problems:
        raise RbacError.password_invalid("new_password", problems)
    before = snapshot(user, ["must_change_password"])
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    _revoke_sessions(user, keep=actor.session)
    actor.user.must_change_password = False
    record(
        actor=actor,
        module="accounts",
        action="password_change",
        obj=user,
        before={**before, "password": "（原密码）"},
        after={**snapshot(user, ["must_change_password"]), "password": "（新密码）"},
    )
    return user


# --- impersonation ---


@transaction.atomic
def impersonation_start(*, actor: Actor, user_id: int, reason: str) -> tuple[Impersonation, User, IssuedTokens]:
    """Act as a merchant user: a session whose access tokens carry ``act: {sub: admin}``."""
    reason = reason.strip()
    if len(reason) < 5:
        raise ApiError(
            "VALIDATION_ERROR",
            "提交的数据有误，请检查标红的字段",
            status=422,
            details={"fields": {"reason": "请填写切换原因（至少 5 个字）"}},
        )
    target = selectors.impersonation_target(actor=actor, user_id=user_id)
    if not target.is_active:
        raise RbacError.impersonation_target_disabled()
    tokens = issue_tokens(target, remember=False, impersonator=actor.user)
    row = Impersonation.objects.create(
        admin=actor.user,
        user=target,
        reason=reason,
        session=tokens.session,
        allow_writes=grants_for(actor.user, None).impersonation_writes,
        ip=actor.ip,
        user_agent=actor.user_agent,
    )
    record(
        actor=actor,
        module=MODULE,
        action="impersonation_start",
        obj=row,
        before={},
        after=snapshot(row, ["admin", "user", "reason", "allow_writes", "started_at"]),
    )
    return row, target, tokens


def _end(row: Impersonation) -> None:
    row.ended_at = timezone.now()
    row.save(update_fields=["ended_at"])
    RefreshToken.objects.filter(family=row.session, revoked_at__isnull=True).update(revoked_at=row.ended_at)


@transaction.atomic
def impersonation_end(*, actor: Actor) -> Impersonation:
    """End the impersonation of the calling session: its tokens stop working at once."""
    if actor.impersonation_id is None:
        raise RbacError.not_impersonating()
    row = Impersonation.objects.select_for_update().get(pk=actor.impersonation_id)
    before = snapshot(row, ["ended_at"])
    if row.ended_at is None:
        _end(row)
    record(
        actor=actor,
        module=MODULE,
        action="impersonation_end",
        obj=row,
        before=before,
        after=snapshot(row, ["ended_at"]),
    )
    return row


def impersonation_request_log(*, actor: Actor, method: str, path: str, outcome: str) -> None:
    """One row per request made while switched (both identities: the impersonation's admin and user)."""
    if actor.impersonation_id is None:
        return
    ImpersonationRequest.objects.create(
        impersonation_id=actor.impersonation_id, method=method[:8], path=path[:300], outcome=outcome[:64]
    )
