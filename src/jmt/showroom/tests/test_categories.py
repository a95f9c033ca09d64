"""The category tree in the back office: create, rename, reorder, move (no cycles), enable / disable."""

from __future__ import annotations

import pytest

from jmt.audit.models import OperationLog
from jmt.showroom.models import Category

pytestmark = pytest.mark.django_db


def test_admin_builds_a_three_level_tree(admin_api):
    top = admin_api.post("/admin/showroom/categories", {"name": "水晶"}).json()
    mid = admin_api.post("/admin/showroom/categories", {"name": "手串", "parent_id": top["id"]}).json()
    leaf = admin_api.post("/admin/showroom/categories", {"name": "紫水晶手串", "parent_id": mid["id"]})
    assert leaf.status_code == 201
    tree = admin_api.get("/admin/showroom/categories").json()
    assert tree[0]["name"] == "水晶"
    assert tree[0]["children"][0]["children"][0]["name"] == "紫水晶手串"
    assert tree[0]["children"][0]["children"][0]["depth"] == 3


def test_moving_a_category_under_its_own_descendant_is_refused(admin_api, tree):
    response = admin_api.post(
        f"/admin/showroom/categories/{tree['crystal'].pk}/move", {"parent_id": tree["white"].pk, "position": 0}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "SHOWROOM_CATEGORY_CYCLE"
    assert Category.objects.get(pk=tree["crystal"].pk).parent_id is None


def test_moving_a_category_under_itself_is_refused(admin_api, tree):
    response = admin_api.post(
        f"/admin/showroom/categories/{tree['bracelets'].pk}/move", {"parent_id": tree["bracelets"].pk, "position": 0}
    )
    assert response.json()["code"] == "SHOWROOM_CATEGORY_CYCLE"


def test_moving_a_category_to_another_parent_takes_its_subtree_along(admin_api, tree):
    response = admin_api.post(
        f"/admin/showroom/categories/{tree['bracelets'].pk}/move", {"parent_id": tree["ornaments"].pk, "position": 0}
    )
    assert response.status_code == 200
    assert Category.objects.get(pk=tree["bracelets"].pk).parent_id == tree["ornaments"].pk
    assert Category.objects.get(pk=tree["white"].pk).parent_id == tree["bracelets"].pk
    assert OperationLog.objects.filter(action="category_move").exists()


def test_reordering_siblings_renumbers_their_positions(admin_api, tree):
    admin_api.post(
        f"/admin/showroom/categories/{tree['ornaments'].pk}/move", {"parent_id": tree["crystal"].pk, "position": 0}
    )
    names = [c["name"] for c in admin_api.get("/admin/showroom/categories").json()[0]["children"]]
    assert names == ["摆件", "手串"]


def test_a_sibling_with_the_same_name_is_refused(admin_api, tree):
    response = admin_api.post("/admin/showroom/categories", {"name": "手串", "parent_id": tree["crystal"].pk})
    assert response.status_code == 409
    assert response.json()["code"] == "SHOWROOM_NAME_TAKEN"


def test_renaming_a_category_is_audited(admin_api, tree):
    response = admin_api.client.patch(
        f"/api/v1/admin/showroom/categories/{tree['ornaments'].pk}",
        '{"name": "摆件饰品"}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {admin_api.token}"},
    )
    assert response.json()["name"] == "摆件饰品"
    log = OperationLog.objects.get(action="category_update")
    assert log.changes["name"] == ["摆件", "摆件饰品"]


def test_a_merchant_cannot_reach_the_back_office_tree(merchant_api, tree):
    assert merchant_api.get("/admin/showroom/categories").status_code == 404
