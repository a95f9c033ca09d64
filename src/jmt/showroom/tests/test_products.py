"""Products: attributes and their values, disabled categories, the review flow, batch 上架 / 下架."""

from __future__ import annotations

import json

import pytest

from jmt.notifications.models import Message
from jmt.showroom import services
from jmt.showroom.models import Product, ProductValue

pytestmark = pytest.mark.django_db


def _patch(api, path, body):
    return api.client.patch(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


def _put(api, path, body):
    return api.client.put(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


def _new(api, tree, attributes, **extra):
    body = {
        "name": "天然白水晶手串",
        "category_id": tree["white"].pk,
        "price_cny": "168.00",
        "values": {
            str(attributes["material"].pk): "白水晶",
            str(attributes["bead"].pk): "8",
            str(attributes["colour"].pk): "白",
        },
        **extra,
    }
    return api.post("/showroom/mine", body)


def test_a_merchant_creates_a_draft_with_inherited_attribute_values(merchant_api, tree, attributes):
    response = _new(merchant_api, tree, attributes)
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "draft"
    assert {v["name"]: v["value"] for v in body["values"]} == {"材质": "白水晶", "珠径": "8", "颜色": "白"}
    assert body["price"] == {"amount": "168.00", "currency": "CNY"}


def test_a_choice_outside_the_options_is_refused_with_its_field(merchant_api, tree, attributes):
    response = _new(merchant_api, tree, attributes, values={str(attributes["colour"].pk): "绿"})
    assert response.status_code == 422
    assert response.json()["code"] == "SHOWROOM_INVALID"
    assert response.json()["details"]["fields"][f"values.{attributes['colour'].pk}"] == "「颜色」请从可选值中选择"
    assert not Product.objects.exists()


def test_a_number_attribute_takes_only_numbers(merchant_api, tree, attributes):
    response = _new(merchant_api, tree, attributes, values={str(attributes["bead"].pk): "八毫米"})
    assert response.json()["details"]["fields"][f"values.{attributes['bead'].pk}"] == "「珠径」请输入数字"


def test_a_disabled_category_takes_no_new_products(merchant_api, admin_api, tree, attributes):
    _patch(admin_api, f"/admin/showroom/categories/{tree['bracelets'].pk}", {"enabled": False})
    response = _new(merchant_api, tree, attributes)
    assert response.status_code == 409
    assert response.json()["code"] == "SHOWROOM_CATEGORY_DISABLED"


def test_products_of_a_disabled_category_stay_and_are_shown(
    merchant_api, admin_api, tree, attributes, crystal_merchant
):
    from jmt.showroom.tests.conftest import listed_product

    product = listed_product(crystal_merchant, tree["white"], "白水晶手串")
    _patch(admin_api, f"/admin/showroom/categories/{tree['bracelets'].pk}", {"enabled": False})
    assert merchant_api.get(f"/showroom/products/{product.pk}").status_code == 200
    assert merchant_api.get("/showroom/products").json()["total"] == 1
    edit = _put(
        merchant_api,
        f"/showroom/mine/{product.pk}",
        {"name": "白水晶手串", "category_id": tree["white"].pk, "price_cny": "99"},
    )
    assert edit.status_code == 409  # a 上架 product is not the merchant's to edit
    assert Product.objects.get(pk=product.pk).category_id == tree["white"].pk


def test_removing_an_attribute_keeps_the_products_values(merchant_api, admin_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    response = admin_api.client.delete(
        f"/api/v1/admin/showroom/attributes/{attributes['colour'].pk}",
        headers={"Authorization": f"Bearer {admin_api.token}"},
    )
    assert response.status_code == 204
    values = {v["name"]: v for v in merchant_api.get(f"/showroom/products/{product_id}").json()["values"]}
    assert values["颜色"]["value"] == "白"
    assert values["颜色"]["attribute_id"] is None


def test_renaming_an_attribute_renames_the_values_copies(merchant_api, admin_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    _patch(admin_api, f"/admin/showroom/attributes/{attributes['bead'].pk}", {"name": "珠子直径", "unit": "毫米"})
    value = ProductValue.objects.get(product_id=product_id, attribute=attributes["bead"])
    assert (value.name, value.unit, value.value) == ("珠子直径", "毫米", "8")


def test_a_new_attribute_leaves_existing_values_alone(merchant_api, admin_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    created = admin_api.post(
        f"/admin/showroom/categories/{tree['bracelets'].pk}/attributes", {"name": "产地", "kind": "text"}
    )
    assert created.status_code == 201
    assert ProductValue.objects.filter(product_id=product_id).count() == 3


def test_a_choice_attribute_needs_options(admin_api, tree):
    response = admin_api.post(
        f"/admin/showroom/categories/{tree['crystal'].pk}/attributes", {"name": "颜色", "kind": "choice"}
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"]["choices"] == "选项类属性至少需要一个可选值"


def test_the_review_flow_lists_an_approved_product(merchant_api, admin_api, tree, attributes, merchant_admin):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    submitted = merchant_api.post(f"/showroom/mine/{product_id}/submit")
    assert submitted.json()["state"] == "pending"
    assert merchant_api.get("/showroom/products").json()["total"] == 0
    approved = admin_api.post(f"/admin/showroom/products/{product_id}/review", {"approve": True})
    assert approved.json()["state"] == "listed"
    assert merchant_api.get("/showroom/products").json()["items"][0]["id"] == product_id
    assert Message.objects.filter(recipient=merchant_admin, title__contains="上架").exists()


def test_a_returned_product_carries_the_reason_and_can_be_resubmitted(merchant_api, admin_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    merchant_api.post(f"/showroom/mine/{product_id}/submit")
    returned = admin_api.post(
        f"/admin/showroom/products/{product_id}/review", {"approve": False, "reason": "主图不清晰"}
    )
    assert returned.json()["state"] == "returned"
    assert merchant_api.get(f"/showroom/products/{product_id}").json()["return_reason"] == "主图不清晰"
    assert merchant_api.post(f"/showroom/mine/{product_id}/submit").json()["state"] == "pending"


def test_returning_without_a_reason_is_refused(merchant_api, admin_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    merchant_api.post(f"/showroom/mine/{product_id}/submit")
    response = admin_api.post(f"/admin/showroom/products/{product_id}/review", {"approve": False})
    assert response.status_code == 422
    assert Product.objects.get(pk=product_id).state == "pending"


def test_a_merchant_cannot_approve_its_own_product(merchant_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    merchant_api.post(f"/showroom/mine/{product_id}/submit")
    assert merchant_api.post(f"/admin/showroom/products/{product_id}/review", {"approve": True}).status_code == 404
    assert Product.objects.get(pk=product_id).state == "pending"


def test_a_product_under_review_is_not_the_merchants_to_edit(merchant_api, tree, attributes):
    product_id = _new(merchant_api, tree, attributes).json()["id"]
    merchant_api.post(f"/showroom/mine/{product_id}/submit")
    response = _put(
        merchant_api,
        f"/showroom/mine/{product_id}",
        {"name": "改名", "category_id": tree["white"].pk, "price_cny": "1"},
    )
    assert response.json()["code"] == "SHOWROOM_PRODUCT_NOT_EDITABLE"


def test_a_member_cannot_create_products(api, merchant_member, tree, attributes):
    response = _new(api.as_user(merchant_member), tree, attributes)
    assert response.status_code == 403


def test_admin_creates_a_listed_product_for_a_merchant(admin_api, tree, attributes, crystal_merchant, hot):
    response = admin_api.post(
        "/admin/showroom/products",
        {
            "name": "紫水晶洞摆件",
            "category_id": tree["ornaments"].pk,
            "price_cny": "3800",
            "price_usd": "560",
            "merchant_id": crystal_merchant.pk,
            "state": "listed",
            "tag_ids": [hot.pk],
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["state"], body["merchant"], body["tags"][0]["name"]) == ("listed", "东海晶莹水晶", "热销")
    assert body["price_usd"] == {"amount": "560.00", "currency": "USD"}


def test_batch_unlisting_moves_listed_products_and_skips_the_rest(admin_api, tree, crystal_merchant):
    from jmt.showroom.tests.conftest import listed_product

    a = listed_product(crystal_merchant, tree["white"], "甲")
    b = listed_product(crystal_merchant, tree["white"], "乙")
    draft = Product.objects.create(
        merchant=crystal_merchant, name="丙", category=tree["white"], price_cny=1, state="draft"
    )
    body = admin_api.post(
        "/admin/showroom/products/batch", {"product_ids": [a.pk, b.pk, draft.pk], "listed": False}
    ).json()
    assert body == {"done": [a.pk, b.pk], "skipped": [draft.pk]}
    assert set(Product.objects.filter(state="unlisted").values_list("pk", flat=True)) == {a.pk, b.pk}


def test_admin_searches_products_by_id_merchant_state_and_tag(admin_api, tree, crystal_merchant, hot):
    from jmt.showroom.tests.conftest import listed_product

    a = listed_product(crystal_merchant, tree["white"], "甲")
    a.tags.add(hot)
    listed_product(crystal_merchant, tree["ornaments"], "乙")
    assert [r["id"] for r in admin_api.get("/admin/showroom/products", id=a.pk).json()["items"]] == [a.pk]
    assert admin_api.get("/admin/showroom/products", merchant="晶莹").json()["total"] == 2
    assert admin_api.get("/admin/showroom/products", tag_id=hot.pk).json()["total"] == 1
    assert admin_api.get("/admin/showroom/products", category_id=tree["bracelets"].pk).json()["total"] == 1
    assert admin_api.get("/admin/showroom/products", state="pending").json()["total"] == 0


def test_renaming_a_tag_refreshes_the_search_keys(admin_api, tree, crystal_merchant, hot, superadmin):
    from jmt.showroom.tests.conftest import listed_product

    product = listed_product(crystal_merchant, tree["white"], "甲")
    product.tags.add(hot)
    _patch(admin_api, f"/admin/showroom/tags/{hot.pk}", {"name": "爆款", "color": "red"})
    assert "baokuan" in Product.objects.get(pk=product.pk).search_key
    assert services.refresh_search_keys(Product.objects.all()) == 1
