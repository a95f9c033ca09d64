"""Permission codes: every code an endpoint declares is in the one permission tree."""

import pytest

from jmt.api import api as ninja_api
from jmt.core import catalog
from jmt.core.permissions import AUTHENTICATED, PUBLIC, declared_permission


def declared_codes():
    for prefix, router in ninja_api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield f"{prefix}{path}", declared_permission(operation.view_func)


def test_every_declared_code_is_in_the_permission_tree():
    tree_codes = {
        button["code"] for menu in catalog.permission_tree() for page in menu["children"] for button in page["children"]
    }
    assert tree_codes == catalog.all_permissions()
    unknown = [(path, code) for path, code in declared_codes() if code not in (PUBLIC, AUTHENTICATED, *tree_codes)]
    assert unknown == []


def test_codes_are_module_page_action():
    for code in catalog.all_permissions():
        parts = code.split(":")
        assert len(parts) == 3, code
        assert all(parts), code


def test_back_office_endpoints_declare_back_office_codes():
    for path, code in declared_codes():
        if path.startswith("/admin/"):
            assert code not in (PUBLIC, None), path
            if code != AUTHENTICATED:
                assert catalog.surface_of(code) is catalog.Surface.ADMIN, path


@pytest.mark.django_db
def test_a_merchant_token_on_the_back_office_gets_404_not_403(api, merchant_admin):
    response = api.as_user(merchant_admin).get("/admin/rbac/roles")
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
