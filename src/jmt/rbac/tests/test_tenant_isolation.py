"""Tenant isolation, proven over the whole OpenAPI document.

Every route whose path takes an object id is called by a user of another merchant, with the object
built for merchant A (see ``walk.py`` for how, and how a new app's ids are built without editing
this test). Reads and writes alike must answer 404 ``NOT_FOUND``: not 403, and never the data.
As a control, the object's owner (merchant A's 管理员; the 超级管理员 on back-office routes) reads
it with 200, so a 404 is not just a wrong path.
"""

import pytest

from conftest import make_merchant_user
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.rbac.tests.walk import (
    Owner,
    Unresolvable,
    openapi,
    path_variants,
    routes,
    send,
    shared_content_routes,
    url,
)

pytestmark = pytest.mark.django_db


def test_another_merchants_user_gets_404_on_every_route_that_takes_an_id(api, client, merchant_admin, superadmin):
    document = openapi()
    owner = Owner(merchant=merchant_admin.current_merchant, user=merchant_admin)
    # The outsider's merchant is approved too, so no module gate answers before the data scope does.
    approved = Merchant.objects.create(name="连云港晶品", registration_status=RegistrationStatus.APPROVED)
    outsider = api.as_user(make_merchant_user("13900000019", approved, MemberRole.ADMIN)).token
    owner_token = api.as_user(merchant_admin).token
    root_token = api.as_user(superadmin).token
    visited: list[str] = []
    problems: list[str] = []
    shared = shared_content_routes()
    for route in routes():
        if not route.id_params or route.code == "public" or str(route) in shared:
            continue
        try:
            variants = path_variants(route, owner)
        except Unresolvable as exc:
            problems.append(str(exc))
            continue
        for values in variants:
            path = url(route, values)
            response = send(client, route, path, outsider, document)
            visited.append(f"{route} → {path}")
            body = response.json() if response["Content-Type"].startswith("application/json") else {}
            if response.status_code != 404 or body.get("code") != "NOT_FOUND":
                problems.append(f"{route} as another merchant's user: {response.status_code} {body}")
            if route.method == "get" and route.path.endswith("}"):
                token = root_token if route.path.startswith("/api/v1/admin/") else owner_token
                control = client.get(path, headers={"Authorization": f"Bearer {token}"})
                if control.status_code != 200:
                    problems.append(
                        f"{route} control by the owner: {control.status_code} (the walk built a bad object)"
                    )
    assert problems == []
    assert len(visited) > 0
    # The back-office routes of this app are among them (reads and writes).
    assert any("/admin/rbac/roles/{role_id}" in v and v.startswith("DELETE") for v in visited)
    assert any("/admin/rbac/accounts/{user_id}/disable" in v for v in visited)
    # 下载中心's 重新生成, on both surfaces: another person's download is not there.
    assert any(v.startswith("POST /api/v1/downloads/{download_id}/retry") for v in visited)
    assert any(v.startswith("POST /api/v1/admin/downloads/{download_id}/retry") for v in visited)
