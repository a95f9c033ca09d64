"""T1: claiming from the merchant's own 汇总 results or a hand-typed 报关单号; amount; PDFs by content."""

from __future__ import annotations

from jmt.refunds.models import Claim
from jmt.refunds.tests.factories import full_files, pdf, png, simplified, summarised


def test_the_declarations_list_the_merchants_summarised_results_with_month_amount_and_goods(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant, month="2026-03", orders=2)
    rows = api.as_user(merchant_admin).get("/refunds/declarations").json()
    row = next(r for r in rows if r["entry_id"] == entry)
    assert row["month"] == "2026-03"
    assert row["amount"] == {"amount": "102.00", "currency": "USD"}  # 2 orders × 2 × 25.50
    assert row["goods"] == "天然紫水晶手链"
    assert row["claimable"] is True
    assert row["deadline"]["date"] == "2027-04-30"


def test_a_simplified_export_is_listed_as_not_claimable_with_the_9610_rule(api, merchant_admin):
    simplified(merchant_admin.current_merchant, month="2026-03")
    rows = api.as_user(merchant_admin).get("/refunds/declarations").json()
    row = next(r for r in rows if r["statistics_flag"] == "A")
    assert row["claimable"] is False
    assert "9610" in row["reason"]
    assert "简化申报" in row["reason"]


def test_picking_a_simplified_export_is_refused(api, merchant_admin):
    simplified(merchant_admin.current_merchant, month="2026-03")
    response = api.as_user(merchant_admin).post("/refunds/claims", {"picks": ["A-2026-03"]})
    assert response.status_code == 422
    assert response.json()["code"] == "REFUNDS_DECLARATION_SIMPLIFIED"
    assert Claim.objects.count() == 0


def test_the_claim_amount_is_the_sum_of_its_declarations(api, merchant_admin):
    first = summarised(merchant_admin.current_merchant, orders=1)
    second = summarised(merchant_admin.current_merchant, orders=2)
    body = api.as_user(merchant_admin).post("/refunds/claims", {"picks": [first, second]}).json()
    assert body["amount"] == {"amount": "153.00", "currency": "USD"}
    assert body["computed_amount"] == body["amount"]
    assert body["state"] == "draft"
    assert body["claim_no"].startswith("TS")


def test_a_changed_amount_needs_its_reason_and_keeps_it(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant, orders=1)
    client = api.as_user(merchant_admin)
    refused = client.post("/refunds/claims", {"picks": [entry], "amount": "40.00"})
    assert refused.status_code == 422
    assert "amount_reason" in refused.json()["details"]["fields"]
    body = client.post("/refunds/claims", {"picks": [entry], "amount": "40.00", "amount_reason": "一件退货"}).json()
    assert body["amount"]["amount"] == "40.00"
    assert body["computed_amount"]["amount"] == "51.00"
    assert body["amount_reason"] == "一件退货"


def test_a_declaration_from_another_channel_is_typed_in(api, merchant_admin):
    manual = {
        "entry_id": "310120260000009999",
        "month": "2026-02",
        "amount": "800",
        "currency": "usd",
        "goods": "水晶球",
    }
    body = api.as_user(merchant_admin).post("/refunds/claims", {"manual": [manual]}).json()
    assert body["declarations"][0]["source"] == "manual"
    assert body["amount"] == {"amount": "800.00", "currency": "USD"}


def test_a_typed_in_number_that_is_not_18_digits_is_refused_in_chinese(api, merchant_admin):
    manual = {"entry_id": "12345", "month": "2026-02", "amount": "800"}
    response = api.as_user(merchant_admin).post("/refunds/claims", {"manual": [manual]})
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"manual.0.entry_id": "报关单号应为 18 位数字"}


def test_a_declaration_already_in_another_claim_is_refused(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant)
    client = api.as_user(merchant_admin)
    first = client.post("/refunds/claims", {"picks": [entry]}).json()
    response = client.post("/refunds/claims", {"picks": [entry]})
    assert response.status_code == 409
    assert response.json()["details"]["claim_no"] == first["claim_no"]


def test_the_files_must_be_pdfs_judged_by_content(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant)
    image = png(merchant_admin, name="发票.pdf")  # a PNG named .pdf
    response = api.as_user(merchant_admin).post(
        "/refunds/claims", {"picks": [entry], "files": {"purchase_invoice": [image.pk]}}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "REFUNDS_FILE_NOT_PDF"
    assert Claim.objects.count() == 0


def test_another_merchants_document_cannot_be_attached(api, merchant_admin, other_merchant_user):
    entry = summarised(merchant_admin.current_merchant)
    theirs = pdf(other_merchant_user)
    response = api.as_user(merchant_admin).post(
        "/refunds/claims", {"picks": [entry], "files": {"sales_invoice": [theirs.pk]}}
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"files.sales_invoice": "所选文件不在我的资料中"}


def test_the_pdfs_are_kept_by_kind(api, merchant_admin):
    entry = summarised(merchant_admin.current_merchant)
    body = (
        api.as_user(merchant_admin)
        .post("/refunds/claims", {"picks": [entry], "files": full_files(merchant_admin)})
        .json()
    )
    assert sorted(f["role_label"] for f in body["files"]) == ["报关单", "进项发票", "销售发票"]
    assert all(f["document"]["content_type"] == "application/pdf" for f in body["files"])
