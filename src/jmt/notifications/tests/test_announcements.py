"""系统公告: published in the back office, fanned out by a task to every merchant user."""

from __future__ import annotations

import pytest

from jmt.audit.models import OperationLog
from jmt.notifications.models import Announcement, Message, WechatFollower
from jmt.notifications.tests.helpers import queued, run_ready_tasks

pytestmark = pytest.mark.django_db

NOTICE = {
    "title": "春节放假通知",
    "content": "2 月 14 日至 2 月 20 日放假，期间申报顺延。",
    "link": "/training/courses",
}


def test_publishing_queues_the_fan_out_and_the_task_reaches_every_merchant_user(
    api, superadmin, merchant_admin, merchant_member, other_merchant_user
):
    response = api.as_user(superadmin).post("/admin/notifications/announcements", NOTICE)

    assert response.status_code == 201
    assert response.json()["status"] == "sending"
    assert not Message.objects.exists()  # nothing yet: the fan-out is a task
    assert len(queued("fan_out_announcement")) == 1
    assert OperationLog.objects.filter(action="publish_announcement").count() == 1

    run_ready_tasks()

    messages = Message.objects.filter(kind="announcement")
    assert sorted(m.recipient_id for m in messages) == sorted(
        [merchant_admin.pk, merchant_member.pk, other_merchant_user.pk]
    )  # merchant users only: not the back-office account
    message = messages.first()
    assert message is not None
    assert (message.title, message.link, message.merchant_id) == ("春节放假通知", "/training/courses", None)
    assert message.mp_pagepath == "pages/webview/index?path=%2Fm%2Ftraining%2Fcourses"
    announcement = Announcement.objects.get()
    assert (announcement.recipients, announcement.fanned_out_at is not None) == (3, True)


def test_running_the_fan_out_twice_sends_one_message_per_person(api, superadmin, merchant_admin):
    api.as_user(superadmin).post("/admin/notifications/announcements", NOTICE)
    announcement = Announcement.objects.get()
    from jmt.notifications.services import announcement_fan_out

    run_ready_tasks()
    announcement_fan_out(announcement_id=announcement.pk)

    assert Message.objects.filter(recipient=merchant_admin).count() == 1


def test_the_fan_out_queues_a_wechat_push_only_for_people_with_a_wechat_identity(
    api, superadmin, merchant_admin, merchant_member, settings
):
    settings.WECHAT_TEMPLATE_IDS = {**settings.WECHAT_TEMPLATE_IDS, "announcement": "tpl-announcement"}
    merchant_admin.wechat_unionid = "union-admin"
    merchant_admin.save()
    WechatFollower.objects.create(unionid="union-admin", openid="svc-openid-admin")
    api.as_user(superadmin).post("/admin/notifications/announcements", NOTICE)

    run_ready_tasks()

    from jmt.integrations.wechat import fake

    assert [m.touser for m in fake.sent] == ["svc-openid-admin"]
    assert fake.sent[0].template_id == "tpl-announcement"


def test_a_merchant_user_cannot_publish(api, merchant_admin):
    response = api.as_user(merchant_admin).post("/admin/notifications/announcements", NOTICE)

    assert response.status_code in (403, 404)
    assert not Announcement.objects.exists()


def test_an_announcement_needs_a_title_and_a_body(api, superadmin):
    response = api.as_user(superadmin).post("/admin/notifications/announcements", {"title": "", "content": ""})

    assert response.status_code == 422
    assert set(response.json()["details"]["fields"]) == {"title", "content"}


def test_an_announcement_link_must_be_a_route_of_the_site(api, superadmin):
    response = api.as_user(superadmin).post(
        "/admin/notifications/announcements", {**NOTICE, "link": "https://phishing.example.com/"}
    )

    assert response.status_code == 422
    assert "link" in response.json()["details"]["fields"]


def test_the_back_office_lists_announcements_with_their_reach_and_reads(
    api, superadmin, merchant_admin, merchant_member
):
    as_root = api.as_user(superadmin)
    as_root.post("/admin/notifications/announcements", NOTICE)
    run_ready_tasks()
    api.as_user(merchant_admin).post("/notifications/messages/read-all")

    body = as_root.get("/admin/notifications/announcements").json()

    assert body["total"] == 1
    item = body["items"][0]
    assert (item["status"], item["recipients"], item["read_count"], item["published_by"]) == (
        "sent",
        2,
        1,
        "超级管理员",
    )


def test_the_back_office_lists_sent_messages_with_their_push_status(api, superadmin, merchant_admin, merchant_member):
    merchant_admin.wechat_unionid = "union-admin"
    merchant_admin.save()
    api.as_user(superadmin).post("/admin/notifications/announcements", NOTICE)
    run_ready_tasks()

    body = api.as_user(superadmin).get("/admin/notifications/messages", recipient="13800000001").json()

    assert body["total"] == 1
    item = body["items"][0]
    assert (item["recipient_name"], item["kind_label"], item["push_status"]) == ("林晶莹", "系统公告", "skipped")
    member_row = api.as_user(superadmin).get("/admin/notifications/messages", recipient="王小明").json()["items"][0]
    assert member_row["push_status"] == "none"  # no WeChat identity: nothing was queued
