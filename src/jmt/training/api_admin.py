"""Back office of 培训服务 at /api/v1/admin/training (EA): courses, lessons, FAQ, and the cockpit."""

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.downloads.schemas import DownloadOut, download_out
from jmt.downloads.services import download_create
from jmt.training import cockpit, services
from jmt.training import schemas as s
from jmt.training.downloads import COCKPIT
from jmt.training.models import Course, Faq, Lesson
from jmt.training.selectors import cover_preview_url

router = Router(tags=["training-admin"])
VIEW = "content:training:view"
EDIT = "content:training:edit"


def course_out(course: Course, lesson_count: int | None = None) -> dict[str, Any]:
    return {
        "id": course.pk,
        "slug": course.slug,
        "library": course.library,
        "library_label": course.get_library_display(),
        "title": course.title,
        "summary": course.summary,
        "cover_url": cover_preview_url(course),
        "order": course.order,
        "is_published": course.is_published,
        "lesson_count": lesson_count if lesson_count is not None else course.lessons.count(),
        "updated_at": course.updated_at,
    }


def lesson_out(lesson: Lesson) -> dict[str, Any]:
    return {
        "id": lesson.pk,
        "course_id": lesson.course_id,
        "slug": lesson.slug,
        "title": lesson.title,
        "kind": lesson.kind,
        "body": lesson.body,
        "video_url": lesson.video_url,
        "has_video_file": bool(lesson.video_file),
        "minutes": lesson.minutes,
        "channel": lesson.channel,
        "order": lesson.order,
        "is_published": lesson.is_published,
        "updated_at": lesson.updated_at,
    }


def faq_out(faq: Faq) -> dict[str, Any]:
    return {
        "id": faq.pk,
        "question": faq.question,
        "answer": faq.answer,
        "order": faq.order,
        "is_published": faq.is_published,
        "updated_at": faq.updated_at,
    }


@router.get(
    "/courses",
    response={200: s.AdminCourseListOut, **error_responses(401, 403, 404)},
    operation_id="training_admin_courses",
    summary="课程列表（含未发布）",
)
@require(VIEW)
def courses(request: HttpRequest) -> dict[str, Any]:
    rows = Course.objects.annotate(n=Count("lessons")).order_by("order", "id")
    return {"items": [course_out(c, c.n) for c in rows]}


@router.post(
    "/courses",
    response={201: s.AdminCourseOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_course_create",
    summary="新建课程",
)
@require(EDIT)
def course_create(request: HttpRequest, payload: s.CourseIn) -> Status[dict[str, Any]]:
    return Status(201, course_out(services.course_save(actor=actor_of(request), values=payload.dict())))


@router.patch(
    "/courses/{course_id}",
    response={200: s.AdminCourseOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_course_update",
    summary="修改课程（排序、发布 / 下架等）",
)
@require(EDIT)
def course_update(request: HttpRequest, course_id: int, payload: s.CoursePatch) -> dict[str, Any]:
    values = payload.dict(exclude_unset=True)
    return course_out(services.course_save(actor=actor_of(request), values=values, course_id=course_id))


@router.post(
    "/courses/{course_id}/cover",
    response={200: s.AdminCourseOut, **error_responses(401, 403, 404, 413, 422)},
    operation_id="training_admin_course_cover",
    summary="上传课程封面（JPG / PNG，≤ 5 MB）",
)
@require(EDIT)
def course_cover(request: HttpRequest, course_id: int, file: File[UploadedFile]) -> dict[str, Any]:
    return course_out(services.course_cover_set(actor=actor_of(request), course_id=course_id, file=file))


@router.get(
    "/courses/{course_id}/lessons",
    response={200: s.AdminLessonListOut, **error_responses(401, 403, 404)},
    operation_id="training_admin_lessons",
    summary="课程的课时（含未发布）",
)
@require(VIEW)
def lessons(request: HttpRequest, course_id: int) -> dict[str, Any]:
    course = get_object_or_404(Course, pk=course_id)
    return {"items": [lesson_out(lesson) for lesson in course.lessons.order_by("order", "id")]}


@router.post(
    "/courses/{course_id}/lessons",
    response={201: s.AdminLessonOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_lesson_create",
    summary="新建课时",
)
@require(EDIT)
def lesson_create(request: HttpRequest, course_id: int, payload: s.LessonIn) -> Status[dict[str, Any]]:
    get_object_or_404(Course, pk=course_id)
    lesson = services.lesson_save(actor=actor_of(request), values=payload.dict(), course_id=course_id)
    return Status(201, lesson_out(lesson))


@router.patch(
    "/lessons/{lesson_id}",
    response={200: s.AdminLessonOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_lesson_update",
    summary="修改课时（正文、排序、发布 / 下架等）",
)
@require(EDIT)
def lesson_update(request: HttpRequest, lesson_id: int, payload: s.LessonPatch) -> dict[str, Any]:
    values = payload.dict(exclude_unset=True)
    return lesson_out(services.lesson_save(actor=actor_of(request), values=values, lesson_id=lesson_id))


@router.post(
    "/lessons/{lesson_id}/video",
    response={200: s.AdminLessonOut, **error_responses(401, 403, 404, 413, 422)},
    operation_id="training_admin_lesson_video",
    summary="上传课时视频（MP4 / WebM）",
)
@require(EDIT)
def lesson_video(request: HttpRequest, lesson_id: int, file: File[UploadedFile]) -> dict[str, Any]:
    return lesson_out(services.lesson_video_set(actor=actor_of(request), lesson_id=lesson_id, file=file))


@router.get(
    "/faqs",
    response={200: s.FaqListOut, **error_responses(401, 403, 404)},
    operation_id="training_admin_faqs",
    summary="常见问题（智能客服的知识来源之一）",
)
@require(VIEW)
def faqs(request: HttpRequest) -> dict[str, Any]:
    return {"items": [faq_out(f) for f in Faq.objects.order_by("order", "id")]}


@router.post(
    "/faqs",
    response={201: s.FaqOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_faq_create",
    summary="新增常见问题",
)
@require(EDIT)
def faq_create(request: HttpRequest, payload: s.FaqIn) -> Status[dict[str, Any]]:
    return Status(201, faq_out(services.faq_save(actor=actor_of(request), values=payload.dict())))


@router.patch(
    "/faqs/{faq_id}",
    response={200: s.FaqOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_faq_update",
    summary="修改常见问题",
)
@require(EDIT)
def faq_update(request: HttpRequest, faq_id: int, payload: s.FaqPatch) -> dict[str, Any]:
    values = payload.dict(exclude_unset=True)
    return faq_out(services.faq_save(actor=actor_of(request), values=values, faq_id=faq_id))


@router.delete(
    "/faqs/{faq_id}",
    response={204: None, **error_responses(401, 403, 404)},
    operation_id="training_admin_faq_delete",
    summary="删除常见问题",
)
@require(EDIT)
def faq_delete(request: HttpRequest, faq_id: int) -> Status[None]:
    services.faq_delete(actor=actor_of(request), faq_id=faq_id)
    return Status(204, None)


@router.get(
    "/cockpit",
    response={200: s.CockpitOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_admin_cockpit",
    summary="培训驾驶舱：课程与商户完成率、学习人数趋势、课时流失、客服评价",
)
@require(VIEW)
def cockpit_view(request: HttpRequest, query: Query[s.CockpitQuery]) -> dict[str, Any]:
    return cockpit.cockpit(actor_of(request), course_id=query.course_id, days=query.days)


@router.post(
    "/cockpit/export",
    response={202: DownloadOut, **error_responses(401, 403, 404)},
    operation_id="training_admin_cockpit_export",
    summary="导出培训驾驶舱（xlsx）：加入下载中心",
)
@require(VIEW)
def cockpit_export(request: HttpRequest) -> Status[dict[str, Any]]:
    download = download_create(actor=actor_of(request), kind=COCKPIT, params={}, file_format="xlsx")
    return Status(202, download_out(download))
