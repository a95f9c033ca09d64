"""The message center API (G3): lists, filters, unread counts, mark read, mark all read — one's own only."""

from __future__ import annotations

import pytest

from conftest import Api
from jmt.accounts.selectors import build_actor
from jmt.audit.models import OperationLog
from jmt.merchants.models import MemberRole, Membership
from jmt.notifications.models import Message
from jmt.notifications.tests.conftest import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(merchant_admin):
    merchant = merchant_admin.current_merchant
    return {
        "status": make_message(merchant_admin, kind="status", merchant=merchant, title="注册材料已通过初审"),
        "todo": make_message(merchant_admin, kind="todo", merchant=merchant, title="请补充法人身份证"),
        "announcement": make_message(merchant_admin, kind="announcement", title="春节放假通知"),
        "read": make_message(
            merchant_admin, kind="status", merchant=merchant, title="旧消息", read_at="2026-01-01T00:00:00Z"
        ),
    }


def test_the_list_is_newest_first_with_its_kind_label(api, merchant_admin, inbox):
    body = api.as_user(merchant_admin).get("/notifications/messages").json()

    assert body["total"] == 4
    assert [m["title"] for m in body["items"]] == ["旧消息", "春节放假通知", "请补充法人身份证", "注册材料已通过初审"]
    assert body["items"][1]["kind_label"] == "系统公告"
    assert body["items"][0]["read"] is True


def test_the_list_filters_by_kind_and_unread_and_pages(api, merchant_admin, inbox):
    as_admin = api.as_user(merchant_admin)

    status_unread = as_admin.get("/notifications/messages", kind="status", unread="true").json()
    assert [m["title"] for m in status_unread["items"]] == ["注册材料已通过初审"]
    page = as_admin.get("/notifications/messages", page=2, page_size=3).json()
    assert (page["total"], page["page"], len(page["items"])) == (4, 2, 1)


def test_the_customs_view_lists_only_customs_business_notices(api, merchant_admin, inbox):
    merchant = merchant_admin.current_merchant
    make_message(
        merchant_admin,
        merchant=merchant,
        title="批次「3月第1批」已全部放行",
        related_type="customs.Batch",
        related_id="7",
    )
    make_message(
        merchant_admin, kind="todo", merchant=merchant, title="请提交清单总分单", link="/customs/manifests?batch=7"
    )

    body = api.as_user(merchant_admin).get("/notifications/messages", module="customs").json()

    assert [m["title"] for m in body["items"]] == ["请提交清单总分单", "批次「3月第1批」已全部放行"]
    assert api.as_user(merchant_admin).get("/notifications/messages", module="Customs!").status_code == 422


def test_a_bad_kind_is_a_validation_error(api, merchant_admin):
    response = api.as_user(merchant_admin).get("/notifications/messages", kind="spam")

    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"kind": "取值不在允许范围内"}


def test_unread_counts_per_kind_and_in_total(api, merchant_admin, inbox):
    body = api.as_user(merchant_admin).get("/notifications/messages/unread-count").json()

    assert body == {"total": 3, "status": 1, "todo": 1, "announcement": 1}


def test_marking_one_read(api, merchant_admin, inbox):
    response = api.as_user(merchant_admin).post(f"/notifications/messages/{inbox['todo'].pk}/read")

    assert response.status_code == 200
    assert response.json()["read"] is True
    inbox["todo"].refresh_from_db()
    assert inbox["todo"].read_at is not None


def test_another_users_message_is_not_found(api, merchant_admin, merchant_member, inbox):
    response = api.as_user(merchant_member).post(f"/notifications/messages/{inbox['todo'].pk}/read")

    assert response.status_code == 404
    inbox["todo"].refresh_from_db()
    assert inbox["todo"].read_at is None
    assert api.as_user(merchant_member).get("/notifications/messages").json()["total"] == 0


def test_mark_all_read_of_one_kind_leaves_the_others(api, merchant_admin, inbox):
    body = api.as_user(merchant_admin).post("/notifications/messages/read-all", {"kind": "todo"}).json()

    assert body == {"updated": 1, "unread": {"total": 2, "status": 1, "todo": 0, "announcement": 1}}
    assert OperationLog.objects.filter(action="read_all", actor=merchant_admin).count() == 1


def test_mark_all_read(api, merchant_admin, inbox):
    body = api.as_user(merchant_admin).post("/notifications/messages/read-all").json()

    assert body["updated"] == 3
    assert not Message.objects.filter(recipient=merchant_admin, read_at__isnull=True).exists()


def test_a_user_of_two_merchants_sees_the_messages_of_the_one_they_act_for(
    api, merchant_admin, other_merchant_user, inbox
):
    second = other_merchant_user.current_merchant
    Membership.objects.create(user=merchant_admin, merchant=second, role=MemberRole.ADMIN)
    make_message(merchant_admin, kind="status", merchant=second, title="另一家商户的消息")
    as_admin = api.as_user(merchant_admin)

    titles = [m["title"] for m in as_admin.get("/notifications/messages").json()["items"]]
    assert "另一家商户的消息" not in titles
    as_admin.post("/me/switch-merchant", {"merchant_id": second.pk})
    titles = [m["title"] for m in as_admin.get("/notifications/messages").json()["items"]]
    assert titles == ["另一家商户的消息", "春节放假通知"]  # plus the announcement, which has no merchant


def test_the_back_office_has_its_own_message_center(api, superadmin):
    make_message(superadmin, kind="todo", title="演示申请待初审")

    body = api.as_user(superadmin).get("/notifications/messages/unread-count").json()

    assert body["todo"] == 1


def test_the_message_center_needs_a_login(api):
    assert api.get("/notifications/messages").status_code == 401


def test_an_admin_switched_to_a_merchant_user_may_listen_but_not_mark_read(
    api, customer_service, merchant_admin, inbox
):
    from jmt.core.auth import Actor
    from jmt.rbac.services import impersonation_start

    staff = build_actor(customer_service)
    assert isinstance(staff, Actor)
    _, _, tokens = impersonation_start(actor=staff, user_id=merchant_admin.pk, reason="协助商户查看消息")
    as_switched = Api(api.client, tokens.access)

    assert as_switched.post("/notifications/stream-ticket").status_code == 200
    assert as_switched.get("/notifications/messages").json()["total"] == 4
    refused = as_switched.post(f"/notifications/messages/{inbox['todo'].pk}/read")
    assert refused.status_code == 403
    assert refused.json()["code"] == "IMPERSONATION_READ_ONLY"
    inbox["todo"].refresh_from_db()
    assert inbox["todo"].read_at is None
