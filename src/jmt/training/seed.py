"""The courses, lessons and FAQ from ``content/`` (created once, then kept by the back office), and
learning progress for the demo merchants so the training cockpit has figures. Idempotent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.training.content import course_files, faq_seed
from jmt.training.models import Course, Faq, Lesson, LessonProgress, MerchantChannels


@transaction.atomic
def seed_training_content() -> None:
    """Create the courses and lessons the content files name that do not exist yet (by slug);
    never overwrite what the back office changed. The FAQ is seeded once, when it is empty."""
    for order, data in enumerate(course_files(), start=1):
        course, _ = Course.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "library": data["library"],
                "title": data["title"],
                "summary": data.get("summary", ""),
                "order": order * 10,
            },
        )
        for lesson_order, lesson in enumerate(data["lessons"], start=1):
            Lesson.objects.get_or_create(
                course=course,
                slug=lesson["slug"],
                defaults={
                    "title": lesson["title"],
                    "body": lesson["body"],
                    "minutes": lesson.get("minutes", 5),
                    "channel": lesson.get("channel", ""),
                    "order": lesson_order * 10,
                },
            )
    if not Faq.objects.exists():
        Faq.objects.bulk_create(
            Faq(question=row["question"], answer=row["answer"], order=i * 10) for i, row in enumerate(faq_seed(), 1)
        )


def _progress(user: Any, merchant: Any, lesson: Lesson, percent: int, when: dt.datetime) -> None:
    LessonProgress.objects.get_or_create(
        user=user,
        merchant=merchant,
        lesson=lesson,
        defaults={
            "course_id": lesson.course_id,
            "percent": percent,
            "position": percent,
            "started_at": when,
            "updated_at": when,
            "completed_at": when if percent >= 100 else None,
        },
    )


@transaction.atomic
def seed_training_progress(learners: list[tuple[Any, Any]], *, channels: dict[int, list[str]]) -> None:
    """Progress for each (user, merchant) pair over the last weeks: the first courses finished, later
    ones started and left, so completion and drop-off differ per course and per lesson."""
    seed_training_content()
    now = timezone.now()
    courses = list(Course.objects.filter(is_published=True).order_by("order"))
    for n, (user, merchant) in enumerate(learners):
        for c, course in enumerate(courses[: 6 - n]):
            lessons = list(course.lessons.filter(is_published=True).order_by("order"))
            for i, lesson in enumerate(lessons):
                if c + n >= 3 and i >= len(lessons) - 1 - (c % 2):
                    break  # left the course before its last lessons
                percent = 100 if (c < 3 - n or i < len(lessons) - 2) else 40
                _progress(user, merchant, lesson, percent, now - dt.timedelta(days=28 - c * 4 - i - n * 2))
    for merchant_id, kept in channels.items():
        MerchantChannels.objects.get_or_create(merchant_id=merchant_id, defaults={"channels": kept})
