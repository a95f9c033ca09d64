"""Every bad input is a 4xx with a stable code and a Chinese message — never a 500, never stored."""

from __future__ import annotations

import re

import pytest
from django.db import DataError
from django.test import override_settings

from jmt.api import api as ninja_api
from jmt.customs.models import Batch

pytestmark = pytest.mark.django_db

HUGE = str(2**70)


@pytest.fixture
def merchant(api, merchant_admin):
    return api.as_user(merchant_admin)


def _admin_writes() -> list[tuple[str, str]]:
    schema = ninja_api.get_openapi_schema()
    return [
        (method.upper(), path.removeprefix("/api/v1"))
        for path, operations in schema["paths"].items()
        if path.startswith("/api/v1/admin/")
        for method in operations
        if method in {"post", "put", "patch", "delete"}
    ]


@pytest.mark.parametrize(("method", "path"), _admin_writes())
@pytest.mark.parametrize("body", ['{"name": 12, "unexpected": [}', '{"name": 12}'], ids=["malformed", "invalid"])
def test_a_merchant_hears_not_found_on_every_back_office_write_whatever_the_body(merchant, method, path, body):
    url = "/api/v1" + re.sub(r"\{[^}]+\}", "1", path)
    response = merchant.client.generic(
        method, url, body, content_type="application/json", headers=merchant._headers(None)
    )
    assert response.status_code == 404, (method, path, response.content[:200])
    assert response.json()["code"] == "NOT_FOUND"


def test_a_back_office_account_without_the_permission_hears_403_before_the_body_is_checked(
    api, staff_without_permissions
):
    staff = api.as_user(staff_without_permissions)
    response = staff.post("/admin/rbac/roles", {"name": 12})
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"


def test_an_anonymous_caller_hears_401_before_the_body_is_checked(api):
    response = api.client.post("/api/v1/customs/batches", "[[[", content_type="application/json")
    assert response.status_code == 401


def test_a_page_number_past_64_bits_is_a_validation_error(merchant):
    response = merchant.get("/customs/batches", page=HUGE)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert body["details"]["fields"] == {"page": "数值超出范围"}


def test_a_page_size_and_an_admin_page_past_64_bits_are_validation_errors(api, merchant, superadmin):
    assert merchant.get("/notifications/messages", page=HUGE).status_code == 422
    assert api.as_user(superadmin).get("/admin/audit/operation-logs", page=HUGE).status_code == 422


def test_an_id_past_64_bits_in_the_path_is_not_found(merchant):
    response = merchant.get(f"/customs/batches/{HUGE}")
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


def test_an_id_past_64_bits_in_a_query_filter_is_a_validation_error(merchant):
    response = merchant.get("/customs/orders", batch_id=HUGE)
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"batch_id": "数值超出范围"}


def test_a_negative_id_past_64_bits_is_refused_too(merchant):
    assert merchant.get(f"/customs/batches/-{HUGE}").status_code in {404, 422}
    assert merchant.get("/customs/orders", batch_id=f"-{HUGE}").status_code == 422


def test_search_text_of_fifty_kilobytes_is_a_validation_error(merchant):
    response = merchant.get("/customs/orders", search="晶" * 50_000)
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"search": "内容过长"}


def test_a_query_field_with_its_own_length_bound_keeps_it(api, superadmin):
    ids = ",".join(str(n) for n in range(1, 400))  # ~1.5 KB of selected ids, within the field's own bound
    response = api.as_user(superadmin).post(f"/admin/audit/operation-logs/export?format=csv&ids={ids}")
    assert response.status_code == 202


def test_ordinary_search_text_still_searches(merchant):
    assert merchant.get("/customs/orders", search="DH2026").status_code == 200


def test_a_nul_character_in_a_body_is_refused_and_nothing_is_stored(merchant, crystal_merchant):
    response = merchant.post("/customs/batches", {"name": "三月\x00第一批"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert body["details"]["fields"] == {"name": "含有不允许的字符"}
    assert not Batch.objects.exists()


def test_a_nul_character_in_an_uploaded_file_name_is_never_stored(merchant):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jmt.documents.models import Document

    upload = SimpleUploadedFile("营业执照\x00.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = merchant.client.post(
        "/api/v1/documents", {"kind": "business_licence", "file": upload}, headers=merchant._headers(None)
    )
    assert response.status_code in {201, 422}
    assert all("\x00" not in name for name in Document.objects.values_list("original_name", flat=True))


def test_a_nul_character_in_a_query_is_refused(merchant):
    response = merchant.get("/customs/orders", search="DH\x00")
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"search": "含有不允许的字符"}


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_a_body_over_the_upload_limit_is_413(merchant):
    response = merchant.post("/customs/batches", {"name": "批次", "traf_name": "x" * 20_000})
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "PAYLOAD_TOO_LARGE"
    assert body["message"] == "提交的内容过大"


@pytest.mark.parametrize(
    ("content_type", "payload"),
    [
        ("multipart/form-data", b"--x\r\nContent-Disposition: form-data; name=file\r\n\r\nabc"),
        ("multipart/form-data; boundary=", b"garbage"),
        ("multipart/form-data; boundary=\x01\x02", b"garbage"),
    ],
    ids=["no-boundary", "empty-boundary", "invalid-boundary"],
)
def test_malformed_multipart_is_a_bad_request(merchant, content_type, payload):
    response = merchant.client.post(
        "/api/v1/customs/orders/imports", payload, content_type=content_type, headers=merchant._headers(None)
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "BAD_REQUEST"
    assert body["message"] == "请求格式不正确，无法读取"


@pytest.mark.parametrize(
    "error",
    [DataError("value too long for type character varying(100)"), OverflowError("int too large to convert")],
    ids=["data-error", "overflow"],
)
def test_a_value_the_database_cannot_store_is_a_validation_error_not_a_500(merchant, monkeypatch, error):
    from jmt.customs import selectors_batches

    def refuse(**kwargs):
        raise error

    monkeypatch.setattr(selectors_batches, "batch_list", refuse)
    response = merchant.get("/customs/batches")
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_api_answers_are_not_stored_by_caches(api, merchant):
    assert merchant.get("/me")["Cache-Control"] == "no-store"
    assert api.get("/health")["Cache-Control"] == "no-store"
    assert merchant.get("/customs/batches/999")["Cache-Control"] == "no-store"
    assert api.client.post("/api/v1/auth/login", "{", content_type="application/json")["Cache-Control"] == "no-store"


def test_every_operation_is_guarded():
    from jmt.core import input_guard

    schema = ninja_api.get_openapi_schema()
    published = sum(len(ops) for ops in schema["paths"].values())
    served = input_guard.operations(ninja_api)
    assert len(served) >= published
    assert all(input_guard.is_guarded(operation) for operation in served)
