"""D7: every status change sends a 站内信 (业务状态变更) and a WeChat push that opens the filing."""

import pytest

from conftest import Api
from jmt.filings.tests.conftest import accept, approve
from jmt.filings.tests.helpers import submitted
from jmt.notifications.models import Message
from jmt.notifications.tests.helpers import queued

pytestmark = pytest.mark.django_db


def test_each_status_change_messages_the_merchant_under_business_status(
    api: Api, merchant_admin, reviewer, profiled_merchant
):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "dxp-id")
    accept(staff, filing)
    approve(staff, filing["id"], {"dxp_id": "DXPENT0000012345"})
    mine = Message.objects.filter(recipient=merchant_admin).order_by("pk")
    assert [m.title for m in mine] == [
        "DXP ID 申请「东海晶莹水晶有限公司」捷晶审核",
        "DXP ID 申请「东海晶莹水晶有限公司」主管部门办理",
        "DXP ID 申请「东海晶莹水晶有限公司」已办结",
    ]
    assert {m.kind for m in mine} == {"status"}
    assert {m.link for m in mine} == {f"/filings/dxp-id?id={filing['id']}"}


def test_the_wechat_push_opens_the_filing_detail(api: Api, merchant_admin, reviewer, profiled_merchant):
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    me = api.as_user(merchant_admin)
    filing = submitted(me, profiled_merchant, "eport-card")
    message = Message.objects.get(recipient=merchant_admin)
    assert message.mp_pagepath.endswith("%2Fm%2Ffilings%2Feport-card%3Fid%3D" + str(filing["id"]))
    assert queued("push_messages")


def test_the_staff_queue_is_told_of_a_new_submission(api: Api, merchant_admin, reviewer, profiled_merchant):
    submitted(api.as_user(merchant_admin), profiled_merchant, "enterprise-record")
    todo = Message.objects.get(recipient=reviewer)
    assert (todo.kind, todo.title) == ("todo", "企业备案「东海晶莹水晶有限公司」待审核")
    assert todo.link.startswith("/operations/filings?id=")


def test_a_change_request_message_says_the_comments_are_on_the_fields(
    api: Api, merchant_admin, reviewer, profiled_merchant
):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "customs-registration")
    staff.post(f"/admin/filings/filings/{filing['id']}/request-changes", {"fields": {"postcode": "应为 222300"}})
    last = Message.objects.filter(recipient=merchant_admin).order_by("-pk").first()
    assert last is not None
    assert last.title == "海关企业注册登记「东海晶莹水晶有限公司」需要修改"
    assert "邮政编码：应为 222300" in last.body
