"""The courses, lessons and FAQ from ``content/`` (created once, then kept by the back office), and
learning progress and assistant conversations for the demo merchants so the training cockpit has
figures. Idempotent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.training import assistant
from jmt.training.content import course_files, faq_seed
from jmt.training.context import merchant_context
from jmt.training.models import AnswerMode, Conversation, Course, Faq, Lesson, LessonProgress, MerchantChannels, Turn


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


# What the demo learners asked the assistant: (days ago, [(question, 有用 1 / 没用 -1 / not rated None)]),
# per learner in the order ``seed_training_progress`` takes them. The last question has no source: 「我不确定」.
DEMO_CONVERSATIONS: tuple[tuple[tuple[int, tuple[tuple[str, int | None], ...]], ...], ...] = (
    (
        (26, (("9610 报关要先办哪些备案", 1), ("DXP ID 要不要自己申请", 1))),
        (17, (("体积重怎么计算", 1), ("结汇看哪个汇率", None))),
        (9, (("水晶手链报关用什么 HS 编码", -1), ("点点通接口配置在哪里修改", 1))),
        (3, (("怎么在平台上提高水晶销量", 1), ("明天连云港会下雨吗", None))),
    ),
    (
        (12, (("成员账号为什么不能提交？", 1),)),
        (5, (("工商注册核准之前能用哪些功能？", None), ("客服工作时间是什么时候？怎么联系人工客服？", 1))),
    ),
)


@transaction.atomic
def seed_assistant_conversations(learners: list[tuple[Any, Any]]) -> None:
    """Conversations with the assistant for the demo learners, answered as it answers without a
    model (knowledge-base passages, their sources and the merchant's hints), some rated 有用 or 没用."""
    now = timezone.now()
    for (user, merchant), conversations in zip(learners, DEMO_CONVERSATIONS, strict=False):
        if Conversation.objects.filter(user=user, merchant=merchant).exists():
            continue
        context = merchant_context(merchant)
        for days, turns in conversations:
            started = now - dt.timedelta(days=days, hours=2)
            conversation = Conversation.objects.create(
                user=user,
                merchant=merchant,
                title=assistant.title_of(turns[0][0]),
                created_at=started,
                updated_at=started + dt.timedelta(minutes=3 * len(turns)),
            )
            for i, (question, rating) in enumerate(turns):
                prepared = assistant.prepare(question, context)
                Turn.objects.create(
                    conversation=conversation,
                    question=question,
                    answer=assistant.retrieval_answer(prepared),
                    mode=AnswerMode.UNSURE if prepared.unsure else AnswerMode.RETRIEVAL,
                    sources=assistant.sources_out(prepared.hits),
                    hints=prepared.hints,
                    rating=None if prepared.unsure else rating,
                    latency_ms=420 + 130 * i,
                    created_at=started + dt.timedelta(minutes=3 * i),
                )
