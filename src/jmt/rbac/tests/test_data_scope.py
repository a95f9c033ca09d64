"""The data-scope rule: per code, the union of the scopes of only the roles that grant it; fail closed."""

import pytest

from jmt.core.auth import Actor
from jmt.merchants.models import Merchant
from jmt.rbac.grants import MERCHANT_ADMIN, MERCHANT_MEMBER, Grants, RoleGrant
from jmt.rbac.models import DataScope
from jmt.rbac.scope import merchant_in_scope, merchant_scope, merchants_visible

pytestmark = pytest.mark.django_db

READ = "merchants:list:view"
WRITE = "merchants:list:edit"


def actor_with(*roles: RoleGrant, merchant=None) -> Actor:
    grants = Grants.of(roles)
    return Actor(user=None, merchant=merchant, role=None, permissions=grants.permissions, scopes=grants.scopes)


def role(scope: DataScope, *codes: str) -> RoleGrant:
    return RoleGrant(name=str(scope), scope=scope, codes=frozenset(codes))


@pytest.fixture
def two_merchants():
    return Merchant.objects.create(name="甲"), Merchant.objects.create(name="乙")


def visible(actor: Actor, code: str) -> set[str]:
    return set(Merchant.objects.filter(merchants_visible(actor, code, field="pk")).values_list("name", flat=True))


def test_function_permissions_are_the_union_of_the_roles():
    actor = actor_with(role(DataScope.ALL_READ, READ), role(DataScope.ALL_WRITE, "system:roles:view"))
    assert actor.permissions == {READ, "system:roles:view"}


def test_a_broad_scope_of_one_role_does_not_widen_a_code_another_role_grants(two_merchants):
    first, _ = two_merchants
    # 全部商户可写 comes with a read code only; the write code comes from a 本商户 role.
    actor = actor_with(role(DataScope.ALL_WRITE, READ), role(DataScope.OWN_MERCHANT, WRITE), merchant=first)
    assert visible(actor, READ) == {"甲", "乙"}
    assert visible(actor, WRITE) == {"甲"}


def test_a_read_only_scope_never_turns_into_a_write(two_merchants):
    actor = actor_with(role(DataScope.ALL_READ, READ, WRITE))
    assert visible(actor, READ) == {"甲", "乙"}
    assert visible(actor, WRITE) == set()
    assert merchant_scope(actor, WRITE).empty


def test_read_only_and_writable_roles_granting_the_same_code_add_up(two_merchants):
    actor = actor_with(role(DataScope.ALL_READ, WRITE), role(DataScope.ALL_WRITE, WRITE))
    assert visible(actor, WRITE) == {"甲", "乙"}


def test_a_code_no_role_grants_reaches_no_rows(two_merchants):
    actor = actor_with(role(DataScope.ALL_WRITE, READ))
    assert visible(actor, "system:roles:view") == set()
    assert not merchant_in_scope(actor, "system:roles:view", two_merchants[0].pk)


def test_a_held_code_without_any_scope_fails_closed(two_merchants):
    actor = Actor(user=None, merchant=two_merchants[0], role=None, permissions=frozenset({READ}))
    assert visible(actor, READ) == set()


def test_own_merchant_reaches_nothing_for_an_account_of_no_merchant(two_merchants):
    actor = actor_with(role(DataScope.OWN_MERCHANT, READ, WRITE))
    assert visible(actor, READ) == set()
    assert visible(actor, WRITE) == set()


def test_merchant_roles_reach_only_their_own_merchant(two_merchants):
    first, second = two_merchants
    admin = actor_with(MERCHANT_ADMIN, merchant=first)
    member = actor_with(MERCHANT_MEMBER, merchant=first)
    assert visible(admin, "customs:batches:edit") == {"甲"}
    assert visible(member, "customs:batches:view") == {"甲"}
    assert visible(member, "customs:batches:edit") == set()
    assert merchant_in_scope(admin, "customs:batches:edit", first.pk)
    assert not merchant_in_scope(admin, "customs:batches:edit", second.pk)


def test_a_row_of_no_merchant_is_only_within_an_every_merchant_scope(two_merchants):
    own = actor_with(role(DataScope.OWN_MERCHANT, READ), merchant=two_merchants[0])
    every = actor_with(role(DataScope.ALL_READ, READ))
    assert not merchant_in_scope(own, READ, None)
    assert merchant_in_scope(every, READ, None)


def test_impersonation_writes_need_the_flag_on_a_writable_role_that_may_switch():
    code = "system:impersonation:edit"
    flag = {"allow_impersonation_writes": True}
    read_only_flagged = RoleGrant("只读", DataScope.ALL_READ, frozenset({code}), **flag)
    writable_flagged_without_switch = RoleGrant("可写", DataScope.ALL_WRITE, frozenset({READ}), **flag)
    writable_flagged = RoleGrant("代客修改", DataScope.ALL_WRITE, frozenset({code}), **flag)
    assert not Grants.of([read_only_flagged]).impersonation_writes
    assert not Grants.of([read_only_flagged, writable_flagged_without_switch]).impersonation_writes
    assert Grants.of([read_only_flagged, writable_flagged]).impersonation_writes
