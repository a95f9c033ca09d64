"""Data scope: which merchants' rows an actor may touch with a permission code.

The rule (also in README "Permissions and data scope"):

    The rows an actor may touch with code C are the union of the data scopes of **only those of
    the actor's roles that grant C**. A scope contributes:

    * 本商户 (``own_merchant``): the merchant the actor is acting for (a merchant user's current
      merchant); nothing for an account that acts for no merchant (a back-office account);
    * 全部商户只读 (``all_read``): every merchant, but only when C reads (its action is ``view``);
      for a writing code it contributes nothing;
    * 全部商户可写 (``all_write``): every merchant, reading and writing.

    No role granting C, or only scopes that contribute nothing → no rows (fail closed).

Writes while switched to a merchant user (G6) follow the same idea: they are allowed only by a
role that grants ``system:impersonation:edit``, has 「用户切换时允许修改」 on, **and** reaches every
merchant writable; a flag on a read-only role allows nothing.

So scopes never widen silently: a role's broad scope never lends itself to a code that another,
narrower role grants, and a read-only scope never turns into a write. While a back-office user
impersonates a merchant user, the merchant user's roles apply (their own merchant), and writes are
further refused centrally unless the admin's roles allow them (``core.permissions.require``).

Selectors use :func:`merchants_visible` (a ``Q`` on the merchant foreign key of their model);
services re-check a single object with :func:`merchant_in_scope`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.rbac.models import DataScope


@dataclass(frozen=True)
class MerchantScope:
    """Every merchant (``everything``) or the ids in ``merchant_ids`` (possibly none)."""

    everything: bool
    merchant_ids: frozenset[int]

    @property
    def empty(self) -> bool:
        return not self.everything and not self.merchant_ids


NOTHING = MerchantScope(everything=False, merchant_ids=frozenset())


def merchant_scope(actor: Actor, code: str, *, writes: bool | None = None) -> MerchantScope:
    """The merchants ``actor`` may touch with ``code`` (see the module docstring for the rule).

    ``writes`` overrides what the code's action says, for the one place where a writing code
    only reads: starting a user switch opens a read-only view of the merchant user's data.
    """
    if not actor.can(code):
        return NOTHING
    if writes is None:
        writes = catalog.code_writes(code)
    ids: set[int] = set()
    for scope in actor.scopes.get(code, frozenset()):
        if scope == DataScope.ALL_WRITE or (scope == DataScope.ALL_READ and not writes):
            return MerchantScope(everything=True, merchant_ids=frozenset())
        if scope == DataScope.OWN_MERCHANT and actor.merchant is not None:
            ids.add(actor.merchant.pk)
    return MerchantScope(everything=False, merchant_ids=frozenset(ids))


def merchants_visible(actor: Actor, code: str, *, field: str = "merchant", writes: bool | None = None) -> Q:
    """A filter for a queryset whose merchant foreign key is ``field`` (``"pk"`` for ``Merchant`` itself)."""
    scope = merchant_scope(actor, code, writes=writes)
    if scope.everything:
        return Q()
    lookup = "pk__in" if field == "pk" else f"{field}__in"
    return Q(**{lookup: sorted(scope.merchant_ids)})


def merchant_in_scope(actor: Actor, code: str, merchant_id: int | None) -> bool:
    """Whether one row of ``merchant_id`` is within reach (a row of no merchant: only with every merchant)."""
    scope = merchant_scope(actor, code)
    if scope.everything:
        return True
    return merchant_id is not None and merchant_id in scope.merchant_ids
