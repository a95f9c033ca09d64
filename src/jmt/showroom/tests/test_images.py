"""Product pictures: checked by content, stored as thumbnail and display size, served with cache headers."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jmt.showroom.models import Product
from jmt.showroom.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(crystal_merchant, tree):
    return Product.objects.create(
        merchant=crystal_merchant, name="白水晶手串", category=tree["white"], price_cny=1, state="draft"
    )


def _upload(api, product, data, name="a.png"):
    return api.client.post(
        f"/api/v1/showroom/mine/{product.pk}/images",
        {"file": SimpleUploadedFile(name, data, content_type="image/png")},
        headers={"Authorization": f"Bearer {api.token}"},
    )


def test_an_upload_is_stored_as_thumbnail_and_display_size(merchant_api, draft, client):
    response = _upload(merchant_api, draft, png_bytes((2400, 1600)))
    assert response.status_code == 201
    body = response.json()
    assert (body["width"], body["height"]) == (1200, 800)
    served = client.get(body["thumb"])
    assert served.status_code == 200
    assert served["Cache-Control"] == "public, max-age=31536000, immutable"
    import io

    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as thumb:
        assert (thumb.format, thumb.size) == ("JPEG", (400, 267))


def test_a_file_that_is_not_an_image_is_refused(merchant_api, draft):
    response = _upload(merchant_api, draft, b"%PDF-1.4 not a picture", name="a.png")
    assert response.status_code == 422
    assert response.json()["code"] == "SHOWROOM_IMAGE_INVALID"
    assert draft.images.count() == 0


def test_a_broken_png_is_refused(merchant_api, draft):
    response = _upload(merchant_api, draft, png_bytes()[:60])
    assert response.json()["code"] == "SHOWROOM_IMAGE_INVALID"


def test_images_keep_the_order_they_are_given(merchant_api, draft):
    first = _upload(merchant_api, draft, png_bytes()).json()["id"]
    second = _upload(merchant_api, draft, png_bytes(colour=(20, 20, 20))).json()["id"]
    response = merchant_api.client.put(
        f"/api/v1/showroom/mine/{draft.pk}/image-order",
        f'{{"image_ids": [{second}, {first}]}}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {merchant_api.token}"},
    )
    assert response.status_code == 204
    assert [i["id"] for i in merchant_api.get(f"/showroom/products/{draft.pk}").json()["images"]] == [second, first]


def test_an_unknown_image_key_is_404(client):
    assert client.get("/api/v1/showroom/images/" + "0" * 32 + "/thumb.jpg").status_code == 404
