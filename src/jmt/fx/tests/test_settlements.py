"""快速结汇 (F4), its processing in 结汇管理 (FA) and 结汇明细 (F5): freezing, completing, rejecting."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from jmt.audit.models import OperationLog
from jmt.fx import ledger
from jmt.fx.models import EntryKind, LedgerEntry, Settlement
from jmt.fx.tests.factories import document, fund
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db


def _request(merchant_api, merchant, amount="1000.00", **extra):
    body = {
        "amount": amount,
        "settle_date": timezone.localdate().isoformat(),
        "rate": "7.0852",
        "statement_document_id": document(merchant).pk,
        **extra,
    }
    return merchant_api.post("/fx/settlements", body)


def test_a_request_within_the_available_amount_freezes_it(merchant_api, ready_merchant):
    fund(ready_merchant, "5000.00")
    response = _request(merchant_api, ready_merchant, "1200.50")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["state"] == "pending"
    assert body["state_label"] == "结汇中"
    assert body["amount"] == {"amount": "1200.50", "currency": "USD"}
    assert body["bank_account"] == "6217001370000012345"
    assert body["legal_person"] == "林晶莹"
    account = merchant_api.get("/fx/summary").json()["account"]
    assert account["balance"]["amount"] == "5000.00"
    assert account["frozen"]["amount"] == "1200.50"
    assert account["available"]["amount"] == "3799.50"


def test_a_request_above_the_available_amount_is_refused_with_the_figures(merchant_api, ready_merchant):
    fund(ready_merchant, "5000.00")
    assert _request(merchant_api, ready_merchant, "3000.00").status_code == 201
    response = _request(merchant_api, ready_merchant, "2500.00")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "FX_AMOUNT_EXCEEDS_AVAILABLE"
    assert body["message"] == "结汇金额 $2,500.00 超过可用余额 $2,000.00（账户余额 $5,000.00，结汇中 $3,000.00）"
    assert Settlement.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=EntryKind.FREEZE).count() == 1


def test_a_request_without_a_balance_is_refused(merchant_api, ready_merchant):
    response = _request(merchant_api, ready_merchant)
    assert response.status_code == 409
    assert response.json()["code"] == "FX_NO_ACCOUNT"


def test_a_request_without_the_settlement_bank_card_names_the_fields(merchant_api, ready_merchant):
    fund(ready_merchant, "100.00")
    ready_merchant.bank_account = ""
    ready_merchant.save()
    response = _request(merchant_api, ready_merchant, "10.00")
    assert response.status_code == 422
    assert response.json()["code"] == "FX_PROFILE_INCOMPLETE"
    assert set(response.json()["details"]["fields"]) == {"bank_account"}


def test_bad_input_is_refused_field_by_field_and_nothing_is_written(merchant_api, ready_merchant):
    fund(ready_merchant, "100.00")
    response = merchant_api.post(
        "/fx/settlements",
        {
            "amount": "10.001",
            "settle_date": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "rate": "7.12345",
            "statement_document_id": None,
        },
    )
    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert set(fields) == {"amount", "settle_date", "rate", "statement_document_id"}
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in fields.values())
    assert Settlement.objects.count() == 0
    assert LedgerEntry.objects.count() == 1


def test_another_merchants_document_cannot_be_attached(merchant_api, ready_merchant, other_merchant_user):
    fund(ready_merchant, "100.00")
    foreign = document(other_merchant_user.current_merchant)
    response = _request(merchant_api, ready_merchant, "10.00", statement_document_id=foreign.pk)
    assert response.status_code == 422
    assert "statement_document_id" in response.json()["details"]["fields"]


def test_the_request_form_is_prefilled_with_the_balance_reference_rate_and_profile(merchant_api, ready_merchant):
    from jmt.fx.models import RateSnapshot

    fund(ready_merchant, "800.00")
    RateSnapshot.objects.create(
        currency="USD", source="boc", spot_buy=Decimal("7.0852"), middle=Decimal("7.0988"), rate_date=date(2026, 12, 4)
    )
    body = merchant_api.get("/fx/settlements/context").json()
    assert body["reference_rate"] == "7.0852"
    assert body["reference_label"].startswith("中国银行现汇买入价")
    assert body["account"]["available"]["amount"] == "800.00"
    assert body["profile"] == {
        "sub_account_no": "32050161000100000001",
        "bank_account": "6217001370000012345",
        "bank_name": "中国建设银行东海支行",
        "legal_person": "林晶莹",
    }


def test_completing_debits_unfreezes_and_sends_the_cny_arrival_message(
    merchant_api, officer_api, ready_merchant, merchant_admin
):
    fund(ready_merchant, "5000.00")
    settlement_id = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    response = officer_api.post(
        f"/admin/fx/settlements/{settlement_id}/complete", {"actual_rate": "7.0810", "cny_amount": "7081.00"}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == "completed"
    assert body["actual_rate"] == "7.0810"
    assert body["cny_amount"] == {"amount": "7081.00", "currency": "CNY"}
    assert body["remaining_usd"] == {"amount": "4000.00", "currency": "USD"}
    account = merchant_api.get("/fx/summary").json()["account"]
    assert (account["balance"]["amount"], account["frozen"]["amount"]) == ("4000.00", "0.00")
    entry = merchant_api.get("/fx/entries", kind="settlement").json()["items"][0]
    assert entry["kind_label"] == "结汇"
    assert entry["amount"]["amount"] == "-1000.00"
    message = Message.objects.get(recipient=merchant_admin, title__startswith="人民币入账通知")
    assert "¥7,081.00" in message.title
    assert message.link == f"/fx/settlements?id={settlement_id}"


def test_rejecting_unfreezes_and_tells_the_merchant_why(merchant_api, officer_api, ready_merchant, merchant_admin):
    fund(ready_merchant, "5000.00")
    settlement_id = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    response = officer_api.post(f"/admin/fx/settlements/{settlement_id}/reject", {"reason": "流水与金额不符"})
    assert response.status_code == 200
    assert response.json()["state"] == "rejected"
    assert response.json()["reject_reason"] == "流水与金额不符"
    account = merchant_api.get("/fx/summary").json()["account"]
    assert (account["balance"]["amount"], account["frozen"]["amount"]) == ("5000.00", "0.00")
    assert Message.objects.filter(recipient=merchant_admin, body__contains="流水与金额不符").exists()


def test_a_processed_request_cannot_be_completed_again(merchant_api, officer_api, ready_merchant):
    fund(ready_merchant, "5000.00")
    settlement_id = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    body = {"actual_rate": "7.0810", "cny_amount": "7081.00"}
    assert officer_api.post(f"/admin/fx/settlements/{settlement_id}/complete", body).status_code == 200
    again = officer_api.post(f"/admin/fx/settlements/{settlement_id}/complete", body)
    assert again.status_code == 409
    assert again.json()["code"] == "FX_NOT_PENDING"
    assert LedgerEntry.objects.filter(kind=EntryKind.SETTLEMENT).count() == 1


def test_the_generic_workflow_move_cannot_complete_without_the_actual_figures(
    merchant_api, officer_api, ready_merchant
):
    fund(ready_merchant, "5000.00")
    settlement_id = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    response = officer_api.post(f"/workflow/fx_settlement/{settlement_id}/transitions", {"to": "completed"})
    assert response.status_code == 422
    assert response.json()["code"] == "FX_COMPLETION_MISSING"
    assert Settlement.objects.get(pk=settlement_id).state == "pending"


def test_every_settlement_step_and_ledger_entry_is_audited(merchant_api, officer_api, ready_merchant):
    fund(ready_merchant, "5000.00")
    settlement_id = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    officer_api.post(f"/admin/fx/settlements/{settlement_id}/complete", {"actual_rate": "7.08", "cny_amount": "7080"})
    actions = list(OperationLog.objects.filter(module="fx").order_by("id").values_list("action", flat=True))
    assert actions[-5:] == [
        "settlement_request",
        "ledger_freeze",
        "workflow:pending->completed",
        "ledger_settlement",
        "settlement_complete",
    ]
    freeze = OperationLog.objects.get(action="ledger_freeze")
    assert freeze.changes == {"frozen": ["0.00", "1000.00"]}


def test_the_merchant_sees_pending_and_completed_requests_in_the_settlement_list(
    merchant_api, officer_api, ready_merchant
):
    fund(ready_merchant, "5000.00")
    first = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    _request(merchant_api, ready_merchant, "500.00")
    officer_api.post(f"/admin/fx/settlements/{first}/complete", {"actual_rate": "7.08", "cny_amount": "7080"})
    items = merchant_api.get("/fx/settlements").json()["items"]
    assert [(i["state"], i["amount"]["amount"]) for i in items] == [("pending", "500.00"), ("completed", "1000.00")]
    assert items[0]["actual_rate"] is None
    assert items[1]["remaining_usd"]["amount"] == "4000.00"
    assert merchant_api.get("/fx/summary").json()["pending_count"] == 1


def test_the_home_balance_shows_the_amount_update_time_and_pending_amount(merchant_api, ready_merchant):
    fund(ready_merchant, "5000.00")
    _request(merchant_api, ready_merchant, "1250.00")
    balance = merchant_api.get("/home").json()["balance"]
    assert balance["amount"] == "5000.00"
    assert balance["currency"] == "USD"
    assert balance["frozen"] == "1250.00"
    assert balance["updated_at"]


def test_the_home_balance_is_empty_before_any_upload(merchant_api, ready_merchant):
    assert merchant_api.get("/home").json()["balance"] is None


def test_a_member_reads_the_balance_but_cannot_request(api, merchant_member, ready_merchant):
    fund(ready_merchant, "100.00")
    member = api.as_user(merchant_member)
    assert member.get("/fx/summary").json()["account"]["balance"]["amount"] == "100.00"
    response = _request(member, ready_merchant, "10.00")
    assert response.status_code == 403


def test_ledger_totals_agree_with_the_running_totals_on_every_entry(merchant_api, officer_api, ready_merchant):
    account = fund(ready_merchant, "5000.00")
    ids = [_request(merchant_api, ready_merchant, a).json()["id"] for a in ("1000.00", "700.25", "300.10")]
    officer_api.post(f"/admin/fx/settlements/{ids[0]}/complete", {"actual_rate": "7.08", "cny_amount": "7080"})
    officer_api.post(f"/admin/fx/settlements/{ids[1]}/reject", {"reason": "重复申请"})
    fund(ready_merchant, "6100.00")
    balance = frozen = Decimal("0")
    for entry in LedgerEntry.objects.filter(account=account).order_by("id"):
        balance += entry.amount
        frozen += entry.frozen
        assert (entry.balance_after, entry.frozen_after) == (balance, frozen)
    assert ledger.totals(account.pk) == ledger.Totals(Decimal("6100.00"), Decimal("300.10"))


def test_ledger_entries_cannot_be_changed_or_deleted(ready_merchant):
    account = fund(ready_merchant, "10.00")
    entry = LedgerEntry.objects.get(account=account)
    entry.amount = Decimal("99.00")
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()


def test_rejecting_through_the_generic_workflow_move_unfreezes_too(merchant_api, officer_api, ready_merchant):
    fund(ready_merchant, "5000.00")
    settlement_id = _request(merchant_api, ready_merchant, "1000.00").json()["id"]
    response = officer_api.post(
        f"/workflow/fx_settlement/{settlement_id}/transitions", {"to": "rejected", "comment": "金额与流水不符"}
    )
    assert response.status_code == 200
    account = merchant_api.get("/fx/summary").json()["account"]
    assert (account["frozen"]["amount"], account["available"]["amount"]) == ("0.00", "5000.00")
    assert Settlement.objects.get(pk=settlement_id).reject_reason == "金额与流水不符"
