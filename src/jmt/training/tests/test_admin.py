"""The back office (EA): course and lesson maintenance, the FAQ, the cockpit and its export; videos
served with range requests."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook  # type: ignore[import-untyped]

from jmt.downloads.tests.helpers import export_file
from jmt.training.models import Course, Lesson, Turn
from jmt.training.seed import seed_training_progress
from jmt.training.tests.conftest import lesson_of

pytestmark = pytest.mark.django_db
MP4 = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 4


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def patch(api, user, path, body):
    import json

    client = api.as_user(user)
    return client.client.patch(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {client.token}"},
    )


def test_unpublishing_a_course_hides_it_from_merchants(api, superadmin, merchant_admin, content):
    course = Course.objects.get(slug="tax-refund")
    assert patch(api, superadmin, f"/admin/training/courses/{course.pk}", {"is_published": False}).status_code == 200
    ids = [c["id"] for c in api.as_user(merchant_admin).get("/training/courses").json()["items"]]
    assert course.pk not in ids
    assert api.as_user(merchant_admin).get(f"/training/courses/{course.pk}").status_code == 404


def test_a_lesson_edited_in_the_back_office_is_what_the_assistant_answers_from(
    api, superadmin, merchant_admin, content
):
    lesson = lesson_of("fx-settlement", "payout-channels")
    body = lesson.body + "\n\n## 新渠道\n示例银行跨境收款宝支持提现到东海农商行。\n"
    assert patch(api, superadmin, f"/admin/training/lessons/{lesson.pk}", {"body": body}).status_code == 200
    answer = (
        api.as_user(merchant_admin)
        .post("/training/assistant/ask", {"question": "跨境收款宝能提现到东海农商行吗"})
        .json()
    )
    assert answer["sources"][0]["key"] == f"lesson:{lesson.pk}"


def test_a_taken_lesson_slug_is_refused_in_chinese(api, superadmin, content):
    lesson = lesson_of("fx-settlement", "payout-channels")
    response = patch(api, superadmin, f"/admin/training/lessons/{lesson.pk}", {"slug": "boc-rates"})
    assert response.status_code == 422
    assert response.json()["details"]["fields"]["slug"] == "标识已被使用，请换一个"


def test_a_new_course_and_lesson_are_created_with_an_audit_entry(api, superadmin, content):
    from jmt.audit.models import OperationLog

    course = api.as_user(superadmin).post(
        "/admin/training/courses", {"slug": "shopee", "library": "industry", "title": "Shopee 入门"}
    )
    assert course.status_code == 201
    lesson = api.as_user(superadmin).post(
        f"/admin/training/courses/{course.json()['id']}/lessons",
        {"slug": "intro", "title": "开店", "body": "## 开店\n正文"},
    )
    assert lesson.status_code == 201
    assert OperationLog.objects.filter(action__in=["training_course_create", "training_lesson_create"]).count() == 2


def test_a_merchant_user_cannot_reach_the_back_office(api, merchant_admin, content):
    assert api.as_user(merchant_admin).get("/admin/training/courses").status_code == 404


def test_an_uploaded_video_is_served_whole_and_by_range(api, superadmin, merchant_admin, content, media, client):
    lesson = lesson_of("packing-air-freight", "box-in-box")
    upload = SimpleUploadedFile("demo.mp4", MP4, content_type="video/mp4")
    response = client.post(
        f"/api/v1/admin/training/lessons/{lesson.pk}/video",
        {"file": upload},
        headers={"Authorization": f"Bearer {api.as_user(superadmin).token}"},
    )
    assert response.status_code == 200
    src = api.as_user(merchant_admin).get(f"/training/lessons/{lesson.pk}").json()["video_src"]
    part = client.get(src, headers={"Range": "bytes=10-19"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 10-19/{len(MP4)}"
    assert b"".join(part.streaming_content) == MP4[10:20]
    whole = client.get(src)
    assert b"".join(whole.streaming_content) == MP4


def test_a_video_link_with_a_forged_signature_is_refused(client, content):
    lesson = lesson_of("packing-air-freight", "box-in-box")
    assert client.get(f"/api/v1/training/lessons/{lesson.pk}/video?t=1:forged").status_code == 403


def test_a_file_that_is_not_a_video_is_refused(api, superadmin, content, media, client):
    lesson = lesson_of("packing-air-freight", "box-in-box")
    response = client.post(
        f"/api/v1/admin/training/lessons/{lesson.pk}/video",
        {"file": SimpleUploadedFile("x.mp4", b"MZ not a video at all", content_type="video/mp4")},
        headers={"Authorization": f"Bearer {api.as_user(superadmin).token}"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "TRAINING_FILE_INVALID"
    assert not Lesson.objects.get(pk=lesson.pk).video_file


def test_the_cockpit_counts_completion_per_course_and_merchant(
    api, superadmin, merchant_admin, crystal_merchant, content
):
    seed_training_progress([(merchant_admin, crystal_merchant)], channels={})
    Turn.objects.create(
        conversation_id=api.as_user(merchant_admin)
        .post("/training/assistant/ask", {"question": "体积重怎么计算"})
        .json()["conversation_id"],
        question="q",
        answer="a",
        mode="retrieval",
        rating=1,
    )
    body = api.as_user(superadmin).get("/admin/training/cockpit").json()
    first = body["courses"][0]
    assert (first["learners"], first["completed"], first["completion_rate"]) == (1, 1, 1.0)
    assert body["merchants"][0]["merchant_name"] == "东海晶莹水晶"
    assert body["thumbs_up"] == 1
    assert sum(day["learners"] for day in body["learners_by_day"]) > 0
    assert body["dropoff"][0]["started"] == 1


def test_the_cockpit_exports_to_xlsx(api, superadmin, merchant_admin, crystal_merchant, content):
    seed_training_progress([(merchant_admin, crystal_merchant)], channels={})
    book = load_workbook(io.BytesIO(export_file(api.as_user(superadmin), "/admin/training/cockpit/export")))
    assert book.sheetnames == ["课程完成率", "商户完成率", "学习人数趋势", "课时流失", "智能客服评价"]
    assert book["课程完成率"]["A2"].value == "水晶商品知识与分级"


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 40), (180, 140, 220)).save(out, "PNG")
    return out.getvalue()


def _upload_cover(api, user, course):
    client = api.as_user(user)
    return client.client.post(
        f"/api/v1/admin/training/courses/{course.pk}/cover",
        {"file": SimpleUploadedFile("cover.png", _png(), content_type="image/png")},
        headers={"Authorization": f"Bearer {client.token}"},
    )


def test_the_course_list_previews_the_cover_of_an_unpublished_course(api, superadmin, content, media):
    course = Course.objects.get(slug="tax-refund")
    course.is_published = False
    course.save()
    preview = _upload_cover(api, superadmin, course).json()["cover_url"]
    listed = next(
        c for c in api.as_user(superadmin).get("/admin/training/courses").json()["items"] if c["id"] == course.pk
    )
    assert listed["cover_url"].startswith(f"/api/v1/training/courses/{course.pk}/cover-preview?token=")
    image = api.client.get(preview)
    assert image.status_code == 200
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    assert api.client.get(f"/api/v1/training/courses/{course.pk}/cover").status_code == 404


def test_a_cover_preview_link_is_refused_when_forged_or_for_another_course(api, superadmin, content, media):
    course, other = Course.objects.filter(slug__in=["tax-refund", "export-9610"]).order_by("slug")
    course.is_published = False
    course.save()
    preview = _upload_cover(api, superadmin, course).json()["cover_url"]
    token = preview.split("token=")[1]
    assert api.client.get(f"/api/v1/training/courses/{course.pk}/cover-preview?token=forged").status_code == 404
    assert api.client.get(f"/api/v1/training/courses/{other.pk}/cover-preview?token={token}").status_code == 404


def test_a_published_course_keeps_its_public_cover_link(api, superadmin, content, media):
    course = Course.objects.get(slug="tax-refund")
    assert _upload_cover(api, superadmin, course).json()["cover_url"] == f"/api/v1/training/courses/{course.pk}/cover"
