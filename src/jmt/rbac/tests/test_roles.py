"""A6: roles — create, edit, delete (refused while assigned), the permission tree, union of roles, notices."""

import pytest

from conftest import make_role, make_staff
from jmt.audit.models import OperationLog
from jmt.notifications.models import Message
from jmt.rbac.models import SUPERADMIN_KEY, Role

pytestmark = pytest.mark.django_db

ROLES = "/admin/rbac/roles"


@pytest.fixture
def root(api, superadmin):
    return api.as_user(superadmin)


def test_the_superadmin_role_is_built_in_and_holds_every_back_office_code(root):
    builtin = Role.objects.get(key=SUPERADMIN_KEY)
    body = root.get(f"{ROLES}/{builtin.pk}").json()
    assert body["name"] == "超级管理员"
    assert body["builtin"] is True
    assert body["data_scope"] == "all_write"
    assert "system:roles:delete" in body["permissions"]
    assert "merchants:list:edit" in body["permissions"]
    assert body["account_count"] == 1


def test_superadmin_creates_a_role_with_codes_and_a_data_scope_and_it_is_audited(root):
    response = root.post(
        ROLES,
        {
            "name": "客服",
            "description": "处理商户咨询",
            "data_scope": "all_read",
            "permissions": ["merchants:list:view", "system:impersonation:view"],
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["permissions"] == ["merchants:list:view", "system:impersonation:view"]
    assert body["data_scope_label"] == "全部商户只读"
    entry = OperationLog.objects.get(action="role_create")
    assert entry.module == "rbac"
    assert entry.changes["permissions"] == [None, ["merchants:list:view", "system:impersonation:view"]]


def test_a_role_with_a_code_outside_the_back_office_tree_is_refused(root):
    response = root.post(
        ROLES, {"name": "乱填", "data_scope": "all_read", "permissions": ["customs:batches:edit", "x:y:z"]}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "PERMISSION_UNKNOWN"
    assert body["details"]["codes"] == ["customs:batches:edit", "x:y:z"]


def test_a_duplicate_role_name_is_refused(root):
    make_role("运营", ["merchants:list:view"])
    response = root.post(ROLES, {"name": "运营", "data_scope": "all_read", "permissions": []})
    assert response.status_code == 409
    assert response.json()["code"] == "ROLE_NAME_TAKEN"


def test_deleting_a_role_still_assigned_is_refused_with_the_count(root):
    role = make_role("运营", ["merchants:list:view"])
    make_staff("op1", roles=[role])
    make_staff("op2", roles=[role])
    response = root.client.delete(f"/api/v1{ROLES}/{role.pk}", headers={"Authorization": f"Bearer {root.token}"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "ROLE_IN_USE"
    assert body["details"]["count"] == 2
    assert "2" in body["message"]
    assert Role.objects.filter(pk=role.pk).exists()


def test_an_unassigned_role_is_deleted_and_the_deletion_audited(root):
    role = make_role("临时", ["merchants:list:view"])
    response = root.client.delete(f"/api/v1{ROLES}/{role.pk}", headers={"Authorization": f"Bearer {root.token}"})
    assert response.status_code == 204
    assert not Role.objects.filter(pk=role.pk).exists()
    entry = OperationLog.objects.get(action="role_delete")
    assert entry.changes["name"] == ["临时", None]


def test_the_builtin_role_cannot_be_deleted_or_lose_codes(root):
    builtin = Role.objects.get(key=SUPERADMIN_KEY)
    headers = {"Authorization": f"Bearer {root.token}"}
    assert root.client.delete(f"/api/v1{ROLES}/{builtin.pk}", headers=headers).json()["code"] == "ROLE_BUILTIN"
    response = root.client.patch(
        f"/api/v1{ROLES}/{builtin.pk}",
        '{"permissions": ["merchants:list:view"]}',
        content_type="application/json",
        headers=headers,
    )
    assert response.json()["code"] == "ROLE_BUILTIN"
    allowed = root.client.patch(
        f"/api/v1{ROLES}/{builtin.pk}",
        '{"allow_impersonation_writes": true}',
        content_type="application/json",
        headers=headers,
    )
    assert allowed.status_code == 200
    assert allowed.json()["allow_impersonation_writes"] is True


def test_editing_a_role_changes_the_holders_menu_at_once_and_notifies_them(api, root):
    role = make_role("运营", ["merchants:list:view", "system:roles:view"])
    operator = make_staff("op1", roles=[role])
    as_operator = api.as_user(operator)
    assert {m["key"] for m in as_operator.get("/me").json()["admin_catalog"]} == {"merchants", "system"}

    response = root.client.patch(
        f"/api/v1{ROLES}/{role.pk}",
        '{"permissions": ["merchants:list:view"]}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {root.token}"},
    )
    assert response.status_code == 200
    assert {m["key"] for m in as_operator.get("/me").json()["admin_catalog"]} == {"merchants"}
    notice = OperationLog.objects.get(action="role_change_notice", object_id=str(operator.pk))
    assert notice.changes["notice"][1] == "您的角色「运营」的权限已调整"
    message = Message.objects.get(recipient=operator)
    assert (message.kind, message.title, message.body) == (
        "status",
        "您的角色权限已变更",
        "您的角色「运营」的权限已调整",
    )


def test_several_roles_add_up_to_the_union_of_their_codes(api):
    viewer = make_role("只看商户", ["merchants:list:view"])
    logs = make_role("只看日志", ["system:logs:view"])
    both = make_staff("both", roles=[viewer, logs])
    body = api.as_user(both).get("/me").json()
    assert {"merchants:list:view", "system:logs:view"} <= set(body["permissions"])
    assert "merchants:list:edit" not in body["permissions"]


def test_a_staff_without_the_code_cannot_edit_roles(api):
    reader = make_staff("reader", roles=[make_role("只读角色", ["system:roles:view"])])
    response = api.as_user(reader).post(ROLES, {"name": "x", "data_scope": "all_read", "permissions": []})
    assert response.status_code == 403
    assert response.json() == {
        "code": "PERMISSION_DENIED",
        "message": "您没有执行此操作的权限",
        "details": {"permission": "system:roles:edit"},
    }


def test_the_permission_tree_has_menus_pages_and_buttons(root):
    body = root.get("/admin/rbac/permission-tree").json()
    system = next(node for node in body["tree"] if node["key"] == "module:system")
    assert system["level"] == "menu"
    assert system["surface"] == "admin"
    roles_page = next(page for page in system["children"] if page["key"] == "page:system:roles")
    assert [b["code"] for b in roles_page["children"]] == [
        "system:roles:view",
        "system:roles:edit",
        "system:roles:delete",
    ]
    assert {s["value"] for s in body["data_scopes"]} == {"own_merchant", "all_read", "all_write"}
    member = next(r for r in body["merchant_roles"] if r["key"] == "merchant_member")
    assert all(code.endswith(":view") for code in member["permissions"])
