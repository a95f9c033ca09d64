"""G3 journeys in Chromium: messages arrive in an open message center without a reload.

The live stream is a server-sent-events view that needs ASGI (Django's ``live_server`` is WSGI and
would buffer the endless response), so these journeys run the app under uvicorn in a thread of the
test process, against the same test database.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from django.core.asgi import get_asgi_application
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, PC, shoot
from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.accounts.tokens import issue_tokens
from jmt.notifications.models import Message
from jmt.notifications.services import announcement_publish
from jmt.notifications.tests.helpers import run_ready_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIVE_WITHIN_MS = 5_000


@pytest.fixture
def asgi_url(transactional_db: None) -> Iterator[str]:
    """The app under uvicorn (ASGI, as in production) on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        get_asgi_application(),
        host="127.0.0.1",
        port=port,
        lifespan="off",
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def sign_in(page: Page, base: str, user: User, *, prefix: str = "") -> None:
    tokens = issue_tokens(user, remember=True)
    page.goto(f"{base}/healthz-not-a-page")  # any page of the origin, to reach its storage
    page.evaluate(
        "([prefix, access, refresh]) => {"
        " localStorage.setItem(prefix + 'access', access); localStorage.setItem(prefix + 'refresh', refresh); }",
        [prefix, tokens.access, tokens.refresh],
    )


def publish(superadmin: User, title: str, content: str, link: str = "") -> None:
    """What the back office does, then what the task worker does."""
    announcement_publish(actor=build_actor(superadmin), title=title, body=content, link=link)
    run_ready_tasks()


def message_items(page: Page) -> Any:
    return page.get_by_test_id("message-item")


def test_a_merchant_sees_an_announcement_arrive_live_on_pc_marks_it_read_and_reads_all(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    merchant = merchant_admin.current_merchant
    Message.objects.create(
        recipient=merchant_admin,
        merchant=merchant,
        kind="status",
        title="工商注册申请已通过材料初审",
        body="工商注册申请「东海晶莹水晶」已进入「现场核验」。请按约定时间携带原件到场核验。",
        link="/registration/progress",
    )
    Message.objects.create(
        recipient=merchant_admin,
        merchant=merchant,
        kind="todo",
        title="请补充法人身份证反面照片",
        body="工商注册材料缺少法人身份证反面，请尽快上传。",
        link="/registration/supplement",
    )
    page = new_context(viewport=PC).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/messages")
    expect(message_items(page)).to_have_count(2)
    bell = page.get_by_test_id("bell-badge")
    expect(bell).to_contain_text("2")
    page.wait_for_timeout(1500)  # the stream is open (ticket fetched, EventSource connected)

    publish(superadmin, "系统维护通知", "本周六 22:00–24:00 系统维护，期间暂停申报提交，请提前安排。")

    started = time.monotonic()
    expect(message_items(page).first).to_contain_text("系统维护通知", timeout=LIVE_WITHIN_MS)
    expect(bell).to_contain_text("3", timeout=LIVE_WITHIN_MS)
    arrived_after = time.monotonic() - started
    assert arrived_after < LIVE_WITHIN_MS / 1000
    expect(message_items(page)).to_have_count(3)
    expect(page.get_by_test_id("category-announcement-count")).to_contain_text("1")
    shoot(page, "pc-messages-live")

    message_items(page).first.click()
    detail = page.get_by_test_id("message-detail")
    expect(detail).to_contain_text("本周六 22:00–24:00 系统维护")
    shoot(page, "pc-messages-detail")
    page.get_by_role("button", name=re.compile(r"知\s*道\s*了")).click()
    expect(detail).to_be_hidden()
    expect(message_items(page).first).to_have_attribute("data-read", "true")
    expect(bell).to_contain_text("2")

    page.get_by_test_id("read-all").click()
    expect(page.get_by_text(re.compile(r"已将 2 条消息标为已读"))).to_be_visible()
    expect(page.locator("[data-testid='message-item'][data-read='false']")).to_have_count(0)
    expect(bell.locator(".ant-badge-count")).to_have_count(0)
    assert not Message.objects.filter(recipient=merchant_admin, read_at__isnull=True).exists()

    page.get_by_test_id("unread-filter").get_by_text("只看未读").click()
    expect(page.get_by_text("没有未读的消息")).to_be_visible()
    shoot(page, "pc-messages-empty-unread")

    page.get_by_test_id("unread-filter").get_by_text("全部消息").click()
    message_items(page).nth(2).click()
    page.get_by_role("button", name=re.compile(r"查看详情")).click()
    expect(page).to_have_url(re.compile(r"/registration/progress$"))


def test_a_merchant_sees_a_message_arrive_live_on_mobile_with_the_tab_badge(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/m/messages")
    expect(page.get_by_text("暂无消息")).to_be_visible()
    shoot(page, "mobile-messages-empty")
    tabbar = page.locator("nav.m-shell__tabbar")
    expect(tabbar).to_have_attribute("data-unread", "0")
    page.wait_for_timeout(1500)

    publish(
        superadmin,
        "出口退税新政解读直播",
        "3 月 5 日 19:30 在线学习中心直播讲解出口退税新政，欢迎参加。",
        "/training/courses",
    )

    expect(message_items(page).first).to_contain_text("出口退税新政解读直播", timeout=LIVE_WITHIN_MS)
    expect(tabbar).to_have_attribute("data-unread", "1", timeout=LIVE_WITHIN_MS)
    expect(tabbar.locator(".adm-badge-content")).to_have_text("1")
    shoot(page, "mobile-messages-live")

    message_items(page).first.click()
    expect(page.get_by_test_id("message-detail")).to_contain_text("3 月 5 日 19:30")
    shoot(page, "mobile-messages-detail")
    page.get_by_role("button", name=re.compile(r"查看详情")).click()
    expect(page).to_have_url(re.compile(r"/m/training/courses$"))
    page.go_back()
    expect(tabbar).to_have_attribute("data-unread", "0")
    expect(message_items(page).first).to_have_attribute("data-read", "true")


def test_the_back_office_publishes_an_announcement_that_reaches_an_open_merchant_page(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    merchant_page = new_context(viewport=PC).new_page()
    sign_in(merchant_page, asgi_url, merchant_admin)
    merchant_page.goto(f"{asgi_url}/messages")
    expect(merchant_page.get_by_text("暂无消息")).to_be_visible()

    admin_page = new_context(viewport=PC).new_page()
    sign_in(admin_page, asgi_url, superadmin, prefix="admin.")
    admin_page.goto(f"{asgi_url}/admin/messages?tab=publish")
    expect(admin_page.get_by_label("标题")).to_be_visible(timeout=30_000)
    admin_page.get_by_label("标题").fill("五一假期服务安排")
    admin_page.get_by_label("内容").fill("5 月 1 日至 5 日客服值班，报关业务照常受理。")
    admin_page.get_by_role("button", name=re.compile(r"发布公告")).click()
    expect(admin_page.get_by_text("「五一假期服务安排」已发布，正在发送给全部商户用户")).to_be_visible()
    run_ready_tasks()  # the worker's part: fan out to every merchant user

    expect(message_items(merchant_page).first).to_contain_text("五一假期服务安排", timeout=LIVE_WITHIN_MS)
    expect(merchant_page.get_by_test_id("bell-badge")).to_contain_text("1")
    admin_page.reload()
    expect(admin_page.get_by_role("row", name=re.compile("五一假期服务安排"))).to_contain_text("已送达")
    shoot(admin_page, "admin-messages-publish")
    admin_page.get_by_role("tab", name="发送记录").click()
    expect(admin_page.get_by_role("row", name=re.compile("林晶莹"))).to_contain_text("系统公告")
    shoot(admin_page, "admin-messages-sent")
    admin_page.get_by_role("tab", name="我的消息").click()
    expect(admin_page.get_by_text("暂无消息")).to_be_visible()
    expect(admin_page.get_by_test_id("bell-badge")).to_be_visible()
    shoot(admin_page, "admin-messages-inbox")


def test_without_a_stream_the_page_falls_back_to_polling_and_still_shows_the_message_within_5_s(
    live_server: Any, new_context: Any, merchant_admin: User, superadmin: User
):
    """Django's test server is WSGI: the stream answers ``end: polling`` and the page polls instead."""
    page = new_context(viewport=PC).new_page()
    sign_in(page, live_server.url, merchant_admin)
    page.goto(f"{live_server.url}/messages")
    expect(page.get_by_text("暂无消息")).to_be_visible()
    page.wait_for_timeout(1000)

    publish(superadmin, "汇率提醒", "美元兑人民币中间价较昨日上涨 0.3%。", "/fx/rates")

    expect(message_items(page).first).to_contain_text("汇率提醒", timeout=LIVE_WITHIN_MS)
    expect(page.get_by_test_id("bell-badge")).to_contain_text("1")
