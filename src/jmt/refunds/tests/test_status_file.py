"""The daily status file: matching, preview (nothing changes), confirm (many claims move), idempotent
re-upload, unmatched rows with why, a second upload on the same day asks first."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from jmt.refunds.models import Claim
from jmt.refunds.tests.factories import ready_claim, status_xlsx, submitted_claim


def _upload(api, user, content, name="退税状态.xlsx"):
    file = SimpleUploadedFile(name, content)
    return api.client.post(
        "/api/v1/admin/refunds/status-files", {"file": file}, headers=api.as_user(user)._headers(None)
    )


def _confirm(api, user, upload_id, force=False):
    return api.as_user(user).post(f"/admin/refunds/status-files/{upload_id}/confirm", {"force": force})


def _states(*claims):
    return [Claim.objects.get(pk=c.pk).state for c in claims]


def _file(a, b):
    entry_a = a.declarations.get().entry_id
    return status_xlsx(
        [
            (entry_a, "", "审核中", "2026-04-10", "", ""),
            ("", b.claim_no, "已到账", "2026-05-06", "1,350.00", "国库已退库"),
        ],
        title=True,
    )


def test_the_preview_lists_the_changes_and_changes_nothing(api, merchant_admin, superadmin):
    a, b = submitted_claim(merchant_admin), submitted_claim(merchant_admin)
    body = _upload(api, superadmin, _file(a, b)).json()
    assert [(c["claim_no"], c["from_label"], c["to_label"]) for c in body["changes"]] == [
        (a.claim_no, "申报", "审核"),
        (b.claim_no, "申报", "到账"),
    ]
    assert body["changes"][1]["steps"] == ["审核", "退库", "到账"]
    assert body["unmatched"] == []
    assert _states(a, b) == ["submitted", "submitted"]


def test_confirming_moves_every_claim_through_the_workflow(api, merchant_admin, superadmin):
    a, b = submitted_claim(merchant_admin), submitted_claim(merchant_admin)
    upload = _upload(api, superadmin, _file(a, b)).json()
    body = _confirm(api, superadmin, upload["id"]).json()
    assert body["applied"] == 2
    assert _states(a, b) == ["reviewing", "received"]
    received = Claim.objects.get(pk=b.pk)
    assert str(received.refund_received) == "1350.00"
    assert str(received.received_on) == "2026-05-06"


def test_uploading_the_same_file_again_changes_nothing(api, merchant_admin, superadmin):
    a, b = submitted_claim(merchant_admin), submitted_claim(merchant_admin)
    content = _file(a, b)
    _confirm(api, superadmin, _upload(api, superadmin, content).json()["id"])
    again = _upload(api, superadmin, content).json()
    assert again["changes"] == []
    assert len(again["unchanged"]) == 2
    assert again["same_file_confirmed_at"] is not None
    body = _confirm(api, superadmin, again["id"], force=True).json()
    assert body["applied"] == 0
    assert _states(a, b) == ["reviewing", "received"]


def test_a_second_confirmed_upload_on_the_same_day_asks_first(api, merchant_admin, superadmin):
    a, b = submitted_claim(merchant_admin), submitted_claim(merchant_admin)
    _confirm(api, superadmin, _upload(api, superadmin, _file(a, b)).json()["id"])
    later = status_xlsx([("", a.claim_no, "审核通过", "2026-04-20", "", "")])
    upload = _upload(api, superadmin, later, name="下午.xlsx").json()
    assert upload["confirmed_today"] == ["退税状态.xlsx"]
    refused = _confirm(api, superadmin, upload["id"])
    assert refused.status_code == 409
    assert refused.json()["code"] == "REFUNDS_STATUS_FILE_ALREADY_TODAY"
    assert _states(a) == ["reviewing"]
    assert _confirm(api, superadmin, upload["id"], force=True).json()["applied"] == 1
    assert _states(a) == ["refunding"]


def test_rows_that_cannot_be_matched_say_why(api, merchant_admin, superadmin):
    draft = ready_claim(merchant_admin)
    done = submitted_claim(merchant_admin)
    rows = [
        ("999999999999999999", "", "审核中", "", "", ""),
        ("", "TS000", "审核中", "", "", ""),
        ("", draft.claim_no, "审核中", "", "", ""),
        ("", done.claim_no, "奇怪的状态", "", "", ""),
        ("", done.claim_no, "已到账", "", "", ""),
        ("", done.claim_no, "审核中", "明天", "", ""),
    ]
    body = _upload(api, superadmin, status_xlsx(rows)).json()
    reasons = [(u["row"], u["reason"]) for u in body["unmatched"]]
    assert reasons == [
        (2, "没有包含报关单 999999999999999999 的退税申报"),
        (3, "没有编号为 TS000 的退税申报"),
        (4, "商户尚未提交这份退税申报"),
        (5, "无法识别的状态「奇怪的状态」"),
        (6, "到账行需要填写到账金额"),
        (7, "日期「明天」无法识别，应为 YYYY-MM-DD"),
    ]
    assert body["changes"] == []


def test_a_status_going_backwards_is_not_applied(api, merchant_admin, superadmin):
    claim = submitted_claim(merchant_admin)
    _confirm(
        api, superadmin, _upload(api, superadmin, status_xlsx([("", claim.claim_no, "退库", "", "", "")])).json()["id"]
    )
    body = _upload(api, superadmin, status_xlsx([("", claim.claim_no, "审核中", "", "", "")])).json()
    assert body["unmatched"][0]["reason"] == "申报已处于「退库」，文件中的「审核」是更早的状态"


def test_a_rejection_in_the_file_carries_its_reason_to_the_merchant(api, merchant_admin, superadmin):
    claim = submitted_claim(merchant_admin)
    content = status_xlsx([("", claim.claim_no, "审核不通过", "", "", "销售发票金额与报关单不符")])
    _confirm(api, superadmin, _upload(api, superadmin, content).json()["id"])
    assert Claim.objects.get(pk=claim.pk).reject_reason == "销售发票金额与报关单不符"


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(api, superadmin):
    response = _upload(api, superadmin, b"%PDF-1.4 not a workbook")
    assert response.status_code == 422
    assert response.json()["code"] == "REFUNDS_STATUS_FILE_INVALID"


def test_a_workbook_without_the_columns_is_refused(api, superadmin):
    import io

    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet().write_row(0, 0, ["订单号", "金额"])
    book.close()
    response = _upload(api, superadmin, buffer.getvalue())
    assert response.status_code == 422
    assert "报关单号" in response.json()["message"]


def test_a_merchant_user_does_not_reach_the_status_file_upload(api, merchant_admin):
    from jmt.refunds.models import StatusFile

    assert _upload(api, merchant_admin, status_xlsx([])).status_code == 404  # the back office is not theirs
    assert StatusFile.objects.count() == 0


def test_a_read_only_back_office_role_cannot_confirm(api, merchant_admin):
    from conftest import make_role, make_staff

    viewer = make_staff("chakan", roles=[make_role("只读", ["operations:refunds:view"], data_scope="all_read")])
    claim = submitted_claim(merchant_admin)
    assert _upload(api, viewer, status_xlsx([("", claim.claim_no, "审核中", "", "", "")])).status_code == 403
