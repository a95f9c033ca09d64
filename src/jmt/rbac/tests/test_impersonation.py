"""G6: a back-office user switches to a merchant user — the act claim, read-only, both identities logged."""

import jwt
import pytest
from django.conf import settings

from conftest import Api, make_role, make_staff
from jmt.accounts.models import RefreshToken
from jmt.audit.models import OperationLog
from jmt.core.auth import Actor
from jmt.core.permissions import require
from jmt.rbac.models import Impersonation, ImpersonationRequest, Role

pytestmark = pytest.mark.django_db

START = "/admin/rbac/impersonations"
REASON = "协助商户核对报关批次"


def start(client: Api, user_id: int, reason: str = REASON):
    return client.post(START, {"user_id": user_id, "reason": reason}, headers={"User-Agent": "后台浏览器"})


def switched(api: Api, body: dict) -> Api:
    return Api(api.client, body["access"])


def test_the_access_token_carries_the_act_claim_naming_the_admin(api, customer_service, merchant_admin):
    response = start(api.as_user(customer_service), merchant_admin.pk)
    assert response.status_code == 201, response.json()
    body = response.json()
    claims = jwt.decode(body["access"], settings.JWT_SIGNING_KEY, algorithms=["HS256"], issuer="jmt")
    assert claims["sub"] == str(merchant_admin.pk)
    assert claims["act"] == {"sub": str(customer_service.pk)}
    me = switched(api, body).get("/me").json()
    assert me["user"]["id"] == merchant_admin.pk
    assert me["merchant"]["name"] == "东海晶莹水晶"
    assert me["impersonator"] == {"id": customer_service.pk, "display_name": "张客服", "read_only": True}
    row = Impersonation.objects.get()
    assert (row.admin, row.user, row.reason, row.user_agent) == (customer_service, merchant_admin, REASON, "后台浏览器")
    assert OperationLog.objects.filter(action="impersonation_start", actor=customer_service).exists()


def test_a_reason_shorter_than_five_characters_is_refused(api, customer_service, merchant_admin):
    for reason in ("看看", "  看看看  "):
        response = start(api.as_user(customer_service), merchant_admin.pk, reason)
        assert response.status_code == 422
        assert response.json()["code"] == "VALIDATION_ERROR"
        assert "reason" in response.json()["details"]["fields"]
    assert not Impersonation.objects.exists()


def test_switching_needs_the_permission(api, merchant_admin):
    viewer = make_staff("viewer", roles=[make_role("只看", ["system:impersonation:view"])])
    response = start(api.as_user(viewer), merchant_admin.pk)
    assert response.status_code == 403
    assert response.json()["details"] == {"permission": "system:impersonation:edit"}


def test_only_merchant_users_within_the_scope_can_be_switched_to(api, merchant_admin):
    own = make_staff("own", roles=[make_role("本商户", ["system:impersonation:edit"], data_scope="own_merchant")])
    assert start(api.as_user(own), merchant_admin.pk).status_code == 404
    every = make_staff("every", roles=[make_role("全部", ["system:impersonation:edit"], data_scope="all_read")])
    assert start(api.as_user(every), own.pk).status_code == 404  # a back-office account is no target
    assert start(api.as_user(every), merchant_admin.pk).status_code == 201


def test_a_disabled_merchant_user_cannot_be_switched_to(api, customer_service, merchant_admin):
    merchant_admin.is_active = False
    merchant_admin.save()
    assert start(api.as_user(customer_service), merchant_admin.pk).json()["code"] == "IMPERSONATION_TARGET_DISABLED"


def test_switching_is_read_only_by_default(api, customer_service, merchant_admin, other_merchant_user):
    as_merchant = switched(api, start(api.as_user(customer_service), merchant_admin.pk).json())
    response = as_merchant.post("/me/switch-merchant", {"merchant_id": merchant_admin.current_merchant_id})
    assert response.status_code == 403
    assert response.json()["code"] == "IMPERSONATION_READ_ONLY"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json()["message"])


def _write_view():
    @require("customs:batches:edit")
    def view(request):
        return "written"

    return view


class _Request:
    def __init__(self, actor: Actor, method: str = "POST") -> None:
        self.auth = actor
        self.method = method
        self.path = "/api/v1/customs/batches"


def test_a_role_allowing_writes_while_switched_lets_writes_through(api, merchant_admin):
    from jmt.accounts.selectors import actor_from_access_token

    role = make_role("代客修改", ["system:impersonation:edit"], data_scope="all_write", allow_impersonation_writes=True)
    writer = make_staff("writer", roles=[role])
    read_only = make_staff("reader", roles=[make_role("代客只读", ["system:impersonation:edit"])])
    for admin, outcome in ((writer, "written"), (read_only, "IMPERSONATION_READ_ONLY")):
        body = start(api.as_user(admin), merchant_admin.pk).json()
        actor = actor_from_access_token(None, body["access"])  # type: ignore[arg-type]
        try:
            result = _write_view()(_Request(actor))
        except Exception as exc:
            result = exc.code  # type: ignore[attr-defined]
        assert result == outcome
    assert Impersonation.objects.get(admin=writer).allow_writes is True


def test_every_request_while_switched_is_logged_with_both_identities(api, customer_service, merchant_admin):
    as_merchant = switched(api, start(api.as_user(customer_service), merchant_admin.pk).json())
    as_merchant.get("/me")
    as_merchant.get("/home")
    as_merchant.post("/me/switch-merchant", {"merchant_id": merchant_admin.current_merchant_id})
    as_merchant.get("/admin/rbac/roles")
    rows = list(ImpersonationRequest.objects.order_by("pk").values_list("method", "path", "outcome"))
    assert rows == [
        ("GET", "/api/v1/me", "ok"),
        ("GET", "/api/v1/home", "ok"),
        ("POST", "/api/v1/me/switch-merchant", "IMPERSONATION_READ_ONLY"),
        ("GET", "/api/v1/admin/rbac/roles", "NOT_FOUND"),
    ]
    row = Impersonation.objects.get()
    assert (row.admin_id, row.user_id) == (customer_service.pk, merchant_admin.pk)
    detail = api.as_user(customer_service).get(f"{START}/{row.pk}").json()
    assert detail["request_count"] == 4
    assert detail["admin"]["display_name"] == "张客服"
    assert detail["user"]["display_name"] == "林晶莹"


def test_ending_the_switch_revokes_its_session_and_keeps_the_admins(api, customer_service, merchant_admin):
    as_admin = api.as_user(customer_service)
    body = start(as_admin, merchant_admin.pk).json()
    as_merchant = switched(api, body)
    assert as_merchant.post("/auth/impersonation/end").status_code == 204
    assert as_merchant.get("/me").json()["code"] == "TOKEN_INVALID"
    assert api.post("/auth/refresh", {"refresh": body["refresh"]}).status_code == 401
    assert Impersonation.objects.get().ended_at is not None
    assert as_admin.get("/me").json()["user"]["id"] == customer_service.pk
    end = OperationLog.objects.get(action="impersonation_end")
    assert (end.actor_id, end.impersonator_id) == (merchant_admin.pk, customer_service.pk)


def test_a_refreshed_switched_session_still_carries_the_act_claim(api, customer_service, merchant_admin):
    body = start(api.as_user(customer_service), merchant_admin.pk).json()
    refreshed = api.post("/auth/refresh", {"refresh": body["refresh"]}).json()
    claims = jwt.decode(refreshed["access"], settings.JWT_SIGNING_KEY, algorithms=["HS256"], issuer="jmt")
    assert claims["act"] == {"sub": str(customer_service.pk)}


def test_the_switch_stops_when_the_admin_loses_the_permission(api, customer_service, merchant_admin):
    as_merchant = switched(api, start(api.as_user(customer_service), merchant_admin.pk).json())
    role = Role.objects.get(name="客服")
    role.permissions = ["merchants:list:view"]
    role.save()
    assert as_merchant.get("/me").json()["code"] == "TOKEN_INVALID"


def test_the_switch_stops_when_the_admin_is_disabled(api, superadmin, customer_service, merchant_admin):
    body = start(api.as_user(customer_service), merchant_admin.pk).json()
    api.as_user(superadmin).post(f"/admin/rbac/accounts/{customer_service.pk}/disable")
    assert switched(api, body).get("/me").status_code == 401
    assert Impersonation.objects.get().ended_at is not None
    assert RefreshToken.objects.filter(family=Impersonation.objects.get().session, revoked_at__isnull=True).count() == 0


def test_ending_is_refused_outside_a_switch(api, merchant_admin):
    response = api.as_user(merchant_admin).post("/auth/impersonation/end")
    assert response.status_code == 409
    assert response.json()["code"] == "NOT_IMPERSONATING"


def test_a_switched_session_cannot_change_the_merchant_users_password(api, customer_service, merchant_admin):
    as_merchant = switched(api, start(api.as_user(customer_service), merchant_admin.pk).json())
    response = as_merchant.post("/auth/password/change", {"old_password": "x", "new_password": "Donghai-Crystal-9"})
    assert response.status_code == 403
    assert response.json()["code"] == "IMPERSONATION_READ_ONLY"


def test_candidates_are_searched_by_phone_name_or_merchant(api, customer_service, merchant_admin, other_merchant_user):
    as_admin = api.as_user(customer_service)
    assert [u["id"] for u in as_admin.get("/admin/rbac/merchant-users", keyword="林晶").json()["items"]] == [
        merchant_admin.pk
    ]
    assert [u["id"] for u in as_admin.get("/admin/rbac/merchant-users", keyword="1390000").json()["items"]] == [
        other_merchant_user.pk
    ]
    by_merchant = as_admin.get("/admin/rbac/merchant-users", keyword="连云港").json()["items"]
    assert by_merchant[0]["merchants"][0]["merchant_name"] == "连云港某水晶店"
    everyone = as_admin.get("/admin/rbac/merchant-users").json()
    assert everyone["total"] == 2  # back-office accounts are not listed
