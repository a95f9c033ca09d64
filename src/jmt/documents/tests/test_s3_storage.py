"""With JMT_STORAGE=s3 uploads go to an S3-compatible bucket (django-storages) through the storage API, so a
second app machine serves the same files; tested against moto's local S3 server."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import S3_BUCKET, Api
from jmt.documents.models import Document
from jmt.documents.tests.conftest import PDF

pytestmark = pytest.mark.django_db


def test_an_upload_lands_in_the_bucket_not_on_the_local_disk(s3, upload, merchant_admin, settings):
    body = upload(merchant_admin, "营业执照.pdf", PDF).json()
    document = Document.objects.get(pk=body["id"])
    stored = s3.get_object(Bucket=S3_BUCKET, Key=document.storage_path)["Body"].read()
    assert stored == PDF
    assert not any(p.is_file() for p in Path(settings.MEDIA_ROOT).rglob("*"))


def test_the_download_reads_the_file_back_from_the_bucket(s3, upload, merchant_admin, client, api: Api):
    body = upload(merchant_admin, "营业执照.pdf", PDF).json()
    token = api.as_user(merchant_admin).token
    response = client.get(f"/api/v1/documents/{body['id']}/download", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_document_whose_object_is_gone_answers_404(s3, upload, merchant_admin, client, api: Api):
    body = upload(merchant_admin, "营业执照.pdf", PDF).json()
    s3.delete_object(Bucket=S3_BUCKET, Key=Document.objects.get(pk=body["id"]).storage_path)
    token = api.as_user(merchant_admin).token
    response = client.get(f"/api/v1/documents/{body['id']}/download", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    assert response.json()["message"] == "文件不存在或已被删除"
