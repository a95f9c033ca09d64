"""培训 courses and lessons in the global search: by course or lesson title, also by full pinyin and
initials (「fx」, 「tuishui」 → 出口退税入门), matched in memory over the few titles there are.

Courses belong to no merchant: merchants (with 课程学习) find only published courses and the published
lessons of published courses (``training.selectors``); back-office users with 培训管理 find every
course and lesson, published or not, each marked as such.
"""

from __future__ import annotations

from collections.abc import Iterable

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import match
from jmt.training import selectors
from jmt.training.api import COURSES
from jmt.training.api_admin import VIEW as ADMIN_VIEW
from jmt.training.models import Course, Lesson

ADMIN_ROUTE = "/content/training"


def _hits(courses: Iterable[Course], lessons: Iterable[Lesson], query: Query, *, admin: bool) -> list[Hit]:
    hits: list[Hit] = []
    for course in courses:
        found = match(course.title, query.text)
        if found is None:
            continue
        state = "" if course.is_published or not admin else " · 未发布"
        hits.append(
            Hit(
                title=course.title,
                subtitle=f"课程 · {course.get_library_display()}{state}",
                route=ADMIN_ROUTE if admin else f"/training/courses/{course.pk}",
                spans=found.spans,
                score=found.score + 1,  # a course before its lessons of the same match
            )
        )
    for lesson in lessons:
        found = match(lesson.title, query.text)
        if found is None:
            continue
        state = "" if lesson.is_published or not admin else " · 未发布"
        hits.append(
            Hit(
                title=lesson.title,
                subtitle=f"课时 · {lesson.course.title}{state}",
                route=ADMIN_ROUTE if admin else f"/training/courses/{lesson.course_id}?lesson={lesson.pk}",
                spans=found.spans,
                score=found.score,
            )
        )
    return hits


def merchant_training(*, actor: Actor, query: Query) -> list[Hit]:
    if actor.merchant is None or not actor.can(COURSES):
        return []
    courses = list(selectors.published_courses())
    lessons = Lesson.objects.filter(course__in=courses, is_published=True).select_related("course")
    return _hits(courses, lessons, query, admin=False)


def admin_training(*, actor: Actor, query: Query) -> list[Hit]:
    if not actor.can(ADMIN_VIEW):
        return []
    return _hits(Course.objects.all(), Lesson.objects.select_related("course"), query, admin=True)


register(Provider("training.courses", "培训课程", Surface.MERCHANT, merchant_training, order=60))
register(Provider("training.courses.admin", "培训课程", Surface.ADMIN, admin_training, order=60))
