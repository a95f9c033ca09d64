"""合作协议 of carriers: the back office uploads agreement files (checked by content, audited), picks them
for a carrier from the files uploaded before, and downloads them; nobody else reaches them."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_role, make_staff, queries_of
from jmt.audit.models import OperationLog
from jmt.logistics.models import AgreementFile, Carrier, Shipment
from jmt.logistics.tests.conftest import put
from jmt.logistics.tests.test_admin import carrier_body

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client: Any, api: Any, user: Any, name: str, data: bytes) -> Any:
    token = api.as_user(user).token
    return client.post(
        "/api/v1/admin/logistics/agreement-files",
        {"file": SimpleUploadedFile(name, data, content_type="application/pdf")},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_an_uploaded_agreement_is_listed_picked_for_a_carrier_and_downloaded(
    client, api, logistics_staff, carriers, media_root
):
    response = upload(client, api, logistics_staff, "DHL合作协议2026.pdf", PDF)
    assert response.status_code == 201
    file = response.json()
    assert (file["original_name"], file["content_type"], file["uploaded_by"]) == (
        "DHL合作协议2026.pdf",
        "application/pdf",
        "周物流",
    )
    stored = AgreementFile.objects.get(pk=file["id"])
    assert (media_root / stored.storage_path).read_bytes() == PDF
    assert OperationLog.objects.filter(action="agreement_upload", object_id=str(stored.pk)).exists()

    staff = api.as_user(logistics_staff)
    listed = staff.get("/admin/logistics/agreement-files", q="DHL").json()
    assert [row["id"] for row in listed["items"]] == [file["id"]]

    dhl = carriers["dhl"]
    saved = put(
        staff, f"/admin/logistics/carriers/{dhl.pk}", carrier_body(dhl, agreement_documents=[file["id"]])
    ).json()
    assert saved["agreement_documents"] == [file["id"]]
    assert [f["original_name"] for f in saved["agreement_files"]] == ["DHL合作协议2026.pdf"]

    download = staff.get(f"/admin/logistics/agreement-files/{file['id']}/download")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    assert OperationLog.objects.filter(action="agreement_download", object_id=str(stored.pk)).exists()


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_stored(client, api, logistics_staff, media_root):
    response = upload(client, api, logistics_staff, "协议.pdf", EXE)
    assert response.status_code == 422
    assert response.json()["code"] == "DOCUMENT_TYPE_NOT_ALLOWED"
    assert not AgreementFile.objects.exists()
    assert [p for p in media_root.rglob("*") if p.is_file()] == []


def test_a_carrier_cannot_name_an_agreement_file_that_does_not_exist(api, logistics_staff, carriers):
    dhl = carriers["dhl"]
    response = put(
        api.as_user(logistics_staff),
        f"/admin/logistics/carriers/{dhl.pk}",
        carrier_body(dhl, agreement_documents=[999]),
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"agreement_documents": "所选合作协议文件不存在，请重新选择"}
    dhl.refresh_from_db()
    assert dhl.agreement_documents == []


def test_staff_who_may_only_view_logistics_list_and_download_but_cannot_upload(client, api, logistics_staff, carriers):
    file = upload(client, api, logistics_staff, "协议.pdf", PDF).json()
    viewer = make_staff(
        "wuliu-view", roles=[make_role("物流查看", ["operations:logistics:view"], data_scope="all_read")], name="吴查看"
    )
    assert api.as_user(viewer).get("/admin/logistics/agreement-files").status_code == 200
    assert api.as_user(viewer).get(f"/admin/logistics/agreement-files/{file['id']}/download").status_code == 200
    assert upload(client, api, viewer, "另一份.pdf", PDF).status_code == 403
    assert AgreementFile.objects.count() == 1


def test_a_merchant_user_does_not_reach_agreement_files(client, api, logistics_staff, merchant_admin, carriers):
    file = upload(client, api, logistics_staff, "协议.pdf", PDF).json()
    merchant = api.as_user(merchant_admin)
    assert merchant.get("/admin/logistics/agreement-files").status_code == 404
    assert merchant.get(f"/admin/logistics/agreement-files/{file['id']}/download").status_code == 404
    assert upload(client, api, merchant_admin, "协议.pdf", PDF).status_code == 404


def _carrier_with_agreements(carrier: Carrier, staff: Any, merchant: Any, files: int) -> None:
    ids = [
        AgreementFile.objects.create(
            original_name=f"{carrier.code}协议{n}.pdf",
            content_type="application/pdf",
            size=len(PDF),
            sha256="0" * 64,
            storage_path=f"logistics/agreements/{carrier.code}-{n}",
            uploaded_by=staff,
        ).pk
        for n in range(files)
    ]
    Carrier.objects.filter(pk=carrier.pk).update(agreement_documents=ids)
    Shipment.objects.create(merchant=merchant, carrier=carrier, number=f"Q-{carrier.code}", country="JP", amount="94")


def test_the_carrier_list_reads_agreement_files_and_open_shipments_in_queries_that_do_not_grow(
    api, logistics_staff, merchant_admin, carriers
):
    staff = api.as_user(logistics_staff)
    merchant = merchant_admin.current_merchant
    _carrier_with_agreements(carriers["dhl"], logistics_staff, merchant, files=1)
    few = queries_of(lambda: staff.get("/admin/logistics/carriers"))
    for index in range(4):
        clone = Carrier.objects.get(pk=carriers["dhl"].pk)
        clone.pk, clone.code, clone.name = None, f"dhl-{index}", f"DHL 线路 {index}"
        clone.save()
        _carrier_with_agreements(clone, logistics_staff, merchant, files=2)
    many = queries_of(lambda: staff.get("/admin/logistics/carriers"))
    assert many == few
    rows = {row["code"]: row for row in staff.get("/admin/logistics/carriers").json()}
    assert [f["uploaded_by"] for f in rows["dhl-3"]["agreement_files"]] == ["周物流", "周物流"]
    assert (rows["dhl"]["open_shipments"], rows["dhl-3"]["open_shipments"]) == (1, 1)
