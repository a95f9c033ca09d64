"""培训服务 in the browser: on the PC (1440) ask the assistant three questions (streamed, sources
cited, one hand-over), open a cited lesson, finish it; on the H5 (390) see the course's progress and
ask the assistant in its full-height sheet; the back office's cockpit counts the finished lesson. The
back office creates a course with a cover and a video lesson (link, then an uploaded file)."""

from __future__ import annotations

import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.training.models import Course, Lesson, LessonProgress, Turn
from jmt.training.seed import seed_training_content

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]
QUESTIONS = ["水晶手链报关用什么 HS 编码？", "体积重怎么计算？", "明天连云港会下雨吗？"]


def ask(page: Page, question: str, answered: int) -> None:
    page.locator(".ant-sender textarea").fill(question)
    page.keyboard.press("Enter")
    expect(page.locator("[data-testid=assistant-answer] .jmt-answer-extras")).to_have_count(
        answered, timeout=20_000
    )  # the first answer loads the index


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
    expect(phone.get_by_test_id("m-assistant-answer")).to_contain_text("进项发票", timeout=20_000)
    shoot(phone, "training-h5-assistant")

    admin = new_context().new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/content/training")
    expect(admin.locator("canvas").first).to_be_visible()
    expect(admin.get_by_text("完成课时", exact=True)).to_be_visible()
    shoot(admin, "training-admin-cockpit")


def test_back_office_creates_a_course_with_a_cover_and_a_video_lesson(asgi_url, page, superadmin, tmp_path):
    seed_training_content()
    taken = Course.objects.order_by("id").first()
    assert taken is not None
    cover = tmp_path / "cover.png"
    Image.new("RGB", (320, 200), (120, 90, 200)).save(cover)
    video = tmp_path / "lesson.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 4)

    sign_in(page, asgi_url, superadmin, prefix="admin.")
    page.goto(f"{asgi_url}/admin/content/training")
    page.get_by_role("tab", name="课程与课时").click()
    page.get_by_test_id("training-course-new").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("课程名称").fill("Shopee 东南亚开店")
    dialog.get_by_label("标识").fill(taken.slug)
    dialog.get_by_label("简介").fill("从注册到第一单")
    dialog.locator("input[type=file]").set_input_files(str(cover))
    dialog.get_by_role("button", name="创建课程").click()
    expect(dialog.get_by_text("标识已被使用，请换一个").first).to_be_visible()
    shoot(page, "training-admin-course-new")
    dialog.get_by_label("标识").fill("shopee-sea")
    dialog.get_by_role("button", name="创建课程").click()
    expect(dialog).to_be_hidden()
    course = Course.objects.get(slug="shopee-sea")
    assert (course.title, bool(course.cover)) == ("Shopee 东南亚开店", True)

    row = page.locator("tr.ant-table-row").filter(has_text="Shopee 东南亚开店")
    cover = row.get_by_test_id("course-cover")  # unpublished: previewed through a signed link
    expect(cover).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=cover.element_handle())
    row.locator(".ant-table-row-expand-icon").click()
    expect(page.get_by_text("这门课还没有课时")).to_be_visible()
    page.get_by_test_id("training-lesson-new").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("课时名称").fill("选品与定价")
    dialog.get_by_label("标识").fill("pick-and-price")
    dialog.get_by_text("视频", exact=True).click()
    dialog.get_by_text("外部视频链接").click()
    dialog.get_by_label("视频链接", exact=True).fill("http://example.com/v.mp4")
    dialog.get_by_role("button", name="创建课时").click()
    expect(dialog.get_by_text("请填写以 https:// 开头的链接")).to_be_visible()
    dialog.get_by_label("视频链接", exact=True).fill("https://example.com/v.mp4")
    expect(dialog.get_by_text("请填写以 https:// 开头的链接")).to_be_hidden()
    shoot(page, "training-admin-lesson-new")
    dialog.get_by_role("button", name="创建课时").click()
    expect(dialog).to_be_hidden()
    lesson = Lesson.objects.get(course=course, slug="pick-and-price")
    assert (lesson.kind, lesson.video_url) == ("video", "https://example.com/v.mp4")

    lesson_row = page.locator("tr.ant-table-row").filter(has_text="选品与定价")
    expect(lesson_row).to_contain_text("外部链接")
    lesson_row.locator("input[type=file]").set_input_files(str(video))
    expect(lesson_row).to_contain_text("已上传")
    shoot(page, "training-admin-lessons")
    lesson.refresh_from_db()
    assert lesson.video_file.name.endswith(".mp4")

    page.get_by_test_id("training-lesson-new").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("课时名称").fill("开店实拍")
    dialog.get_by_label("标识").fill("shop-tour")
    dialog.get_by_text("视频", exact=True).click()
    dialog.locator("input[type=file]").set_input_files(str(video))
    dialog.get_by_role("button", name="创建课时").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("tr.ant-table-row").filter(has_text="开店实拍")).to_contain_text("已上传")
    uploaded = Lesson.objects.get(course=course, slug="shop-tour")
    assert (uploaded.kind, uploaded.video_file.name.endswith(".mp4"), uploaded.order) == ("video", True, 2)
