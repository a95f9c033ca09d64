"""Writes on merchants and memberships."""

from __future__ import annotations

from django.db import transaction

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import PermissionDenied
from jmt.merchants.errors import MemberError, merchant_not_found
from jmt.merchants.models import MemberRole, Membership, Merchant


@transaction.atomic
def merchant_create_for_new_user(*, actor: Actor) -> Merchant:
    """A newly registered person gets a merchant of their own (name to be completed) and is its 管理员."""
    user = actor.user
    merchant = Merchant.objects.create(name="")
    membership = Membership.objects.create(merchant=merchant, user=user, role=MemberRole.ADMIN)
    user.current_merchant = merchant
    user.save(update_fields=["current_merchant"])
    actor.merchant = merchant
    record(
        actor=actor,
        module="accounts",
        action="register",
        obj=user,
        before={},
        after=snapshot(user, ["username", "phone", "current_merchant"]),
    )
    record(
        actor=actor,
        module="merchants",
        action="create",
        obj=merchant,
        before={},
        after=snapshot(merchant, ["name", "registration_status"]),
    )
    record(
        actor=actor,
        module="merchants",
        action="add_member",
        obj=membership,
        before={},
        after=snapshot(membership, ["merchant", "user", "role"]),
    )
    return merchant


@transaction.atomic
def merchant_switch(*, actor: Actor, merchant_id: int) -> Merchant:
    """Make ``merchant_id`` the user's current merchant; only a merchant they belong to."""
    user = actor.user
    membership = Membership.objects.filter(user=user, merchant_id=merchant_id).select_related("merchant").first()
    if membership is None:
        raise merchant_not_found()
    before = snapshot(user, ["current_merchant"])
    user.current_merchant = membership.merchant
    user.save(update_fields=["current_merchant"])
    actor.merchant = membership.merchant
    record(
        actor=actor,
        module="accounts",
        action="switch_merchant",
        obj=user,
        before=before,
        after=snapshot(user, ["current_merchant"]),
    )
    return membership.merchant


# --- 成员管理 (U3) ---


def require_merchant_admin(actor: Actor) -> Merchant:
    """The actor's current merchant, when they are its 管理员; a 成员 is refused (403), no merchant is a 404."""
    if actor.merchant is None:
        raise merchant_not_found()
    if actor.role != MemberRole.ADMIN:
        raise PermissionDenied("仅商户管理员可以修改商户信息和管理成员", details={"role": MemberRole.ADMIN.value})
    return actor.merchant


def _locked_merchant(merchant: Merchant) -> Merchant:
    """Serialise membership changes of one merchant (the 「至少一位管理员」 rule counts under this lock)."""
    return Merchant.objects.select_for_update().get(pk=merchant.pk)


def _membership(merchant: Merchant, membership_id: int) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(pk=membership_id, merchant=merchant)
        .first()
    )
    if membership is None:
        raise MemberError.not_found()
    return membership


def _other_admins(membership: Membership) -> bool:
    return (
        Membership.objects.filter(merchant_id=membership.merchant_id, role=MemberRole.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )


MEMBER_FIELDS = ["merchant", "user", "role"]


@transaction.atomic
def member_add(*, actor: Actor, merchant: Merchant, phone: str, role: str, name: str = "") -> Membership:
    """Add the person of ``phone`` (an account is created for a new number; they sign in by SMS later)."""
    from jmt.accounts.models import User
    from jmt.accounts.phone import normalize_phone
    from jmt.notifications.models import MessageKind
    from jmt.notifications.services import notify

    phone = normalize_phone(phone)
    merchant = _locked_merchant(merchant)
    user = User.objects.filter(phone=phone).first()
    if user is None:
        username = phone if not User.objects.filter(username=phone).exists() else f"m{phone}"
        user = User.objects.create_user(username=username, phone=phone, name=(name or "").strip()[:64])
        record(
            actor=actor,
            module="accounts",
            action="create",
            obj=user,
            before={},
            after=snapshot(user, ["username", "phone", "name"]),
        )
    elif Membership.objects.filter(merchant=merchant, user=user).exists():
        raise MemberError.exists()
    membership = Membership.objects.create(merchant=merchant, user=user, role=MemberRole(role))
    if user.current_merchant_id is None:
        user.current_merchant = merchant
        user.save(update_fields=["current_merchant"])
    record(
        actor=actor,
        module="merchants",
        action="add_member",
        obj=membership,
        before={},
        after=snapshot(membership, MEMBER_FIELDS),
    )
    role_label = MemberRole(role).label
    notify(
        recipients=[user],
        merchant=merchant,
        kind=MessageKind.STATUS,
        title=f"您已加入「{merchant.display_name}」",
        body=f"{actor.user.display_name} 将您添加为「{merchant.display_name}」的{role_label}。"
        "可在右上角账号菜单中切换到该商户。",
        link="/me",
        related=membership,
    )
    return membership


@transaction.atomic
def member_role_change(*, actor: Actor, merchant: Merchant, membership_id: int, role: str) -> Membership:
    """管理员 ↔ 成员; the last 管理员 cannot step down."""
    _locked_merchant(merchant)
    membership = _membership(merchant, membership_id)
    role = MemberRole(role)
    if membership.role == role:
        return membership
    if membership.role == MemberRole.ADMIN and not _other_admins(membership):
        raise MemberError.last_admin()
    before = snapshot(membership, MEMBER_FIELDS)
    membership.role = role
    membership.save(update_fields=["role"])
    record(
        actor=actor,
        module="merchants",
        action="change_role",
        obj=membership,
        before=before,
        after=snapshot(membership, MEMBER_FIELDS),
    )
    return membership


@transaction.atomic
def member_remove(*, actor: Actor, merchant: Merchant, membership_id: int) -> None:
    """Remove a member; never the last 管理员. A removed person acting for this merchant is moved to
    another merchant of theirs (or to none)."""
    _locked_merchant(merchant)
    membership = _membership(merchant, membership_id)
    if membership.role == MemberRole.ADMIN and not _other_admins(membership):
        raise MemberError.last_admin()
    user = membership.user
    before = snapshot(membership, MEMBER_FIELDS)
    record(actor=actor, module="merchants", action="remove_member", obj=membership, before=before, after={})
    membership.delete()
    if user.current_merchant_id == merchant.pk:
        other = Membership.objects.filter(user=user).order_by("joined_at", "pk").first()
        user_before = snapshot(user, ["current_merchant"])
        user.current_merchant = other.merchant if other else None
        user.save(update_fields=["current_merchant"])
        record(
            actor=actor,
            module="accounts",
            action="switch_merchant",
            obj=user,
            before=user_before,
            after=snapshot(user, ["current_merchant"]),
        )
