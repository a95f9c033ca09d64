"""How the isolation and member walks build training objects (see ``jmt.rbac.tests.walk``).

Courses, lessons and the FAQ are shared content (not any merchant's); conversations and their turns
belong to the owner's user and merchant."""

from typing import Any

from jmt.training.models import Conversation, Course, Faq, Lesson, Turn


def _course(owner: Any) -> dict[str, Any]:
    course, _ = Course.objects.get_or_create(slug="walk-course", defaults={"library": "industry", "title": "走查课程"})
    return {"course_id": course.pk}


def _lesson(owner: Any) -> dict[str, Any]:
    course = Course.objects.get(pk=_course(owner)["course_id"])
    lesson, _ = Lesson.objects.get_or_create(
        course=course, slug="walk-lesson", defaults={"title": "走查课时", "body": "正文"}
    )
    return {"lesson_id": lesson.pk}


def _conversation(owner: Any) -> dict[str, Any]:
    conversation = Conversation.objects.create(user=owner.user, merchant=owner.merchant, title="走查会话")
    return {"conversation_id": conversation.pk}


def _turn(owner: Any) -> dict[str, Any]:
    conversation = Conversation.objects.get(pk=_conversation(owner)["conversation_id"])
    turn = Turn.objects.create(conversation=conversation, question="问", answer="答", mode="retrieval")
    return {"turn_id": turn.pk}


def _faq(owner: Any) -> dict[str, Any]:
    return {"faq_id": Faq.objects.create(question="问", answer="答").pk}


FACTORIES = {
    "course_id": _course,
    "lesson_id": _lesson,
    "conversation_id": _conversation,
    "turn_id": _turn,
    "faq_id": _faq,
    "key": lambda owner: {"key": "customs"},
}

# Courses and lessons are the platform's content, the same for every merchant; the progress recorded on
# a lesson is the caller's own (their user and current merchant).
SHARED_CONTENT = {
    "GET /api/v1/training/courses/{course_id}",
    "GET /api/v1/training/lessons/{lesson_id}",
    "POST /api/v1/training/lessons/{lesson_id}/progress",
}
