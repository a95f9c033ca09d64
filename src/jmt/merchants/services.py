"""Writes on merchants and memberships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from jmt.merchants.errors import merchant_not_found
from jmt.merchants.models import MemberRole, Membership, Merchant

if TYPE_CHECKING:
    from jmt.accounts.models import User


@transaction.atomic
def merchant_create_for_new_user(*, user: User) -> Merchant:
    """A newly registered person gets a merchant of their own (name to be completed) and is its 管理员."""
    merchant = Merchant.objects.create(name="")
    Membership.objects.create(merchant=merchant, user=user, role=MemberRole.ADMIN)
    user.current_merchant = merchant
    user.save(update_fields=["current_merchant"])
    return merchant


@transaction.atomic
def merchant_switch(*, user: User, merchant_id: int) -> Merchant:
    """Make ``merchant_id`` the user's current merchant; only a merchant they belong to."""
    membership = Membership.objects.filter(user=user, merchant_id=merchant_id).select_related("merchant").first()
    if membership is None:
        raise merchant_not_found()
    user.current_merchant = membership.merchant
    user.save(update_fields=["current_merchant"])
    return membership.merchant
