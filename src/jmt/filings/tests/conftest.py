from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import Api, make_role, make_staff
from jmt.accounts.models import User
from jmt.documents.models import Document
from jmt.merchants.models import Merchant


@pytest.fixture
def profiled_merchant(crystal_merchant: Merchant) -> Merchant:
    """东海晶莹水晶 with its profile and the licence, ID card and bank permit in its vault."""
    m = crystal_merchant
    m.name = "东海晶莹水晶有限公司"
    m.credit_code = "91320722MA1XYK1234"
    m.address = "江苏省连云港市东海县水晶路1号"
    m.name_en = "Donghai Jingying Crystal Co., Ltd."
    m.address_en = "No.1 Crystal Road, Donghai, Lianyungang, Jiangsu"
    m.legal_person = "林晶莹"
    m.legal_person_id_number = "320722199001011234"
    m.legal_person_phone = "13800000001"
    m.contact_name = "王小明"
    m.contact_phone = "13800000003"
    m.save()
    for kind in ("business_licence", "id_card_front", "id_card_back", "bank_permit"):
        make_document(m, kind)
    return m


def make_document(merchant: Merchant, kind: str) -> Document:
    return Document.objects.create(
        merchant=merchant,
        kind=kind,
        original_name=f"{kind}.png",
        content_type="image/png",
        size=10,
        sha256="0" * 64,
        storage_path=f"test/{kind}.png",
    )


@pytest.fixture
def reviewer(db: None) -> User:
    """申报受理专员: works the filings queue for every merchant."""
    role = make_role("申报受理", ["operations:filings:view", "operations:filings:edit"], data_scope="all_write")
    return make_staff("shenbao", roles=[role], name="孙受理")


@pytest.fixture
def onlooker(db: None) -> User:
    role = make_role("申报查看", ["operations:filings:view"], data_scope="all_read")
    return make_staff("chakan", roles=[role], name="周查看")


def put(api: Api, path: str, body: Any) -> Any:
    return api.client.put(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


def start(me: Api, type_key: str) -> dict[str, Any]:
    response = me.post("/filings/filings", {"type": type_key})
    assert response.status_code == 201, response.json()
    return response.json()


def complete_missing(me: Api, filing: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    response = put(me, f"/filings/filings/{filing['id']}", {"values": values})
    assert response.status_code == 200, response.json()
    return response.json()


def submit(me: Api, filing_id: int) -> dict[str, Any]:
    response = me.post(f"/filings/filings/{filing_id}/submit")
    assert response.status_code == 200, response.json()
    return response.json()


def accept(staff: Api, filing: dict[str, Any]) -> None:
    response = staff.post(f"/workflow/{filing['workflow_type']}/{filing['id']}/transitions", {"to": "handling"})
    assert response.status_code == 200, response.json()


def approve(staff: Api, filing_id: int, results: dict[str, str]) -> dict[str, Any]:
    response = staff.post(f"/admin/filings/filings/{filing_id}/approve", {"results": results})
    assert response.status_code == 200, response.json()
    return response.json()
