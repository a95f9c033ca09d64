"""The merchant's vault: list by kind with paging, metadata, and download only through the API."""

import pytest

from jmt.documents.tests.conftest import PDF, png_bytes

pytestmark = pytest.mark.django_db


def test_the_vault_lists_the_merchants_documents_newest_first_filtered_by_kind(api, upload, merchant_admin):
    upload(merchant_admin, "执照.pdf", PDF, kind="business_licence")
    upload(merchant_admin, "身份证正面.png", png_bytes(), kind="id_card_front")
    upload(merchant_admin, "身份证反面.png", png_bytes(), kind="id_card_back")
    me = api.as_user(merchant_admin)

    everything = me.get("/documents").json()
    assert everything["total"] == 3
    assert [d["original_name"] for d in everything["items"]] == ["身份证反面.png", "身份证正面.png", "执照.pdf"]
    assert (everything["page"], everything["page_size"]) == (1, 20)

    licences = me.get("/documents", kind="business_licence").json()
    assert [d["kind_label"] for d in licences["items"]] == ["营业执照"]

    second_page = me.get("/documents", page=2, page_size=2).json()
    assert second_page["total"] == 3
    assert [d["original_name"] for d in second_page["items"]] == ["执照.pdf"]


def test_a_member_reads_the_vault_and_downloads(api, upload, merchant_admin, merchant_member):
    document = upload(merchant_admin, "执照.pdf", PDF).json()
    member = api.as_user(merchant_member)
    assert member.get("/documents").json()["total"] == 1
    assert member.get(f"/documents/{document['id']}").json()["sha256"] == document["sha256"]
    assert member.get(f"/documents/{document['id']}/download").status_code == 200


def test_the_download_returns_the_bytes_under_the_original_name(api, upload, merchant_admin):
    document = upload(merchant_admin, "营业执照 2026.pdf", PDF).json()
    assert document["download_url"] == f"/api/v1/documents/{document['id']}/download"
    response = api.as_user(merchant_admin).get(f"/documents/{document['id']}/download")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%202026.pdf" in disposition


def test_the_download_needs_a_login(client, upload, merchant_admin):
    document = upload(merchant_admin, "执照.pdf", PDF).json()
    response = client.get(f"/api/v1/documents/{document['id']}/download")
    assert (response.status_code, response.json()["code"]) == (401, "UNAUTHENTICATED")


def test_another_merchants_documents_are_not_found(api, upload, merchant_admin, other_merchant_user):
    document = upload(merchant_admin, "执照.pdf", PDF).json()
    outsider = api.as_user(other_merchant_user)
    assert outsider.get("/documents").json()["total"] == 0
    for path in (f"/documents/{document['id']}", f"/documents/{document['id']}/download"):
        response = outsider.get(path)
        assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND"), path
    response = outsider.post(f"/documents/{document['id']}/ocr")
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")


def test_the_media_directory_is_not_served_as_static_files(client, upload, merchant_admin, settings):
    from jmt.documents.models import Document

    document = Document.objects.get(pk=upload(merchant_admin, "执照.pdf", PDF).json()["id"])
    for prefix in ("/media/", "/static/", "/"):
        response = client.get(prefix + document.storage_path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body != PDF, prefix
