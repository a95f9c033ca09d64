"""Every write of 培训服务: learning progress, the merchant's sales channels, the assistant's
questions and ratings, and the back office's courses, lessons and FAQ."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import PermissionDenied
from jmt.integrations.llm.factory import get_chat_model
from jmt.integrations.llm.port import LlmError
from jmt.training import assistant, selectors
from jmt.training.context import merchant_context
from jmt.training.errors import TrainingError
from jmt.training.models import (
    AnswerMode,
    Conversation,
    Course,
    Faq,
    Lesson,
    LessonProgress,
    MerchantChannels,
    SalesChannel,
    Turn,
)

logger = logging.getLogger("jmt.training")

COURSES_VIEW = "training:courses:view"
ASSISTANT_VIEW = "training:assistant:view"
ASSISTANT_EDIT = "training:assistant:edit"
COMPLETE_AT = 95  # a lesson read or watched to 95 % counts as finished
COURSE_FIELDS = ("slug", "library", "title", "summary", "order", "is_published")
LESSON_FIELDS = ("slug", "title", "kind", "body", "video_url", "minutes", "channel", "order", "is_published")
FAQ_FIELDS = ("question", "answer", "order", "is_published")
MODULE = "training"


def _need(actor: Actor, code: str) -> None:
    if not actor.can(code):
        raise PermissionDenied(details={"permission": code})


# --- learning progress (the person's own act) ---


@transaction.atomic
def progress_record(*, actor: Actor, lesson_id: int, percent: int, position: int) -> LessonProgress:
    """Record how far the person got. The percent never goes back (re-reading the start of a finished
    lesson does not undo it); the position is always the latest, so the lesson resumes there."""
    _need(actor, COURSES_VIEW)
    merchant = selectors.merchant_of(actor)
    lesson = selectors.lesson_get(lesson_id=lesson_id)
    now = timezone.now()
    row, _ = LessonProgress.objects.select_for_update().get_or_create(
        user=actor.user,
        merchant=merchant,
        lesson=lesson,
        defaults={"course_id": lesson.course_id, "started_at": now, "updated_at": now},
    )
    row.percent = max(row.percent, 100 if percent >= COMPLETE_AT else percent)
    row.position = position
    row.updated_at = now
    if row.percent >= 100 and row.completed_at is None:
        row.completed_at = now
    row.save()
    return row


# --- the assistant ---


@transaction.atomic
def channels_set(*, actor: Actor, channels: list[str]) -> MerchantChannels:
    _need(actor, ASSISTANT_EDIT)
    merchant = selectors.merchant_of(actor)
    unknown = [c for c in channels if c not in SalesChannel.values]
    if unknown:
        raise TrainingError.channel_unknown(unknown)
    kept = MerchantChannels.objects.select_for_update().filter(merchant=merchant).first()
    before = snapshot(kept, ("channels",))
    if kept is None:
        kept = MerchantChannels(merchant=merchant)
    kept.channels = list(dict.fromkeys(channels))
    kept.updated_at = timezone.now()
    kept.updated_by = actor.user
    kept.save()
    record(
        actor=actor,
        module=MODULE,
        action="training_channels_set",
        obj=kept,
        before=before,
        after=snapshot(kept, ("channels",)),
    )
    return kept


def _conversation(actor: Actor, conversation_id: int | None, question: str) -> Conversation:
    if conversation_id is not None:
        return selectors.conversation_get(actor=actor, conversation_id=conversation_id)
    return Conversation.objects.create(
        user=actor.user, merchant=selectors.merchant_of(actor), title=assistant.title_of(question)
    )


def sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


def assistant_ask_events(
    *, actor: Actor, question: str, conversation_id: int | None = None
) -> Iterator[dict[str, Any]]:
    """Answer one question as a sequence of events: ``meta`` (sources, mode, hints), ``delta`` (text
    pieces), ``done`` (the saved turn). With no good source the answer is 「我不确定」 and a hand-over;
    with an llm configured its words are streamed, and if it fails half-way the passages follow."""
    _need(actor, ASSISTANT_VIEW)
    started = time.perf_counter()
    with transaction.atomic():
        conversation = _conversation(actor, conversation_id, question)
    context = merchant_context(actor.merchant)
    prepared = assistant.prepare(question, context)
    model = get_chat_model() if not prepared.unsure else None
    mode = AnswerMode.UNSURE if prepared.unsure else (AnswerMode.LLM if model else AnswerMode.RETRIEVAL)
    yield {
        "event": "meta",
        "conversation_id": conversation.pk,
        "mode": mode.value,
        "mode_label": mode.label,
        "sources": assistant.sources_out(prepared.hits),
        "hints": prepared.hints,
        "ask_channels": prepared.ask_channels,
        "handover": assistant.handover() if prepared.unsure else None,
    }
    answer = ""
    if model is not None:
        history = list(conversation.turns.order_by("-created_at").values_list("question", "answer")[:3])[::-1]
        try:
            for piece in model.stream(assistant.llm_messages(prepared, history)):
                answer += piece
                yield {"event": "delta", "text": piece}
        except LlmError as exc:
            logger.warning("llm answer broke off: %s", exc)
            fallback = "\n\n（回答生成中断，以下为知识库原文。）\n\n" + assistant.retrieval_answer(prepared)
            answer += fallback
            yield {"event": "delta", "text": fallback}
    else:
        answer = assistant.retrieval_answer(prepared)
        yield {"event": "delta", "text": answer}
    with transaction.atomic():
        turn = Turn.objects.create(
            conversation=conversation,
            question=question,
            answer=answer,
            mode=mode,
            sources=assistant.sources_out(prepared.hits),
            hints=prepared.hints,
            latency_ms=round((time.perf_counter() - started) * 1000),
        )
        Conversation.objects.filter(pk=conversation.pk).update(updated_at=timezone.now())
    yield {"event": "done", "turn": turn_out(turn, ask_channels=prepared.ask_channels)}


def assistant_ask(*, actor: Actor, question: str, conversation_id: int | None = None) -> dict[str, Any]:
    done: dict[str, Any] = {}
    for event in assistant_ask_events(actor=actor, question=question, conversation_id=conversation_id):
        if event["event"] == "done":
            done = event["turn"]
    return done


def turn_out(turn: Turn, *, ask_channels: bool = False) -> dict[str, Any]:
    return {
        "id": turn.pk,
        "conversation_id": turn.conversation_id,
        "question": turn.question,
        "answer": turn.answer,
        "mode": turn.mode,
        "mode_label": AnswerMode(turn.mode).label,
        "sources": turn.sources,
        "hints": [h if isinstance(h, dict) else {"text": h, "route": "", "action": ""} for h in turn.hints],
        "ask_channels": ask_channels,
        "handover": assistant.handover() if turn.mode == AnswerMode.UNSURE else None,
        "rating": turn.rating,
        "created_at": turn.created_at,
    }


@transaction.atomic
def turn_rate(*, actor: Actor, turn_id: int, rating: int) -> Turn:
    """Thumbs up (1), down (-1) or withdrawn (0) on one of the person's own answers."""
    _need(actor, ASSISTANT_VIEW)
    turn = selectors.turn_get(actor=actor, turn_id=turn_id)
    turn.rating = rating or None
    turn.save(update_fields=["rating"])
    return turn


# --- back office: courses, lessons, FAQ ---

COVER_TYPES = {b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}
VIDEO_MAX_BYTES = 300 * 1024 * 1024
COVER_MAX_BYTES = 5 * 1024 * 1024


def _detect(file: UploadedFile, *, video: bool) -> str:
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if video:
        if head[4:8] == b"ftyp":
            return ".mp4"
        if head[:4] == b"\x1a\x45\xdf\xa3":
            return ".webm"
        raise TrainingError.file_invalid("请上传 MP4 或 WebM 格式的视频")
    for magic, ext in COVER_TYPES.items():
        if head.startswith(magic):
            return ext
    raise TrainingError.file_invalid("请上传 JPG 或 PNG 格式的封面图片")


def _check_size(file: UploadedFile, limit: int) -> None:
    if not file.size:
        raise TrainingError.file_invalid("文件为空")
    if file.size > limit:
        raise TrainingError.file_invalid(f"文件超过 {limit // (1024 * 1024)} MB")


def _apply(obj: Any, values: dict[str, Any], fields: tuple[str, ...]) -> None:
    for name in fields:
        if name in values and values[name] is not None:
            setattr(obj, name, values[name])


@transaction.atomic
def course_save(*, actor: Actor, values: dict[str, Any], course_id: int | None = None) -> Course:
    course = get_object_or_404(Course.objects.select_for_update(), pk=course_id) if course_id else Course()
    if "slug" in values and Course.objects.filter(slug=values["slug"]).exclude(pk=course.pk).exists():
        raise TrainingError.slug_taken()
    before = snapshot(course if course_id else None, COURSE_FIELDS)
    _apply(course, values, COURSE_FIELDS)
    course.updated_at = timezone.now()
    course.save()
    action = "training_course_update" if course_id else "training_course_create"
    record(actor=actor, module=MODULE, action=action, obj=course, before=before, after=snapshot(course, COURSE_FIELDS))
    return course


@transaction.atomic
def course_cover_set(*, actor: Actor, course_id: int, file: UploadedFile) -> Course:
    course = get_object_or_404(Course.objects.select_for_update(), pk=course_id)
    _check_size(file, COVER_MAX_BYTES)
    ext = _detect(file, video=False)
    before = {"cover": course.cover.name}
    course.cover.save(f"course-{course.pk}{ext}", file, save=False)
    course.updated_at = timezone.now()
    course.save()
    record(
        actor=actor,
        module=MODULE,
        action="training_course_cover",
        obj=course,
        before=before,
        after={"cover": course.cover.name},
    )
    return course


@transaction.atomic
def lesson_save(
    *, actor: Actor, values: dict[str, Any], course_id: int | None = None, lesson_id: int | None = None
) -> Lesson:
    if lesson_id:
        lesson = get_object_or_404(Lesson.objects.select_for_update(), pk=lesson_id)
    else:
        lesson = Lesson(course=get_object_or_404(Course, pk=course_id))
    if (
        "slug" in values
        and Lesson.objects.filter(course_id=lesson.course_id, slug=values["slug"]).exclude(pk=lesson.pk).exists()
    ):
        raise TrainingError.slug_taken()
    before = snapshot(lesson if lesson_id else None, LESSON_FIELDS)
    _apply(lesson, values, LESSON_FIELDS)
    lesson.updated_at = timezone.now()
    lesson.save()
    action = "training_lesson_update" if lesson_id else "training_lesson_create"
    record(actor=actor, module=MODULE, action=action, obj=lesson, before=before, after=snapshot(lesson, LESSON_FIELDS))
    return lesson


@transaction.atomic
def lesson_video_set(*, actor: Actor, lesson_id: int, file: UploadedFile) -> Lesson:
    lesson = get_object_or_404(Lesson.objects.select_for_update(), pk=lesson_id)
    _check_size(file, VIDEO_MAX_BYTES)
    ext = _detect(file, video=True)
    before = {"video_file": lesson.video_file.name, "kind": lesson.kind}
    lesson.video_file.save(f"lesson-{lesson.pk}{ext}", file, save=False)
    lesson.kind = "video"
    lesson.updated_at = timezone.now()
    lesson.save()
    after = {"video_file": lesson.video_file.name, "kind": lesson.kind}
    record(actor=actor, module=MODULE, action="training_lesson_video", obj=lesson, before=before, after=after)
    return lesson


@transaction.atomic
def faq_save(*, actor: Actor, values: dict[str, Any], faq_id: int | None = None) -> Faq:
    faq = get_object_or_404(Faq.objects.select_for_update(), pk=faq_id) if faq_id else Faq()
    before = snapshot(faq if faq_id else None, FAQ_FIELDS)
    _apply(faq, values, FAQ_FIELDS)
    faq.updated_at = timezone.now()
    faq.save()
    action = "training_faq_update" if faq_id else "training_faq_create"
    record(actor=actor, module=MODULE, action=action, obj=faq, before=before, after=snapshot(faq, FAQ_FIELDS))
    return faq


@transaction.atomic
def faq_delete(*, actor: Actor, faq_id: int) -> None:
    faq = get_object_or_404(Faq.objects.select_for_update(), pk=faq_id)
    record(
        actor=actor, module=MODULE, action="training_faq_delete", obj=faq, before=snapshot(faq, FAQ_FIELDS), after={}
    )
    faq.delete()
