"""The checklist before submit: what is missing and where to fix it; submit only when all is there."""

from __future__ import annotations

from datetime import date

from jmt.accounts.selectors import build_actor
from jmt.refunds import readiness, services
from jmt.refunds.tests.factories import pdf, ready_claim, summarised


def _lines(body):
    return {line["key"]: line for line in body["readiness"]}


def test_the_deadline_is_30_april_of_the_year_after_the_export_month():
    assert readiness.deadline_for(date(2026, 1, 1)) == date(2027, 4, 30)
    assert readiness.deadline_for(date(2026, 12, 1)) == date(2027, 4, 30)


def test_a_missing_invoice_is_named_with_where_to_fix_it(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant)
    files = {"customs_declaration": [pdf(merchant_admin).pk]}
    body = api.as_user(merchant_admin).post("/refunds/claims", {"picks": [entry], "files": files}).json()
    line = _lines(body)["purchase_invoice"]
    assert line["ok"] is False
    assert line["message"] == "缺少进项发票 PDF"
    assert line["fix_route"] == f"/refunds/claims?id={body['id']}#files"
    assert body["ready"] is False


def test_submitting_with_something_missing_is_refused_with_the_list(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant)
    client = api.as_user(merchant_admin)
    claim = client.post("/refunds/claims", {"picks": [entry]}).json()
    response = client.post(f"/refunds/claims/{claim['id']}/submit")
    assert response.status_code == 422
    assert response.json()["code"] == "REFUNDS_NOT_READY"
    missing = {line["key"] for line in response.json()["details"]["missing"]}
    assert missing == {"customs_declaration", "purchase_invoice", "sales_invoice", "fx_receipt"}
    assert client.get(f"/refunds/claims/{claim['id']}").json()["state"] == "draft"


def test_an_overdue_export_month_is_red_and_blocks_submit(api, merchant_admin):
    claim = ready_claim(merchant_admin, month="2024-11")  # 申报期限 2025-04-30, long past
    client = api.as_user(merchant_admin)
    line = _lines(client.get(f"/refunds/claims/{claim.pk}").json())["deadline"]
    assert line["level"] == "overdue"
    assert "2025-04-30" in line["message"]
    assert client.post(f"/refunds/claims/{claim.pk}/submit").status_code == 422


def test_without_a_manual_confirmation_the_fx_receipt_is_missing(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant)
    client = api.as_user(merchant_admin)
    claim = client.post("/refunds/claims", {"picks": [entry]}).json()
    assert _lines(claim)["fx_receipt"]["ok"] is False
    body = client.post(f"/refunds/claims/{claim['id']}/fx-confirmation", {"note": "PayPal 已提现"}).json()
    assert _lines(body)["fx_receipt"]["ok"] is True
    assert "PayPal 已提现" in _lines(body)["fx_receipt"]["message"]


def test_a_registered_fx_source_can_stand_for_the_manual_confirmation(merchant_admin):
    from jmt.refunds import fx_receipt

    entry = summarised(merchant_admin.current_merchant)
    claim = services.claim_create(actor=build_actor(merchant_admin), data=services.ClaimInput(picks=[entry]))

    def from_fx(c):
        return fx_receipt.Receipt(True, "收结汇：已到账 USD 102.00")

    fx_receipt.register(from_fx)
    try:
        assert fx_receipt.status(claim).message == "收结汇：已到账 USD 102.00"
    finally:
        fx_receipt._sources.remove(from_fx)


def test_a_ready_claim_submits_and_moves_to_declared(api, merchant_admin):
    claim = ready_claim(merchant_admin)
    body = api.as_user(merchant_admin).post(f"/refunds/claims/{claim.pk}/submit").json()
    assert body["state"] == "submitted"
    assert body["node"] == "申报"
    assert body["submitted_at"] is not None
