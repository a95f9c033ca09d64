import pytest

from jmt.accounts.models import User
from jmt.audit.tests.conftest import make_log
from jmt.merchants.models import Merchant

pytestmark = pytest.mark.django_db


def test_the_detail_lists_each_changed_field_with_its_chinese_name_before_and_after(admin_api):
    merchant = Merchant.objects.create(name="东海晶莹水晶")
    entry = make_log(
        module="merchants",
        action="update",
        object_type="merchants.Merchant",
        object_id=str(merchant.pk),
        changes={"name": ["", "东海晶莹水晶"], "registration_status": ["in_progress", "approved"]},
    )
    body = admin_api.get(f"/admin/audit/operation-logs/{entry.pk}").json()
    assert body["changes"] == [
        {
            "field": "name",
            "label": "商户名称",
            "before": "",
            "after": "东海晶莹水晶",
            "before_text": "（空）",
            "after_text": "东海晶莹水晶",
        },
        {
            "field": "registration_status",
            "label": "工商注册状态",
            "before": "in_progress",
            "after": "approved",
            "before_text": "办理中",
            "after_text": "核准通过",
        },
    ]
    assert (body["ip"], body["user_agent"]) == ("10.0.0.8", "Mozilla/5.0 Test")


def test_the_detail_names_the_admin_who_acted_for_the_user(admin_api, superadmin):
    lin = User.objects.create_user(username="13800000001", phone="13800000001", name="林晶莹")
    entry = make_log(actor=lin, impersonator=superadmin)
    body = admin_api.get(f"/admin/audit/operation-logs/{entry.pk}").json()
    assert body["actor"]["display"] == "林晶莹（13800000001）"
    assert body["impersonator"] == {"id": superadmin.pk, "display": "超级管理员（root）", "username": "root"}


def test_a_membership_change_shows_the_role_by_its_chinese_name(admin_api):
    entry = make_log(
        module="merchants",
        action="add_member",
        object_type="merchants.Membership",
        changes={"role": [None, "admin"], "user": [None, 7]},
    )
    rows = {row["field"]: row for row in admin_api.get(f"/admin/audit/operation-logs/{entry.pk}").json()["changes"]}
    assert (rows["role"]["label"], rows["role"]["before_text"], rows["role"]["after_text"]) == (
        "角色",
        "（空）",
        "管理员",
    )
    assert rows["user"]["label"] == "用户"


def test_an_unknown_log_is_a_json_404(admin_api):
    response = admin_api.get("/admin/audit/operation-logs/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
