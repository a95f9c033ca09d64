"""A5: back-office accounts — create with roles and a checked password, edit, disable, reset, login log."""

import json

import pytest

from conftest import make_role, make_staff
from jmt.accounts.models import LoginLog, User
from jmt.audit.models import OperationLog
from jmt.rbac.models import SUPERADMIN_KEY, Role

pytestmark = pytest.mark.django_db

ACCOUNTS = "/admin/rbac/accounts"


@pytest.fixture
def root(api, superadmin):
    return api.as_user(superadmin)


def patch(client, path, body):
    return client.client.patch(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {client.token}"},
    )


def login(api, username, password):
    return api.post("/auth/password/login", {"username": username, "password": password})


def test_superadmin_creates_an_account_with_roles_and_it_can_sign_in(api, root):
    role = make_role("运营", ["merchants:list:view"])
    response = root.post(
        ACCOUNTS,
        {
            "username": "yunying01",
            "name": "李运营",
            "password": "Donghai-Crystal-9",
            "role_ids": [role.pk],
            "department": "运营部",
            "contact_phone": "0518-87654321",
            "email": "li@jingjing.example",
            "must_change_password": False,
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [r["name"] for r in body["roles"]] == ["运营"]
    assert body["department"] == "运营部"
    user = User.objects.get(username="yunying01")
    assert user.is_staff
    assert user.password.startswith("argon2")
    assert login(api, "yunying01", "Donghai-Crystal-9").status_code == 200
    assert OperationLog.objects.filter(action="account_create", object_id=str(user.pk)).exists()


def test_an_initial_password_that_breaks_the_policy_is_refused_on_its_field(root):
    response = root.post(ACCOUNTS, {"username": "weak01", "name": "弱密码", "password": "12345678"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "PASSWORD_INVALID"
    assert "password" in body["details"]["fields"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"])
    assert not User.objects.filter(username="weak01").exists()


def test_a_taken_username_is_refused(root, superadmin):
    response = root.post(ACCOUNTS, {"username": superadmin.username, "name": "重名", "password": "Donghai-Crystal-9"})
    assert response.status_code == 409
    assert response.json()["code"] == "USERNAME_TAKEN"


def test_the_list_pages_and_filters_by_role_status_and_keyword(root):
    role = make_role("运营", ["merchants:list:view"])
    for index in range(3):
        make_staff(f"op{index}", roles=[role], name=f"运营{index}", department="运营部")
    make_staff("off", name="已停用", is_active=False)
    body = root.get(ACCOUNTS, page=1, page_size=2, role_id=role.pk).json()
    assert body["total"] == 3
    assert body["page_size"] == 2
    assert len(body["items"]) == 2
    assert root.get(ACCOUNTS, is_active="false").json()["total"] == 1
    assert [a["username"] for a in root.get(ACCOUNTS, keyword="运营1").json()["items"]] == ["op1"]
    builtin = Role.objects.get(key=SUPERADMIN_KEY)
    assert [a["username"] for a in root.get(ACCOUNTS, role_id=builtin.pk).json()["items"]] == ["root"]


def test_merchant_users_are_not_back_office_accounts(root, merchant_admin):
    assert root.get(f"{ACCOUNTS}/{merchant_admin.pk}").status_code == 404
    assert all(a["username"] != merchant_admin.username for a in root.get(ACCOUNTS).json()["items"])


def test_editing_info_and_roles_is_audited_and_the_account_notified(root):
    first = make_role("运营", ["merchants:list:view"])
    second = make_role("审计", ["system:logs:view"])
    account = make_staff("op1", roles=[first], name="李运营")
    response = patch(root, f"{ACCOUNTS}/{account.pk}", {"department": "风控部", "role_ids": [first.pk, second.pk]})
    assert response.status_code == 200
    assert [r["name"] for r in response.json()["roles"]] == ["运营", "审计"]
    update = OperationLog.objects.get(action="account_update")
    assert update.changes["department"] == ["", "风控部"]
    assert update.changes["roles"] == [["运营"], ["运营", "审计"]]
    notice = OperationLog.objects.get(action="role_change_notice", object_id=str(account.pk))
    assert notice.changes["roles"] == [["运营"], ["运营", "审计"]]


def test_disabling_an_account_stops_its_tokens_at_once(api, root):
    account = make_staff("op1", roles=[make_role("运营", ["merchants:list:view"])])
    pair = login(api, "op1", "Crystal-2026!").json()
    as_account = api.as_user(account)
    assert as_account.get("/me").status_code == 200

    assert root.post(f"{ACCOUNTS}/{account.pk}/disable").json()["is_active"] is False
    response = as_account.get("/me")
    assert response.status_code == 403
    assert response.json()["code"] == "ACCOUNT_DISABLED"
    assert api.post("/auth/refresh", {"refresh": pair["refresh"]}).status_code == 401
    assert login(api, "op1", "Crystal-2026!").json()["code"] == "ACCOUNT_DISABLED"

    assert root.post(f"{ACCOUNTS}/{account.pk}/enable").json()["is_active"] is True
    assert login(api, "op1", "Crystal-2026!").status_code == 200
    assert OperationLog.objects.filter(action="account_disable").exists()


def test_an_admin_cannot_disable_themself(root, superadmin):
    response = root.post(f"{ACCOUNTS}/{superadmin.pk}/disable")
    assert response.status_code == 409
    assert response.json()["code"] == "CANNOT_CHANGE_SELF"


def test_the_last_superadmin_cannot_be_demoted_or_disabled(api, superadmin):
    manager = make_staff(
        "hr", roles=[make_role("账户管理", ["system:accounts:edit", "system:accounts:status"], data_scope="all_write")]
    )
    as_manager = api.as_user(manager)
    demote = patch(as_manager, f"{ACCOUNTS}/{superadmin.pk}", {"role_ids": []})
    assert demote.status_code == 409
    assert demote.json()["code"] == "LAST_SUPERADMIN"
    assert as_manager.post(f"{ACCOUNTS}/{superadmin.pk}/disable").json()["code"] == "LAST_SUPERADMIN"
    superadmin.refresh_from_db()
    assert superadmin.is_superadmin
    assert superadmin.is_active


def test_reset_gives_a_temporary_password_that_must_be_changed_before_anything_else(api, root):
    account = make_staff("op1", roles=[make_role("运营", ["merchants:list:view"])])
    old_token = api.as_user(account)
    temporary = root.post(f"{ACCOUNTS}/{account.pk}/reset-password").json()["temporary_password"]
    assert len(temporary) >= 12
    assert old_token.get("/me").json()["code"] == "TOKEN_INVALID"  # every session ended

    pair = login(api, "op1", temporary).json()
    assert pair["user"]["must_change_password"] is True
    signed_in = api.__class__(api.client, pair["access"])
    assert signed_in.get("/me").status_code == 200
    blocked = signed_in.get("/admin/rbac/roles")
    assert blocked.status_code == 403
    assert blocked.json()["code"] == "PASSWORD_CHANGE_REQUIRED"

    changed = signed_in.post("/auth/password/change", {"old_password": temporary, "new_password": "Donghai-Crystal-9"})
    assert changed.status_code == 200
    assert changed.json()["must_change_password"] is False
    assert signed_in.get("/me").json()["user"]["must_change_password"] is False
    assert login(api, "op1", "Donghai-Crystal-9").status_code == 200
    reset = OperationLog.objects.get(action="account_reset_password")
    assert temporary not in json.dumps(reset.changes)


def test_a_password_change_checks_the_old_password_and_the_policy(api, superadmin):
    client = api.as_user(superadmin)
    wrong = client.post("/auth/password/change", {"old_password": "nope", "new_password": "Donghai-Crystal-9"})
    assert wrong.status_code == 422
    assert wrong.json()["code"] == "PASSWORD_INCORRECT"
    weak = client.post("/auth/password/change", {"old_password": "Crystal-2026!", "new_password": "password"})
    assert weak.json()["code"] == "PASSWORD_INVALID"
    assert "new_password" in weak.json()["details"]["fields"]
    same = client.post("/auth/password/change", {"old_password": "Crystal-2026!", "new_password": "Crystal-2026!"})
    assert same.json()["code"] == "PASSWORD_INVALID"


def test_a_password_change_ends_the_other_sessions_but_keeps_this_one(api, superadmin):
    other_session = api.as_user(superadmin)
    this_session = api.as_user(superadmin)
    assert (
        this_session.post(
            "/auth/password/change", {"old_password": "Crystal-2026!", "new_password": "Donghai-Crystal-9"}
        ).status_code
        == 200
    )
    assert this_session.get("/me").status_code == 200
    assert other_session.get("/me").json()["code"] == "TOKEN_INVALID"


def test_the_login_log_lists_successes_and_failures_with_ip_and_ua(api, root):
    make_staff("op1")
    api.post("/auth/password/login", {"username": "op1", "password": "wrong"}, headers={"User-Agent": "测试浏览器/1.0"})
    login(api, "op1", "Crystal-2026!")
    body = root.get("/admin/rbac/login-logs", identifier="op1").json()
    assert body["total"] == 2
    newest, oldest = body["items"]
    assert newest["success"] is True
    assert oldest["success"] is False
    assert oldest["reason"] == "LOGIN_FAILED"
    assert oldest["user_agent"] == "测试浏览器/1.0"
    assert oldest["ip"] == "127.0.0.1"
    assert oldest["method_label"] == "账号密码"
    assert root.get("/admin/rbac/login-logs", identifier="op1", success="false").json()["total"] == 1


def test_the_login_log_of_merchant_users_follows_the_data_scope(api, merchant_admin):
    LoginLog.objects.create(user=merchant_admin, identifier=merchant_admin.phone, method="sms", success=True)
    own_scope = make_staff("own", roles=[make_role("本商户", ["system:accounts:view"], data_scope="own_merchant")])
    every = make_staff("every", roles=[make_role("全部", ["system:accounts:view"], data_scope="all_read")])
    assert api.as_user(own_scope).get("/admin/rbac/login-logs").json()["total"] == 0
    assert api.as_user(every).get("/admin/rbac/login-logs").json()["total"] == 1
