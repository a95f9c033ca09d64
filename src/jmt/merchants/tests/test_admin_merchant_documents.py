"""商户信息管理 (A1): staff who may read a merchant see the files behind its profile (licence, ID card,
bank permit) through a back-office download that follows their data scope."""

from pathlib import Path
from typing import Any

import pytest

from conftest import make_role, make_staff
from jmt.documents.models import Document, DocumentKind
from jmt.merchants.models import Merchant

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored(merchant: Merchant, kind: str, name: str, media: Path) -> Document:
    path = media / "documents" / f"{merchant.pk}-{kind}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG)
    return Document.objects.create(
        merchant=merchant,
        kind=kind,
        original_name=name,
        content_type="image/png",
        size=len(PNG),
        sha256=f"{merchant.pk}{kind}",
        storage_path=str(path.relative_to(media)),
    )


@pytest.fixture
def id_card(crystal_merchant: Merchant, media: Path) -> Document:
    doc = stored(crystal_merchant, DocumentKind.ID_CARD_FRONT, "身份证人像面.png", media)
    Merchant.objects.filter(pk=crystal_merchant.pk).update(id_card_front_document=doc)
    return doc


def test_staff_who_read_the_merchant_download_its_id_card_and_the_detail_links_there(
    api, customer_service, crystal_merchant, id_card
):
    client = api.as_user(customer_service)
    url = f"/admin/merchants/{crystal_merchant.pk}/documents/{id_card.pk}/download"
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    detail = client.get(f"/admin/merchants/{crystal_merchant.pk}").json()
    assert detail["documents"]["id_card_front_document"]["download_url"] == f"/api/v1{url}"


def test_staff_whose_scope_does_not_reach_the_merchant_get_404(api, crystal_merchant, id_card):
    narrow = make_staff("xiaozhou", roles=[make_role("本商户", ["merchants:list:view"], data_scope="own_merchant")])
    response = api.as_user(narrow).get(f"/admin/merchants/{crystal_merchant.pk}/documents/{id_card.pk}/download")
    assert response.status_code == 404


def test_staff_without_the_merchant_list_code_are_refused(api, crystal_merchant, id_card):
    reviewer = make_staff("shenhe", roles=[make_role("日志", ["system:logs:view"])])
    response = api.as_user(reviewer).get(f"/admin/merchants/{crystal_merchant.pk}/documents/{id_card.pk}/download")
    assert (response.status_code, response.json()["code"]) == (403, "PERMISSION_DENIED")


def test_a_document_of_another_merchant_is_404_under_this_merchant(
    api, superadmin, crystal_merchant, other_merchant_user, media
):
    foreign = stored(
        Merchant.objects.get(pk=other_merchant_user.current_merchant_id),
        DocumentKind.BUSINESS_LICENCE,
        "营业执照.png",
        media,
    )
    client = api.as_user(superadmin)
    assert client.get(f"/admin/merchants/{crystal_merchant.pk}/documents/{foreign.pk}/download").status_code == 404
    own = f"/admin/merchants/{other_merchant_user.current_merchant_id}/documents/{foreign.pk}/download"
    assert client.get(own).status_code == 200


def test_merchant_users_cannot_use_the_back_office_download(api, merchant_admin, crystal_merchant, id_card):
    url = f"/admin/merchants/{crystal_merchant.pk}/documents/{id_card.pk}/download"
    response = api.as_user(merchant_admin).get(url)
    assert response.status_code == 404
