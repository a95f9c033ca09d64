"""T2/T3: the four nodes on the workflow, 审核不通过 and resubmit, 到账 with its amount, a message and a push
at every node, and who may make which move."""

from __future__ import annotations

from jmt.notifications.models import Message
from jmt.notifications.tests.helpers import queued
from jmt.refunds.models import Claim
from jmt.refunds.tests.factories import ready_claim, submitted_claim


def _move(api, staff, claim, to, **extra):
    return api.as_user(staff).post(f"/admin/refunds/claims/{claim.pk}/moves", {"to": to, **extra})


def test_the_board_has_the_four_nodes(api, merchant_admin):
    claim = submitted_claim(merchant_admin)
    board = api.as_user(merchant_admin).get(f"/workflow/refund/{claim.pk}/progress").json()
    assert [n["label"] for n in board["nodes"]] == ["申报", "审核", "退库", "到账"]
    assert [n["status"] for n in board["nodes"]] == ["current", "pending", "pending", "pending"]


def test_staff_walk_a_claim_to_received_with_the_amount(api, merchant_admin, superadmin):
    claim = submitted_claim(merchant_admin)
    assert _move(api, superadmin, claim, "reviewing").json()["node"] == "审核"
    assert _move(api, superadmin, claim, "refunding").json()["node"] == "退库"
    body = _move(api, superadmin, claim, "received", refund_received="88.40", received_on="2026-05-20").json()
    assert body["state"] == "received"
    assert body["refund_received"] == {"amount": "88.40", "currency": "CNY"}
    assert body["received_on"] == "2026-05-20"


def test_received_without_the_amount_is_refused(api, merchant_admin, superadmin):
    claim = submitted_claim(merchant_admin)
    _move(api, superadmin, claim, "reviewing")
    _move(api, superadmin, claim, "refunding")
    response = _move(api, superadmin, claim, "received")
    assert response.status_code == 422
    assert response.json()["code"] == "REFUNDS_AMOUNT_REQUIRED"
    assert Claim.objects.get(pk=claim.pk).state == "refunding"


def test_a_rejection_needs_its_reason_and_the_merchant_fixes_and_resubmits(api, merchant_admin, superadmin):
    claim = submitted_claim(merchant_admin)
    _move(api, superadmin, claim, "reviewing")
    assert _move(api, superadmin, claim, "rejected").json()["code"] == "WORKFLOW_COMMENT_REQUIRED"
    body = _move(api, superadmin, claim, "rejected", comment="进项发票不清晰").json()
    assert body["reject_reason"] == "进项发票不清晰"
    client = api.as_user(merchant_admin)
    detail = client.get(f"/refunds/claims/{claim.pk}").json()
    assert detail["editable"] is True
    assert detail["node"] == "审核"
    again = client.post(f"/refunds/claims/{claim.pk}/submit").json()
    assert again["state"] == "submitted"
    assert again["reject_reason"] == ""


def test_every_node_raises_a_message_and_a_wechat_push(api, merchant_admin, superadmin):
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save(update_fields=["wechat_unionid"])
    claim = submitted_claim(merchant_admin)
    for to, extra in (("reviewing", {}), ("refunding", {}), ("received", {"refund_received": "10"})):
        _move(api, superadmin, claim, to, **extra)
    titles = list(Message.objects.filter(recipient=merchant_admin).order_by("pk").values_list("title", flat=True))
    assert titles == [
        f"出口退税申报「{claim.claim_no}」已申报",
        f"出口退税申报「{claim.claim_no}」进入「审核」",
        f"出口退税申报「{claim.claim_no}」进入「退库」",
        f"出口退税申报「{claim.claim_no}」退税已到账",
    ]
    assert len(queued("push_messages")) == 4


def test_the_merchant_cannot_make_the_tax_bureaus_moves(api, merchant_admin):
    claim = submitted_claim(merchant_admin)
    response = api.as_user(merchant_admin).post(f"/workflow/refund/{claim.pk}/transitions", {"to": "reviewing"})
    assert response.status_code == 403


def test_the_member_cannot_create_or_submit(api, merchant_admin, merchant_member):
    claim = ready_claim(merchant_admin)
    client = api.as_user(merchant_member)
    assert client.post("/refunds/claims", {}).status_code == 403
    assert client.post(f"/refunds/claims/{claim.pk}/submit").status_code == 403
    assert client.get(f"/refunds/claims/{claim.pk}").status_code == 200


def test_another_merchant_cannot_see_the_claim(api, merchant_admin, other_merchant_user):
    claim = ready_claim(merchant_admin)
    other = other_merchant_user.current_merchant
    other.registration_status = "approved"
    other.save(update_fields=["registration_status"])
    client = api.as_user(other_merchant_user)
    assert client.get(f"/refunds/claims/{claim.pk}").status_code == 404
    assert client.post(f"/refunds/claims/{claim.pk}/submit").status_code == 404
    assert client.get(f"/workflow/refund/{claim.pk}/progress").status_code == 404


def test_a_submitted_claim_cannot_be_edited(api, merchant_admin):
    claim = submitted_claim(merchant_admin)
    response = api.client.put(
        f"/api/v1/refunds/claims/{claim.pk}",
        "{}",
        content_type="application/json",
        headers=api.as_user(merchant_admin)._headers(None),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "REFUNDS_NOT_EDITABLE"


def test_staff_record_offline_steps_and_download_the_claim_as_a_zip(api, merchant_admin, superadmin):
    import io
    import zipfile

    claim = submitted_claim(merchant_admin)
    client = api.as_user(superadmin)
    body = client.post(
        f"/admin/refunds/claims/{claim.pk}/offline-steps", {"title": "寄送纸质资料", "note": "顺丰 SF123"}
    )
    assert body.status_code == 201
    assert body.json()["offline_steps"][0]["note"] == "顺丰 SF123"
    response = client.get(f"/admin/refunds/claims/{claim.pk}/package")
    names = zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).namelist()
    assert names[0] == f"{claim.claim_no}-申报汇总.xlsx"
    assert sorted(n.split("-")[1] for n in names[1:]) == ["报关单", "进项发票", "销售发票"]


def test_the_refund_notices_page_lists_the_claims_messages_only(api, merchant_admin):
    claim = submitted_claim(merchant_admin)
    body = api.as_user(merchant_admin).get("/notifications/messages", module="refunds").json()
    assert [m["title"] for m in body["items"]] == [f"出口退税申报「{claim.claim_no}」已申报"]
    assert body["items"][0]["link"] == f"/refunds/progress?id={claim.pk}"
