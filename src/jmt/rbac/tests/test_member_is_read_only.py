"""商户成员 is read-only: every write on the merchant surface answers 403 ``PERMISSION_DENIED``.

The walk covers every write route of the OpenAPI document outside the back office. A route that
declares a merchant code is called as the 成员 of merchant A (objects built for merchant A, see
``walk.py``) and must answer 403. A route that declares only ``AUTHENTICATED`` must be one of the
person's own acts listed below, or answer the 成员 with 403 too: declaring ``AUTHENTICATED`` is no
way around the rule.
"""

from types import SimpleNamespace

import pytest

from jmt.accounts.selectors import build_actor
from jmt.core import catalog
from jmt.core.errors import ApiError
from jmt.core.permissions import AUTHENTICATED, PUBLIC, require
from jmt.rbac.tests.walk import Owner, Unresolvable, openapi, path_variants, routes, send, url

pytestmark = pytest.mark.django_db

# Writes that act on the person's own session, password or inbox, not on the merchant's data.
PERSONAL_WRITES = {
    "POST /api/v1/me/switch-merchant",
    "POST /api/v1/auth/password/change",
    "POST /api/v1/auth/impersonation/end",
    "POST /api/v1/notifications/messages/read-all",
    "POST /api/v1/notifications/messages/{message_id}/read",
    "POST /api/v1/notifications/stream-ticket",
    "POST /api/v1/auth/webview-ticket",  # the mini-program signing its own web-view in (issue 18)
    # 我的 · 个人账户 (U1): the person's own details, phone and WeChat
    "PATCH /api/v1/me/profile",
    "POST /api/v1/me/phone/old-code",
    "POST /api/v1/me/phone/new-code",
    "POST /api/v1/me/phone/change",
    "POST /api/v1/me/wechat/bind",
    "POST /api/v1/me/wechat/unbind",
    # 培训服务: the person's own learning and their own conversation with the assistant
    "POST /api/v1/training/lessons/{lesson_id}/progress",
    "POST /api/v1/training/assistant/ask",
    "POST /api/v1/training/assistant/ask-stream",
    "POST /api/v1/training/turns/{turn_id}/rating",
    # 下载中心: 重新生成 one's own failed export (the service checks the kind's view code again)
    "POST /api/v1/downloads/{download_id}/retry",
}

# Exports (下载中心, issue 18): a POST because it queues a task, but it only writes a file of what the
# person may already view, into their own download center. The route declares the view code it reads.
READ_EXPORTS = {
    "POST /api/v1/customs/orders/export",
}


def merchant_write_routes():
    for route in routes():
        if not route.writes or route.path.startswith("/api/v1/admin/") or route.code == PUBLIC:
            continue
        if route.code == AUTHENTICATED and str(route) in PERSONAL_WRITES:
            continue
        if str(route) in READ_EXPORTS and not catalog.code_writes(route.code or ""):
            continue
        if route.code != AUTHENTICATED and catalog.surface_of(route.code or "") is not catalog.Surface.MERCHANT:
            continue
        yield route


def test_the_member_gets_403_on_every_merchant_surface_write(api, client, merchant_admin, merchant_member):
    document = openapi()
    owner = Owner(merchant=merchant_member.current_merchant, user=merchant_admin)
    token = api.as_user(merchant_member).token
    problems: list[str] = []
    visited: list[str] = []
    for route in merchant_write_routes():
        try:
            variants = path_variants(route, owner) if route.params else [{}]
        except Unresolvable as exc:
            problems.append(str(exc))
            continue
        for values in variants:
            response = send(client, route, url(route, values), token, document)
            visited.append(str(route))
            code = response.json().get("code") if response["Content-Type"].startswith("application/json") else None
            if response.status_code != 403 or code != "PERMISSION_DENIED":
                problems.append(f"{route}: {response.status_code} {code}")
    assert problems == []
    assert any(route.startswith("POST /api/v1/customs/") for route in visited)  # the walk reaches real writes
    # Every merchant write code the catalog knows is one the member does not hold.
    member = build_actor(merchant_member)
    assert not any(catalog.code_writes(code) for code in member.permissions)


def test_the_member_is_refused_by_the_one_guard_every_merchant_write_declares(merchant_member):
    """The guard itself, for every merchant write code of the catalog (routes or not yet)."""
    member = build_actor(merchant_member)
    request = SimpleNamespace(auth=member, method="POST", path="/api/v1/x")
    codes = [code for code in catalog.merchant_permissions(writable=True) if catalog.code_writes(code)]
    assert codes
    for code in codes:
        with pytest.raises(ApiError) as refused:
            require(code)(lambda request: "written")(request)
        assert (refused.value.status, refused.value.code) == (403, "PERMISSION_DENIED")


def test_the_merchant_admin_passes_the_same_guard(merchant_admin):
    admin = build_actor(merchant_admin)
    request = SimpleNamespace(auth=admin, method="POST", path="/api/v1/x")
    assert require("customs:batches:edit")(lambda request: "written")(request) == "written"
