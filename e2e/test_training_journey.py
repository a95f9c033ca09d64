"""培训服务 in the browser: on the PC (1440) ask the assistant three questions (streamed, sources
cited, one hand-over), open a cited lesson, finish it; on the H5 (390) see the course's progress and
ask the assistant in its full-height sheet; the back office's cockpit counts the finished lesson."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.training.models import LessonProgress, Turn
from jmt.training.seed import seed_training_content

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]
QUESTIONS = ["水晶手链报关用什么 HS 编码？", "体积重怎么计算？", "明天连云港会下雨吗？"]


def ask(page: Page, question: str, answered: int) -> None:
    page.locator(".ant-sender textarea").fill(question)
    page.keyboard.press("Enter")
    expect(page.locator("[data-testid=assistant-answer] .jmt-answer-extras")).to_have_count(answered)


def test_ask_open_a_cited_lesson_finish_it_and_see_progress_on_the_phone(
    asgi_url, page, new_context, merchant_admin, superadmin
):
    seed_training_content()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/training/courses")
    expect(page.get_by_test_id("course-card")).to_have_count(9)
    shoot(page, "training-pc-courses")

    page.get_by_test_id("assistant-float").click()
    expect(page.get_by_test_id("assistant-panel")).to_be_visible()
    expect(page.get_by_text("当前未接入大模型")).to_be_visible()
    for n, question in enumerate(QUESTIONS, start=1):
        ask(page, question, n)
    answers = page.get_by_test_id("assistant-answer")
    expect(answers.nth(0)).to_contain_text("7116200000")
    expect(answers.nth(1).get_by_test_id("answer-sources")).to_contain_text("计费重量与体积重怎么算")
    expect(answers.nth(2)).to_contain_text("我不确定")
    expect(answers.nth(2).get_by_test_id("answer-handover")).to_contain_text("捷晶客服微信")
    shoot(page, "training-pc-assistant")
    assert Turn.objects.count() == 3

    answers.nth(1).get_by_role("link", name=re.compile("计费重量与体积重怎么算")).click()
    expect(page.get_by_role("heading", name="计费重量与体积重怎么算")).to_be_visible()
    page.get_by_role("button", name="学完本课").click()
    expect(page.get_by_test_id("lesson-completed")).to_be_visible()
    shoot(page, "training-pc-lesson-finished")
    row = LessonProgress.objects.get(user=merchant_admin)
    assert (row.lesson.slug, row.percent, row.completed_at is not None) == ("chargeable-weight", 100, True)

    phone = new_context(viewport=MOBILE).new_page()
    sign_in(phone, asgi_url, merchant_admin)
    phone.goto(f"{asgi_url}/m/training/courses")
    packing = phone.get_by_test_id("m-course").filter(has_text="易碎品包装与航空运输")
    expect(packing).to_contain_text("25%")  # one of four lessons finished
    expect(packing).to_contain_text("继续学习")
    shoot(phone, "training-h5-courses")
    packing.click()
    expect(phone.locator(".jmt-lesson-body")).to_be_visible()
    phone.locator(".adm-floating-bubble-button").click()
    phone.locator("textarea:not([readonly])").last.fill("退税需要哪些单证？")
    phone.get_by_role("button", name="发送").click()
    expect(phone.get_by_test_id("m-assistant-answer")).to_contain_text("进项发票")
    shoot(phone, "training-h5-assistant")

    admin = new_context().new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/content/training")
    expect(admin.locator("canvas").first).to_be_visible()
    expect(admin.get_by_text("完成课时", exact=True)).to_be_visible()
    shoot(admin, "training-admin-cockpit")
