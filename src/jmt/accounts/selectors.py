"""Reads about the signed-in user: the acting identity and the ``/me`` payload."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from jmt.accounts.auth_query import user_with_session_and_membership
from jmt.accounts.errors import AuthError
from jmt.accounts.models import User
from jmt.accounts.schemas import user_out
from jmt.accounts.tokens import decode_access
from jmt.audit.models import OperationLog
from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.core.request_meta import client_ip, user_agent
from jmt.merchants.models import MemberRole, Membership, Merchant
from jmt.rbac.grants import grants_for
from jmt.rbac.selectors import impersonation_context


def permissions_for(user: User, membership: Membership | None) -> frozenset[str]:
    """Function permissions of a user acting for a merchant (the roles live in ``jmt.rbac``)."""
    return grants_for(user, membership).permissions


def roles_for(user: User, membership: Membership | None) -> list[str]:
    roles: list[str] = []
    if membership is not None:
        roles.append(f"merchant_{membership.role}")
    if user.is_staff:
        roles.append("superadmin" if user.is_superadmin else "staff")
    return roles


def current_membership(user: User) -> Membership | None:
    """The membership of the user's current merchant, falling back to their first one."""
    memberships = list(Membership.objects.filter(user=user).select_related("merchant").order_by("joined_at", "pk"))
    for membership in memberships:
        if membership.merchant_id == user.current_merchant_id:
            return membership
    return memberships[0] if memberships else None


def build_actor(
    user: User,
    *,
    session: str = "",
    request: HttpRequest | None = None,
    impersonator: User | None = None,
    impersonation: tuple[int, bool] | None = None,
    membership: Membership | None = None,
    membership_known: bool = False,
) -> Actor:
    """The actor of ``user``: roles added up by ``jmt.rbac`` (function permissions and per-code scopes).

    ``membership_known``: ``membership`` was already read (``actor_from_access_token`` reads it in the
    same query as the user); otherwise it is looked up.
    """
    if not membership_known:
        membership = current_membership(user)
    grants = grants_for(user, membership)
    return Actor(
        user=user,
        merchant=membership.merchant if membership else None,
        role=membership.role if membership else None,
        permissions=grants.permissions,
        scopes=grants.scopes,
        impersonator=impersonator,
        impersonation_id=impersonation[0] if impersonation else None,
        impersonation_writable=impersonation[1] if impersonation else False,
        session=session,
        ip=client_ip(request) if request is not None else None,
        user_agent=user_agent(request) if request is not None else "",
    )


def _membership_of(user: Any) -> Membership | None:
    if user.membership_pk is not None:
        return Membership(
            pk=user.membership_pk,
            user=user,
            merchant=user.current_merchant,
            role=user.membership_role,
            joined_at=user.membership_joined_at,
        )
    if user.first_membership_pk is None:
        return None
    # The current merchant is not one of theirs (or none is set): one more query, rare.
    return Membership.objects.select_related("merchant").get(pk=user.first_membership_pk)


def actor_from_access_token(request: HttpRequest, token: str) -> Actor:
    """A merchant's token costs one query (user, session, membership); a back-office one adds its roles."""
    claims = decode_access(token)
    try:
        user = user_with_session_and_membership(claims["sub"], claims["sid"])
    except (ValueError, TypeError, ValidationError):
        raise AuthError.token_invalid() from None
    if user is None:
        raise AuthError.token_invalid()
    if not user.is_active:
        raise AuthError.account_disabled()
    if user.session_revoked:  # type: ignore[attr-defined]
        raise AuthError.token_invalid()
    impersonator = None
    impersonation = None
    act = claims.get("act")
    if act is not None:
        if not isinstance(act, dict) or not act.get("sub"):
            raise AuthError.token_invalid()
        impersonator = User.objects.filter(pk=act["sub"], is_active=True, is_staff=True).first()
        if impersonator is None:
            raise AuthError.token_invalid()
        # The impersonation must still be open and the admin still allowed to impersonate.
        impersonation = impersonation_context(session=claims["sid"], admin=impersonator)
        if impersonation is None:
            raise AuthError.token_invalid()
    return build_actor(
        user,
        session=claims["sid"],
        request=request,
        impersonator=impersonator,
        impersonation=impersonation,
        membership=_membership_of(user),
        membership_known=True,
    )


def _gate_open(module: catalog.Module, merchant: Merchant | None) -> bool:
    if module.gate is catalog.Gate.NONE:
        return True
    if module.gate is catalog.Gate.REGISTRATION_APPROVED:
        return merchant is not None and merchant.registration_approved
    return False


def catalog_for(actor: Actor) -> list[dict[str, Any]]:
    """The merchant modules with each one's ``enabled`` flag and, when closed, the reason.

    An item whose page is not built yet is ``available: false`` and closed with 「即将上线」 whatever the
    gate; a module is available once one of its items is.
    """
    modules: list[dict[str, Any]] = []
    merchant: Merchant | None = actor.merchant
    for module in catalog.MODULES:
        open_ = _gate_open(module, merchant)
        reason = "" if open_ else catalog.GATE_REASONS[module.gate]
        items = []
        for item in module.items:
            permitted = actor.can(item.permission(module))
            enabled = item.built and open_ and permitted
            if enabled:
                item_reason = ""
            elif not item.built:
                item_reason = catalog.COMING_SOON
            else:
                item_reason = reason or "您没有访问此功能的权限"
            items.append(
                {
                    "key": item.key,
                    "feature": item.feature,
                    "title": item.title,
                    "route": item.route,
                    "description": item.description,
                    "permission": item.permission(module),
                    "available": item.built,
                    "enabled": enabled,
                    "disabled_reason": item_reason,
                }
            )
        enabled_module = module.built and open_ and any(i["enabled"] for i in items)
        if enabled_module:
            module_reason = ""
        elif not module.built:
            module_reason = catalog.COMING_SOON
        else:
            module_reason = reason or "您没有访问此模块的权限"
        modules.append(
            {
                "key": module.key,
                "title": module.title,
                "icon": module.icon,
                "description": module.description,
                "route": module.route,
                "gated": module.gate is not catalog.Gate.NONE,
                "available": module.built,
                "enabled": enabled_module,
                "disabled_reason": module_reason,
                "items": items,
            }
        )
    return modules


def admin_catalog_for(actor: Actor) -> list[dict[str, Any]]:
    """The back-office menu: only the items the actor may open."""
    if not actor.user.is_staff:
        return []
    modules: list[dict[str, Any]] = []
    for module in catalog.ADMIN_MODULES:
        items = [
            {
                "key": item.key,
                "feature": item.feature,
                "title": item.title,
                "route": item.route,
                "description": item.description,
                "permission": item.permission(module),
                "available": True,
                "enabled": True,
                "disabled_reason": "",
            }
            for item in module.items
            if actor.can(item.permission(module))
        ]
        if items:
            modules.append(
                {
                    "key": module.key,
                    "title": module.title,
                    "icon": module.icon,
                    "description": module.description,
                    "route": module.route,
                    "gated": False,
                    "available": True,
                    "enabled": True,
                    "disabled_reason": "",
                    "items": items,
                }
            )
    return modules


def me_payload(actor: Actor) -> dict[str, Any]:
    user: User = actor.user
    memberships = Membership.objects.filter(user=user).select_related("merchant").order_by("joined_at", "pk")
    merchant: Merchant | None = actor.merchant
    return {
        "user": user_out(user),
        "merchant": None
        if merchant is None
        else {
            "id": merchant.pk,
            "name": merchant.name,
            "display_name": merchant.display_name,
            "registration_status": merchant.registration_status,
            "registration_approved": merchant.registration_approved,
        },
        "memberships": [
            {
                "merchant_id": m.merchant_id,
                "merchant_name": m.merchant.display_name,
                "role": m.role,
                "role_label": MemberRole(m.role).label,
                "current": merchant is not None and m.merchant_id == merchant.pk,
            }
            for m in memberships
        ],
        "roles": roles_for(
            user, None if merchant is None else next((m for m in memberships if m.merchant_id == merchant.pk), None)
        ),
        "permissions": sorted(actor.permissions),
        "impersonator": None
        if actor.impersonator is None
        else {
            "id": actor.impersonator.pk,
            "display_name": actor.impersonator.display_name,
            "read_only": not actor.impersonation_writable,
        },
        "catalog": catalog_for(actor),
        "admin_catalog": admin_catalog_for(actor),
    }


def my_operation_logs(*, actor: Actor) -> QuerySet[OperationLog]:
    """「我的操作记录」: the entries the person made themselves (or was switched to), newest first."""
    return (
        OperationLog.objects.filter(actor_id=actor.user.pk)
        .select_related("actor", "impersonator")
        .order_by("-created_at", "-id")
    )
