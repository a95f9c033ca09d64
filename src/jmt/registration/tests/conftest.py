from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import Api, make_merchant_user, make_role, make_staff
from jmt.accounts.models import User
from jmt.documents.models import Document
from jmt.merchants.models import MemberRole, Merchant


@pytest.fixture
def fresh_merchant(db: None) -> Merchant:
    """连云港新晶: signed up, 工商注册 not started."""
    return Merchant.objects.create(name="连云港新晶")


@pytest.fixture
def fresh_admin(fresh_merchant: Merchant) -> User:
    return make_merchant_user("13700000001", fresh_merchant, MemberRole.ADMIN, "赵新晶")


@pytest.fixture
def fresh_member(fresh_merchant: Merchant) -> User:
    return make_merchant_user("13700000002", fresh_merchant, MemberRole.MEMBER, "钱小二")


@pytest.fixture
def reviewer(db: None) -> User:
    """审核专员: handles 注册与入驻管理 for every merchant."""
    role = make_role("入驻审核", ["merchants:onboarding:view", "merchants:onboarding:edit"], data_scope="all_write")
    return make_staff("shenhe", roles=[role], name="孙审核")


@pytest.fixture
def onlooker(db: None) -> User:
    """A back-office account that may read the queue but not move it."""
    role = make_role("入驻查看", ["merchants:onboarding:view"], data_scope="all_read")
    return make_staff("chakan", roles=[role], name="周查看")


LICENCE_OCR = {
    "fields": [
        {"key": "credit_code", "label": "统一社会信用代码", "value": "91320722MA1XYK1234"},
        {"key": "name", "label": "名称", "value": "连云港新晶水晶有限公司"},
        {"key": "company_type", "label": "类型", "value": "有限责任公司(自然人独资)"},
        {"key": "legal_representative", "label": "法定代表人", "value": "赵新晶"},
        {"key": "address", "label": "住所", "value": "江苏省连云港市东海县水晶路1号"},
        {"key": "established_on", "label": "成立日期", "value": "2019-03-15"},
    ],
    "lines": [],
    "elapsed_ms": 5,
    "recognised_at": "2026-01-01T00:00:00+08:00",
}


def make_document(merchant: Merchant, kind: str, ocr: dict[str, Any] | None = None) -> Document:
    return Document.objects.create(
        merchant=merchant,
        kind=kind,
        original_name=f"{kind}.png",
        content_type="image/png",
        size=10,
        sha256="0" * 64,
        storage_path=f"test/{kind}.png",
        ocr_result=ocr,
    )


def put(api: Api, path: str, body: Any) -> Any:
    return api.client.put(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )
