"""Writes on merchants and memberships."""

from __future__ import annotations

from django.db import transaction

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.merchants.errors import merchant_not_found
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
