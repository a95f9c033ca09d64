"""商户信息管理 (A1): the back office lists merchants, edits every field (CCB sub-account included),
reads members and their WeChat binding, and unbinds a member's WeChat."""

import pytest

from conftest import make_role, make_staff
from jmt.audit.models import OperationLog
from jmt.merchants.models import Membership, Merchant, RegistrationStatus
from jmt.merchants.tests.helpers import patch

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return make_staff(
        "yunying",
        roles=[make_role("运营", ["merchants:list:view", "merchants:list:edit"], data_scope="all_write")],
        name="周运营",
    )


def test_the_list_searches_by_name_credit_code_and_phone_and_filters_by_status(
    api, superadmin, merchant_admin, other_merchant_user
):
    root = api.as_user(superadmin)
    Merchant.objects.filter(pk=merchant_admin.current_merchant_id).update(credit_code="91320722MA1WXY9K0X")
    everything = root.get("/admin/merchants").json()
    assert everything["total"] == 2
    assert [r["display_name"] for r in root.get("/admin/merchants", q="晶莹").json()["items"]] == ["东海晶莹水晶"]
    assert [r["display_name"] for r in root.get("/admin/merchants", q="MA1WXY").json()["items"]] == ["东海晶莹水晶"]
    by_phone = root.get("/admin/merchants", q="13900000009").json()["items"]
    assert [r["display_name"] for r in by_phone] == ["连云港某水晶店"]
    approved = root.get("/admin/merchants", registration_status="approved").json()["items"]
    assert [(r["display_name"], r["registration_status_label"], r["admins"]) for r in approved] == [
        ("东海晶莹水晶", "核准通过", ["林晶莹"])
    ]
    paged = root.get("/admin/merchants", page_size=1, page=2).json()
    assert (paged["total"], paged["page"], len(paged["items"])) == (2, 2, 1)


def test_staff_edit_the_ccb_sub_account_and_locked_licence_fields_and_the_merchant_sees_it(
    api, editor, merchant_admin, crystal_merchant
):
    response = patch(
        api.as_user(editor),
        f"/admin/merchants/{crystal_merchant.pk}",
        {"changes": {"ccb_sub_account": "6217 0000 1111", "credit_code": "91320722MA1WXY9K0X"}},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["values"]["ccb_sub_account"] == "6217 0000 1111"
    assert all(f["editable"] for f in response.json()["fields"])
    seen = api.as_user(merchant_admin).get("/merchant").json()["values"]
    assert seen["ccb_sub_account"] == "6217 0000 1111"
    assert seen["credit_code"] == "91320722MA1WXY9K0X"
    entry = OperationLog.objects.get(action="profile_update")
    assert entry.actor_id == editor.pk
    assert entry.changes["ccb_sub_account"] == ["", "6217 0000 1111"]


def test_the_detail_shows_members_with_full_phones_and_wechat_binding(api, superadmin, merchant_admin, merchant_member):
    merchant_member.wechat_unionid = "fake-unionid-wang"
    merchant_member.wechat_mp_openid = "fake-mp-openid-wang"
    merchant_member.save()
    body = api.as_user(superadmin).get(f"/admin/merchants/{merchant_admin.current_merchant_id}").json()
    assert [(m["phone"], m["wechat_bound"], m["wechat_bound_via"]) for m in body["members"]] == [
        ("13800000001", False, []),
        ("13800000003", True, ["mp"]),
    ]


def test_staff_unbind_a_members_wechat_and_it_is_audited(api, editor, merchant_member):
    merchant_member.wechat_unionid = "fake-unionid-wang"
    merchant_member.save()
    membership = Membership.objects.get(user=merchant_member)
    response = api.as_user(editor).post(
        f"/admin/merchants/{membership.merchant_id}/members/{membership.pk}/wechat/unbind"
    )
    assert response.status_code == 200
    merchant_member.refresh_from_db()
    assert merchant_member.wechat_unionid is None
    entry = OperationLog.objects.get(action="unbind_wechat")
    assert (entry.actor_id, entry.object_id) == (editor.pk, str(merchant_member.pk))


def test_a_membership_of_another_merchant_is_404_on_the_unbind(api, editor, merchant_admin, other_merchant_user):
    foreign = Membership.objects.get(user=other_merchant_user)
    response = api.as_user(editor).post(
        f"/admin/merchants/{merchant_admin.current_merchant_id}/members/{foreign.pk}/wechat/unbind"
    )
    assert response.status_code == 404


def test_staff_without_the_code_are_refused(api, merchant_admin):
    nobody = make_staff("wuquan", roles=[make_role("日志", ["system:logs:view"])])
    client = api.as_user(nobody)
    assert client.get("/admin/merchants").status_code == 403
    response = patch(client, f"/admin/merchants/{merchant_admin.current_merchant_id}", {"changes": {"name_en": "x"}})
    assert (response.status_code, response.json()["code"]) == (403, "PERMISSION_DENIED")


def test_a_read_only_role_reads_every_merchant_but_cannot_edit(api, customer_service, crystal_merchant):
    client = api.as_user(customer_service)
    body = client.get(f"/admin/merchants/{crystal_merchant.pk}").json()
    assert body["can_edit"] is False
    assert not any(f["editable"] for f in body["fields"])
    response = patch(client, f"/admin/merchants/{crystal_merchant.pk}", {"changes": {"name_en": "x"}})
    assert response.status_code == 403


def test_a_role_whose_scope_reaches_no_merchant_sees_none(api, crystal_merchant):
    narrow = make_staff("xiaozhou", roles=[make_role("本商户", ["merchants:list:view"], data_scope="own_merchant")])
    client = api.as_user(narrow)
    assert client.get("/admin/merchants").json()["total"] == 0
    assert client.get(f"/admin/merchants/{crystal_merchant.pk}").status_code == 404


def test_merchant_users_do_not_see_the_back_office(api, merchant_admin, crystal_merchant):
    response = api.as_user(merchant_admin).get(f"/admin/merchants/{crystal_merchant.pk}")
    assert response.status_code == 404


def test_invalid_values_come_back_per_field(api, editor, crystal_merchant):
    response = patch(
        api.as_user(editor), f"/admin/merchants/{crystal_merchant.pk}", {"changes": {"established_on": "x"}}
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"established_on": "成立日期格式应为 2020-01-31"}
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.registration_status == RegistrationStatus.APPROVED


@pytest.mark.parametrize("value", ["abc", "6217", "6217-abcd-0000-1111", "6217  0000 1111 2222", "1" * 26])
def test_a_ccb_sub_account_that_is_not_an_account_number_is_refused_with_its_code(api, editor, crystal_merchant, value):
    response = patch(
        api.as_user(editor), f"/admin/merchants/{crystal_merchant.pk}", {"changes": {"ccb_sub_account": value}}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "MERCHANT_CCB_SUB_ACCOUNT_INVALID"
    assert "建设银行子账号" in body["message"]
    assert "ccb_sub_account" in body["details"]["fields"]
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.ccb_sub_account == ""


@pytest.mark.parametrize("value", ["6217000000000001", "6217 0000 1111", "44050110-0000-0000-1234"])
def test_a_ccb_sub_account_of_digits_grouped_by_spaces_or_hyphens_is_kept_as_written(
    api, editor, crystal_merchant, value
):
    response = patch(
        api.as_user(editor), f"/admin/merchants/{crystal_merchant.pk}", {"changes": {"ccb_sub_account": value}}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["values"]["ccb_sub_account"] == value
