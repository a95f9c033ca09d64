"""Uploads are judged by their bytes: real PDF / JPEG / PNG / XLSX only, size-limited, never empty."""

from pathlib import Path

import pytest
from django.conf import settings

from jmt.audit.models import OperationLog
from jmt.documents.models import Document
from jmt.documents.tests.conftest import EXE, PDF, jpeg_bytes, png_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "data", "detected"),
    [
        ("营业执照.pdf", PDF, "application/pdf"),
        ("执照照片.jpg", jpeg_bytes(), "image/jpeg"),
        ("身份证.png", png_bytes(), "image/png"),
        ("商品表.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_a_real_file_is_stored_with_the_type_its_content_shows(upload, merchant_admin, name, data, detected):
    response = upload(merchant_admin, name, data, content_type="text/plain")  # the browser's claim is ignored
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["original_name"], body["content_type"], body["size"]) == (name, detected, len(data))
    assert body["uploaded_by"] == "林晶莹"
    document = Document.objects.get(pk=body["id"])
    assert document.merchant_id == merchant_admin.current_merchant_id


def test_the_file_lies_under_media_root_outside_the_web_root_under_a_name_of_our_own(upload, merchant_admin):
    body = upload(merchant_admin, "../../etc/营业执照.pdf", PDF).json()
    document = Document.objects.get(pk=body["id"])
    path = (Path(settings.MEDIA_ROOT) / document.storage_path).resolve()
    assert path.read_bytes() == PDF
    assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.WEB_DIST).resolve())
    assert "营业执照" not in document.storage_path
    assert body["original_name"] == "营业执照.pdf"  # no directory part survives


def test_a_renamed_exe_is_refused_with_a_chinese_message(upload, merchant_admin):
    response = upload(merchant_admin, "营业执照.pdf", EXE, content_type="application/pdf")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "DOCUMENT_TYPE_NOT_ALLOWED"
    assert "营业执照.pdf" in body["message"]
    assert "PDF" in body["message"]
    assert "扩展名" in body["message"]
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"not really an image" * 10,  # a PNG signature on garbage
        b"\xff\xd8\xff\xe0" + b"\x00" * 50,  # a JPEG signature on garbage
        b"PK\x03\x04 a zip that is not a workbook",
        b"just some text",
    ],
)
def test_a_file_that_only_looks_allowed_is_refused(upload, merchant_admin, data):
    response = upload(merchant_admin, "看起来像.png", data)
    assert (response.status_code, response.json()["code"]) == (422, "DOCUMENT_TYPE_NOT_ALLOWED")


def test_an_empty_file_is_refused(upload, merchant_admin):
    response = upload(merchant_admin, "空.pdf", b"")
    assert response.status_code == 422
    assert response.json()["code"] == "DOCUMENT_EMPTY"
    assert "空文件" in response.json()["message"]


def test_a_file_over_the_size_limit_is_refused(upload, merchant_admin, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    response = upload(merchant_admin, "大文件.pdf", PDF + b"0" * 2048)
    assert response.status_code == 422
    assert response.json()["code"] == "DOCUMENT_TOO_LARGE"
    assert response.json()["details"]["max_bytes"] == 1024
    assert not any(p.is_file() for p in Path(settings.MEDIA_ROOT).rglob("*"))


def test_the_default_size_limit_is_ten_megabytes():
    assert settings.DOCUMENT_MAX_BYTES == 10 * 1024 * 1024


def test_every_upload_is_in_the_operation_log(upload, merchant_admin):
    body = upload(merchant_admin, "营业执照.pdf", PDF).json()
    log = OperationLog.objects.get(module="documents", action="upload")
    assert log.object_id == str(body["id"])
    assert log.actor_id == merchant_admin.pk
    assert log.merchant_id == merchant_admin.current_merchant_id
    assert log.changes["original_name"] == [None, "营业执照.pdf"]


def test_a_member_cannot_upload(upload, merchant_member):
    response = upload(merchant_member, "营业执照.pdf", PDF)
    assert (response.status_code, response.json()["code"]) == (403, "PERMISSION_DENIED")
    assert Document.objects.count() == 0
