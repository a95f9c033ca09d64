"""Every read of 培训服务, scoped by the actor: courses and lessons (published ones for merchants),
the person's own progress for the current merchant, their own conversations."""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.db.models import QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.training.errors import TrainingError
from jmt.training.markup import to_html
from jmt.training.models import Conversation, Course, Faq, Lesson, LessonKind, LessonProgress, Turn

VIDEO_SALT = "training.video"
VIDEO_LINK_SECONDS = 6 * 3600


def merchant_of(actor: Actor) -> Any:
    if actor.merchant is None:
        raise TrainingError.no_merchant()
    return actor.merchant


def published_courses(*, library: str = "") -> QuerySet[Course]:
    courses = Course.objects.filter(is_published=True).order_by("order", "id")
    return courses.filter(library=library) if library else courses


def course_get(*, course_id: int) -> Course:
    course = Course.objects.filter(pk=course_id, is_published=True).first()
    if course is None:
        raise NotFound()
    return course


def lesson_get(*, lesson_id: int) -> Lesson:
    lesson = (
        Lesson.objects.filter(pk=lesson_id, is_published=True, course__is_published=True)
        .select_related("course")
        .first()
    )
    if lesson is None:
        raise NotFound()
    return lesson


def published_lessons(course: Course) -> list[Lesson]:
    return list(course.lessons.filter(is_published=True).order_by("order", "id"))


def progress_map(*, actor: Actor, course_ids: list[int] | None = None) -> dict[int, LessonProgress]:
    """The actor's own progress for the current merchant, by lesson id."""
    rows = LessonProgress.objects.filter(user=actor.user, merchant=merchant_of(actor))
    if course_ids is not None:
        rows = rows.filter(course_id__in=course_ids)
    return {row.lesson_id: row for row in rows}


def lesson_progress_out(row: LessonProgress | None) -> dict[str, Any]:
    if row is None:
        return {"started": False, "percent": 0, "position": 0, "completed": False, "updated_at": None}
    return {
        "started": True,
        "percent": row.percent,
        "position": row.position,
        "completed": row.completed_at is not None,
        "updated_at": row.updated_at,
    }


def course_progress(lessons: list[Lesson], progress: dict[int, LessonProgress]) -> dict[str, Any]:
    """Percent is the mean of the lessons' percents; the resume lesson is the last one touched that is
    not finished, else the first one not started."""
    rows = [progress.get(lesson.pk) for lesson in lessons]
    done = sum(1 for row in rows if row is not None and row.completed_at is not None)
    percent = round(sum(row.percent for row in rows if row is not None) / len(lessons)) if lessons else 0
    open_rows = [row for row in rows if row is not None and row.completed_at is None]
    resume: Lesson | None = None
    if open_rows:
        latest = max(open_rows, key=lambda row: row.updated_at)
        resume = next(lesson for lesson in lessons if lesson.pk == latest.lesson_id)
    else:
        resume = next((lesson for lesson, row in zip(lessons, rows, strict=True) if row is None), None)
    return {
        "started": any(row is not None for row in rows),
        "percent": percent,
        "completed": bool(lessons) and done == len(lessons),
        "lessons_completed": done,
        "lesson_count": len(lessons),
        "resume_lesson_id": resume.pk if resume else None,
    }


def cover_url(course: Course) -> str | None:
    return f"/api/v1/training/courses/{course.pk}/cover" if course.cover else None


COVER_PREVIEW_SALT = "training.cover-preview"
COVER_PREVIEW_SECONDS = 12 * 3600


def cover_preview_url(course: Course) -> str | None:
    """The cover for the back office's <img>: the public one once published; before that a signed link
    (the image tag sends no token), valid for this cover file only and for half a day."""
    if not course.cover or course.is_published:
        return cover_url(course)
    token = signing.dumps({"course": course.pk, "file": course.cover.name}, salt=COVER_PREVIEW_SALT)
    return f"/api/v1/training/courses/{course.pk}/cover-preview?token={token}"


def cover_preview_course(*, course_id: int, token: str) -> Course:
    try:
        value = signing.loads(token, salt=COVER_PREVIEW_SALT, max_age=COVER_PREVIEW_SECONDS)
    except signing.BadSignature as exc:
        raise NotFound() from exc
    course = Course.objects.filter(pk=course_id).exclude(cover="").first()
    if course is None or value != {"course": course.pk, "file": course.cover.name}:
        raise NotFound()
    return course


def course_out(course: Course, lessons: list[Lesson], progress: dict[int, LessonProgress]) -> dict[str, Any]:
    return {
        "id": course.pk,
        "library": course.library,
        "library_label": course.get_library_display(),
        "title": course.title,
        "summary": course.summary,
        "cover_url": cover_url(course),
        "minutes": sum(lesson.minutes for lesson in lessons),
        "progress": course_progress(lessons, progress),
    }


def course_list(*, actor: Actor, library: str = "") -> list[dict[str, Any]]:
    courses = list(published_courses(library=library).prefetch_related("lessons"))
    progress = progress_map(actor=actor, course_ids=[c.pk for c in courses])
    result = []
    for course in courses:
        lessons = sorted((lsn for lsn in course.lessons.all() if lsn.is_published), key=lambda x: (x.order, x.pk))
        result.append(course_out(course, lessons, progress))
    return result


def course_detail(*, actor: Actor, course_id: int) -> dict[str, Any]:
    course = course_get(course_id=course_id)
    lessons = published_lessons(course)
    progress = progress_map(actor=actor, course_ids=[course.pk])
    out = course_out(course, lessons, progress)
    out["lessons"] = [
        {
            "id": lesson.pk,
            "title": lesson.title,
            "kind": lesson.kind,
            "minutes": lesson.minutes,
            "progress": lesson_progress_out(progress.get(lesson.pk)),
        }
        for lesson in lessons
    ]
    return out


def video_token(*, actor: Actor, lesson: Lesson) -> str:
    return signing.TimestampSigner(salt=VIDEO_SALT).sign(f"{actor.user.pk}:{lesson.pk}")


def video_lesson_from_token(*, lesson_id: int, token: str) -> Lesson:
    try:
        value = signing.TimestampSigner(salt=VIDEO_SALT).unsign(token, max_age=VIDEO_LINK_SECONDS)
    except signing.BadSignature as exc:
        raise TrainingError.video_link_invalid() from exc
    if value.split(":")[-1] != str(lesson_id):
        raise TrainingError.video_link_invalid()
    lesson = lesson_get(lesson_id=lesson_id)
    if not lesson.video_file:
        raise NotFound()
    return lesson


def lesson_detail(*, actor: Actor, lesson_id: int) -> dict[str, Any]:
    lesson = lesson_get(lesson_id=lesson_id)
    lessons = published_lessons(lesson.course)
    row = progress_map(actor=actor, course_ids=[lesson.course_id]).get(lesson.pk)
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    video_src = None
    if lesson.kind == LessonKind.VIDEO:
        if lesson.video_file:
            video_src = f"/api/v1/training/lessons/{lesson.pk}/video?t={video_token(actor=actor, lesson=lesson)}"
        else:
            video_src = lesson.video_url or None
    return {
        "id": lesson.pk,
        "course_id": lesson.course_id,
        "course_title": lesson.course.title,
        "title": lesson.title,
        "kind": lesson.kind,
        "minutes": lesson.minutes,
        "html": to_html(lesson.body),
        "video_src": video_src,
        "video_external": lesson.kind == LessonKind.VIDEO and not lesson.video_file and bool(lesson.video_url),
        "previous_id": lessons[index - 1].pk if index > 0 else None,
        "next_id": lessons[index + 1].pk if index + 1 < len(lessons) else None,
        "progress": lesson_progress_out(row),
    }


def faq_get(*, faq_id: int) -> Faq:
    faq = Faq.objects.filter(pk=faq_id, is_published=True).first()
    if faq is None:
        raise NotFound()
    return faq


def conversations(*, actor: Actor) -> QuerySet[Conversation]:
    return Conversation.objects.filter(user=actor.user, merchant=merchant_of(actor)).order_by("-updated_at", "-id")


def conversation_get(*, actor: Actor, conversation_id: int) -> Conversation:
    conversation = conversations(actor=actor).filter(pk=conversation_id).first()
    if conversation is None:
        raise NotFound()
    return conversation


def turn_get(*, actor: Actor, turn_id: int) -> Turn:
    turn = Turn.objects.filter(pk=turn_id, conversation__in=conversations(actor=actor)).first()
    if turn is None:
        raise NotFound()
    return turn
