"""成员管理 (U3): list, add by phone, change role, remove; never without a 管理员."""

import pytest

from conftest import make_merchant_user
from jmt.accounts.models import User
from jmt.audit.models import OperationLog
from jmt.integrations.sms import memory
from jmt.merchants.models import MemberRole, Membership
from jmt.merchants.tests.helpers import delete, patch
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db


def membership_of(user):
    return Membership.objects.get(user=user)


def test_members_are_listed_admins_first_with_masked_phones(api, merchant_admin, merchant_member):
    rows = api.as_user(merchant_member).get("/merchant/members").json()
    assert [(r["name"], r["role_label"], r["phone"]) for r in rows] == [
        ("林晶莹", "管理员", "138****0001"),
        ("王小明", "成员", "138****0003"),
    ]
    assert [r["is_self"] for r in rows] == [False, True]


def test_adding_a_new_phone_creates_an_account_that_later_signs_in_by_sms(api, merchant_admin, crystal_merchant):
    response = api.as_user(merchant_admin).post(
        "/merchant/members", {"phone": "137 0000 0066", "role": "member", "name": "赵新"}
    )
    assert response.status_code == 201, response.json()
    assert response.json()["phone"] == "137****0066"
    user = User.objects.get(phone="13700000066")
    assert user.name == "赵新"
    assert user.current_merchant == crystal_merchant
    assert membership_of(user).role == MemberRole.MEMBER
    message = Message.objects.get(recipient=user)
    assert message.title == "您已加入「东海晶莹水晶」"
    assert OperationLog.objects.filter(action="add_member", actor=merchant_admin).exists()
    # The new person signs in with an SMS code and lands in this merchant, no new merchant made for them.
    api.post("/auth/sms/send", {"phone": "13700000066"})
    login = api.post("/auth/sms/login", {"phone": "13700000066", "code": memory.last_code("13700000066")})
    assert login.json()["is_new_user"] is False
    me = api.as_user(user).get("/me").json()
    assert me["merchant"]["id"] == crystal_merchant.pk
    assert me["roles"] == ["merchant_member"]


def test_adding_an_existing_account_keeps_their_own_merchant_current(api, merchant_admin, other_merchant_user):
    response = api.as_user(merchant_admin).post(
        "/merchant/members", {"phone": other_merchant_user.phone, "role": "admin"}
    )
    assert response.status_code == 201
    other_merchant_user.refresh_from_db()
    assert other_merchant_user.current_merchant.name == "连云港某水晶店"
    assert Membership.objects.filter(user=other_merchant_user).count() == 2


def test_an_existing_member_is_refused(api, merchant_admin, merchant_member):
    response = api.as_user(merchant_admin).post("/merchant/members", {"phone": merchant_member.phone})
    assert response.status_code == 409
    assert response.json()["code"] == "MEMBER_EXISTS"


def test_an_invalid_phone_is_refused(api, merchant_admin):
    response = api.as_user(merchant_admin).post("/merchant/members", {"phone": "12345"})
    assert response.status_code == 422
    assert response.json()["code"] == "PHONE_INVALID"


def test_the_admin_changes_a_role_and_it_is_audited(api, merchant_admin, merchant_member):
    membership = membership_of(merchant_member)
    response = patch(api.as_user(merchant_admin), f"/merchant/members/{membership.pk}", {"role": "admin"})
    assert response.status_code == 200
    assert response.json()["role_label"] == "管理员"
    entry = OperationLog.objects.get(action="change_role")
    assert entry.changes == {"role": ["member", "admin"]}
    # Now an admin, the former member may write.
    assert api.as_user(merchant_member).post("/merchant/members", {"phone": "13700000067"}).status_code == 201


def test_the_last_admin_can_neither_step_down_nor_be_removed(api, merchant_admin):
    me = api.as_user(merchant_admin)
    membership = membership_of(merchant_admin)
    demote = patch(me, f"/merchant/members/{membership.pk}", {"role": "member"})
    assert (demote.status_code, demote.json()["code"]) == (409, "MEMBER_LAST_ADMIN")
    remove = delete(me, f"/merchant/members/{membership.pk}")
    assert (remove.status_code, remove.json()["code"]) == (409, "MEMBER_LAST_ADMIN")
    assert Membership.objects.get(pk=membership.pk).role == MemberRole.ADMIN


def test_with_a_second_admin_the_first_may_leave(api, merchant_admin, crystal_merchant):
    make_merchant_user("13800000002", crystal_merchant, MemberRole.ADMIN, "林二")
    membership = membership_of(merchant_admin)
    assert delete(api.as_user(merchant_admin), f"/merchant/members/{membership.pk}").status_code == 204
    merchant_admin.refresh_from_db()
    assert merchant_admin.current_merchant is None


def test_a_removed_member_acting_for_this_merchant_is_moved_to_their_other_merchant(
    api, merchant_admin, other_merchant_user, crystal_merchant
):
    Membership.objects.create(merchant=crystal_merchant, user=other_merchant_user, role=MemberRole.MEMBER)
    other_merchant_user.current_merchant = crystal_merchant
    other_merchant_user.save()
    membership = Membership.objects.get(user=other_merchant_user, merchant=crystal_merchant)
    assert delete(api.as_user(merchant_admin), f"/merchant/members/{membership.pk}").status_code == 204
    other_merchant_user.refresh_from_db()
    assert other_merchant_user.current_merchant.name == "连云港某水晶店"
    assert OperationLog.objects.filter(action="remove_member", object_id=str(membership.pk)).exists()


def test_the_member_is_refused_every_member_write(api, merchant_admin, merchant_member):
    me = api.as_user(merchant_member)
    target = membership_of(merchant_admin).pk
    for response in (
        me.post("/merchant/members", {"phone": "13700000068"}),
        patch(me, f"/merchant/members/{target}", {"role": "member"}),
        delete(me, f"/merchant/members/{target}"),
    ):
        assert (response.status_code, response.json()["code"]) == (403, "PERMISSION_DENIED")
    assert not User.objects.filter(phone="13700000068").exists()


def test_another_merchants_membership_is_404(api, merchant_admin, other_merchant_user):
    foreign = membership_of(other_merchant_user).pk
    me = api.as_user(merchant_admin)
    assert patch(me, f"/merchant/members/{foreign}", {"role": "member"}).status_code == 404
    assert delete(me, f"/merchant/members/{foreign}").status_code == 404
    assert Membership.objects.filter(pk=foreign).exists()
