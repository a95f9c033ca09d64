"""The sub-account balance workbook (F2, F3): preview, matching, applying, and re-uploading the same file."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jmt.audit.models import OperationLog
from jmt.fx.models import EntryKind, LedgerEntry
from jmt.fx.tests.factories import workbook
from jmt.merchants.models import Merchant
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db


def _upload(officer_api, content: bytes, name: str = "余额.xlsx"):
    return officer_api.client.post(
        "/api/v1/admin/fx/balance-imports",
        {"file": SimpleUploadedFile(name, content)},
        headers={"Authorization": f"Bearer {officer_api.token}"},
    )


def _rows(officer_api, import_id: int, **params):
    return officer_api.get(f"/admin/fx/balance-imports/{import_id}/rows", **params).json()["items"]


@pytest.fixture
def second(db: None) -> Merchant:
    return Merchant.objects.create(
        name="东海晶品", credit_code="91320722MA1XYK0002", ccb_sub_account="32050161000100000002"
    )


def test_rows_are_matched_by_credit_code_or_sub_account_number(officer_api, ready_merchant, second):
    content = workbook(
        [
            ["东海晶莹水晶", "91320722MA1XYK0001", "", "USD", 5000, "2026-12-01"],
            ["", "", "32050161000100000002", "美元", "1,234.50", date(2026, 12, 1)],
        ]
    )
    response = _upload(officer_api, content)
    assert response.status_code == 201, response.json()
    assert response.json()["valid_rows"] == 2
    assert response.json()["changed_rows"] == 2
    rows = _rows(officer_api, response.json()["id"])
    assert [(r["matched_merchant"], r["balance"], r["delta"]) for r in rows] == [
        ("东海晶莹水晶", "5000.00", "5000.00"),
        ("东海晶品", "1234.50", "1234.50"),
    ]


def test_preview_names_each_bad_cell_in_chinese_and_refuses_unmatched_rows(officer_api, ready_merchant):
    content = workbook(
        [
            ["", "91320722MA1XYK9999", "", "USD", 10, "2026-12-01"],
            ["", "91320722MA1XYK0001", "", "EUR", "abc", "2099-01-01"],
        ]
    )
    upload = _upload(officer_api, content).json()
    assert upload["valid_rows"] == 0
    assert upload["error_rows"] == 2
    first, second_row = _rows(officer_api, upload["id"], status="error")
    assert first["errors"] == {"credit_code": "未找到统一社会信用代码为「91320722MA1XYK9999」的商户"}
    assert set(second_row["errors"]) == {"currency", "balance", "balance_date"}
    assert second_row["row"] == 3
    refused = officer_api.post(f"/admin/fx/balance-imports/{upload['id']}/apply")
    assert refused.status_code == 422
    assert refused.json()["code"] == "FX_IMPORT_NOTHING_TO_APPLY"


def test_a_workbook_without_the_required_columns_is_refused(officer_api):
    response = _upload(officer_api, workbook([["x", 1]], header=["商户", "金额"]))
    assert response.status_code == 422
    assert response.json()["code"] == "FX_IMPORT_HEADERS_MISSING"


def test_a_file_that_is_not_a_workbook_is_refused(officer_api):
    response = _upload(officer_api, b"not a workbook", "余额.xlsx")
    assert response.status_code == 422
    assert response.json()["code"] == "FX_IMPORT_FILE_INVALID"


def test_applying_writes_a_balance_update_entry_and_an_arrival_message(
    officer_api, merchant_api, ready_merchant, merchant_admin, merchant_member
):
    upload = _upload(officer_api, workbook([["", "91320722MA1XYK0001", "", "USD", 5000, "2026-12-01"]])).json()
    response = officer_api.post(f"/admin/fx/balance-imports/{upload['id']}/apply")
    assert response.status_code == 200
    assert response.json()["status"] == "applied"
    entry = LedgerEntry.objects.get(merchant=ready_merchant)
    assert entry.kind == EntryKind.BALANCE_UPDATE
    assert str(entry.amount) == "5000.00"
    summary = merchant_api.get("/fx/summary").json()["account"]
    assert summary["balance"]["amount"] == "5000.00"
    assert summary["balance_date"] == "2026-12-01"
    for person in (merchant_admin, merchant_member):
        message = Message.objects.get(recipient=person)
        assert message.title == "银行账户入账通知：子账户余额 $5,000.00"
        assert message.link == "/fx/settlements?tab=ledger"
    audit = OperationLog.objects.get(action="ledger_balance_update", object_id=str(entry.pk))
    assert audit.changes == {"balance": ["0.00", "5000.00"]}


def test_reuploading_the_same_file_changes_nothing(officer_api, ready_merchant, merchant_admin):
    content = workbook([["", "91320722MA1XYK0001", "", "USD", 5000, "2026-12-01"]])
    first = _upload(officer_api, content).json()
    officer_api.post(f"/admin/fx/balance-imports/{first['id']}/apply")
    again = _upload(officer_api, content).json()
    assert again["already_applied_at"] is not None
    assert _rows(officer_api, again["id"])[0]["status"] == "unchanged"
    refused = officer_api.post(f"/admin/fx/balance-imports/{again['id']}/apply")
    assert refused.status_code == 409
    assert refused.json()["code"] == "FX_IMPORT_ALREADY_APPLIED"
    assert LedgerEntry.objects.count() == 1
    assert Message.objects.filter(title__startswith="银行账户入账").count() == 1


def test_a_row_whose_balance_did_not_change_writes_no_entry(officer_api, ready_merchant):
    first = _upload(officer_api, workbook([["", "91320722MA1XYK0001", "", "USD", 700, "2026-12-01"]])).json()
    officer_api.post(f"/admin/fx/balance-imports/{first['id']}/apply")
    later = _upload(officer_api, workbook([["", "91320722MA1XYK0001", "", "USD", 700, "2026-12-02"]])).json()
    assert officer_api.post(f"/admin/fx/balance-imports/{later['id']}/apply").json()["changed_rows"] == 0
    assert LedgerEntry.objects.count() == 1


def test_a_merchant_user_cannot_reach_the_balance_upload(merchant_api):
    response = _upload(merchant_api, workbook([]))
    assert response.status_code == 404


def test_the_template_downloads_and_reads_back_as_a_valid_preview(officer_api, db):
    from jmt.fx.imports import read_rows

    response = officer_api.get("/admin/fx/balance-imports/template")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    ((row, cells),) = read_rows(response.content)
    assert row == 2
    assert cells["credit_code"] == "91320722MA1XYK1234"
    assert cells["currency"] == "USD"
