"""培训服务 for the merchant (``/training``): courses and lessons with the person's progress (E2),
the help pages the assistant cites, and the assistant itself (E1)."""

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from ninja import Query, Router

from jmt.core.errors import NotFound
from jmt.core.permissions import AUTHENTICATED, PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.integrations.llm.factory import get_chat_model
from jmt.training import help_pages, selectors, services
from jmt.training import schemas as s
from jmt.training.context import merchant_context
from jmt.training.errors import TrainingError
from jmt.training.models import Course, SalesChannel

router = Router(tags=["training"])
COURSES = "training:courses:view"
ASSISTANT = "training:assistant:view"
ASSISTANT_EDIT = "training:assistant:edit"
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@router.get(
    "/courses",
    response={200: s.CourseListOut, **error_responses(401, 403, 422)},
    operation_id="training_courses",
    summary="课程列表（含我的学习进度）",
)
@require(COURSES)
def courses(request: HttpRequest, query: Query[s.CourseListQuery]) -> dict[str, Any]:
    return {"items": selectors.course_list(actor=actor_of(request), library=query.library)}


@router.get(
    "/courses/{course_id}",
    response={200: s.CourseDetailOut, **error_responses(401, 403, 404)},
    operation_id="training_course",
    summary="课程详情：课时列表与进度、继续学习的课时",
)
@require(COURSES)
def course(request: HttpRequest, course_id: int) -> dict[str, Any]:
    return selectors.course_detail(actor=actor_of(request), course_id=course_id)


@router.get(
    "/courses/{course_id}/cover",
    auth=None,
    response={200: None, **error_responses(404)},
    operation_id="training_course_cover",
    summary="课程封面图片",
    openapi_extra={"responses": {200: {"description": "图片", "content": {"image/*": {}}}}},
)
@require(PUBLIC)  # course covers are published content, shown in <img>
def cover(request: HttpRequest, course_id: int) -> FileResponse:
    course = Course.objects.filter(pk=course_id, is_published=True).exclude(cover="").first()
    if course is None:
        raise NotFound()
    response = FileResponse(course.cover.open("rb"))
    response["Cache-Control"] = "public, max-age=3600"
    return response


@router.get(
    "/courses/{course_id}/cover-preview",
    auth=None,
    response={200: None, **error_responses(404)},
    operation_id="training_course_cover_preview",
    summary="未发布课程的封面预览（链接由后台课程列表签发，12 小时内有效）",
    openapi_extra={"responses": {200: {"description": "图片", "content": {"image/*": {}}}}},
)
@require(PUBLIC)  # an <img> sends no token: the signed link the back-office course list hands out is the authorisation
def cover_preview(request: HttpRequest, course_id: int, token: str) -> FileResponse:
    course = selectors.cover_preview_course(course_id=course_id, token=token)
    response = FileResponse(course.cover.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    return response


@router.get(
    "/lessons/{lesson_id}",
    response={200: s.LessonOut, **error_responses(401, 403, 404)},
    operation_id="training_lesson",
    summary="课时内容（图文或视频）与我的进度",
)
@require(COURSES)
def lesson(request: HttpRequest, lesson_id: int) -> dict[str, Any]:
    return selectors.lesson_detail(actor=actor_of(request), lesson_id=lesson_id)


@router.post(
    "/lessons/{lesson_id}/progress",
    response={200: s.LessonProgressOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="training_progress",
    summary="记录学习进度",
    description="进度只增不减，≥ 95 记为学完；位置总是最新的一次，下次从这里继续。记录在当前用户、当前商户名下。",
)
@require(AUTHENTICATED)  # the person's own learning; the service checks training:courses:view
def progress(request: HttpRequest, lesson_id: int, payload: s.ProgressIn) -> dict[str, Any]:
    row = services.progress_record(
        actor=actor_of(request), lesson_id=lesson_id, percent=payload.percent, position=payload.position
    )
    return selectors.lesson_progress_out(row)


@router.get(
    "/lessons/{lesson_id}/video",
    auth=None,
    response={200: None, 206: None, **error_responses(403, 404, 416)},
    operation_id="training_video",
    summary="课时视频（支持 Range 分段请求）",
    description="地址由课时详情的 `video_src` 给出，`t` 为有效期 6 小时的签名。",
    openapi_extra={"responses": {200: {"description": "视频", "content": {"video/mp4": {}}}}},
)
@require(PUBLIC)  # <video> cannot send the bearer token: the signed ``t`` is the credential
def video(request: HttpRequest, lesson_id: int, t: str) -> HttpResponse | StreamingHttpResponse | FileResponse:
    lesson = selectors.video_lesson_from_token(lesson_id=lesson_id, token=t)
    return ranged_file(request, lesson.video_file)


def ranged_file(request: HttpRequest, field: Any) -> HttpResponse | StreamingHttpResponse | FileResponse:
    size = field.size
    content_type = "video/webm" if field.name.endswith(".webm") else "video/mp4"
    header = request.headers.get("Range", "")
    if not header:
        whole = FileResponse(field.open("rb"), content_type=content_type)
        whole["Accept-Ranges"] = "bytes"
        return whole
    match = RANGE.match(header.strip())
    if not match or (not match.group(1) and not match.group(2)):
        raise TrainingError.range_invalid()
    if match.group(1):
        start = int(match.group(1))
        end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
    else:  # the last N bytes
        start, end = max(size - int(match.group(2)), 0), size - 1
    if start >= size or start > end:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    handle = field.open("rb")
    handle.seek(start)
    length = end - start + 1

    def chunks() -> Iterator[bytes]:
        left = length
        try:
            while left > 0:
                data = handle.read(min(64 * 1024, left))
                if not data:
                    break
                left -= len(data)
                yield data
        finally:
            handle.close()

    response = StreamingHttpResponse(chunks(), status=206, content_type=content_type)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    return response


@router.get(
    "/help/{key}",
    response={200: s.HelpOut, **error_responses(401, 403, 404)},
    operation_id="training_help",
    summary="平台帮助页（智能客服引用的出处）",
    description="`key` 为模块键（如 customs、registration、account）或 `faq-<编号>`。",
)
@require(ASSISTANT)
def help_page(request: HttpRequest, key: str) -> dict[str, Any]:
    return help_pages.page(key)


@router.get(
    "/assistant/profile",
    response={200: s.AssistantProfileOut, **error_responses(401, 403, 409)},
    operation_id="training_assistant_profile",
    summary="智能客服了解的商户情况：销售渠道、注册状态、在用模块",
)
@require(ASSISTANT)
def assistant_profile(request: HttpRequest) -> dict[str, Any]:
    actor = actor_of(request)
    context = merchant_context(selectors.merchant_of(actor))
    return {
        "channels": list(context.channels),
        "channels_asked": context.channels_asked,
        "channel_choices": [{"value": v, "label": str(label)} for v, label in SalesChannel.choices],
        "modules_in_use": context.modules_in_use(),
        "registration_approved": context.registration_approved,
        "llm_enabled": get_chat_model() is not None,
        "handover": services.assistant.handover(),
    }


@router.put(
    "/assistant/channels",
    response={200: s.AssistantProfileOut, **error_responses(401, 403, 409, 422)},
    operation_id="training_assistant_channels",
    summary="保存商户的销售渠道（问一次，记下来）",
)
@require(ASSISTANT_EDIT)
def assistant_channels(request: HttpRequest, payload: s.ChannelsIn) -> dict[str, Any]:
    services.channels_set(actor=actor_of(request), channels=payload.channels)
    return assistant_profile(request)


@router.post(
    "/assistant/ask",
    response={200: s.TurnOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="training_assistant_ask",
    summary="向智能客服提问（一次返回完整回答）",
    description="回答来自课程、平台帮助和常见问题，附出处链接；没有可靠出处时 `mode` 为 unsure，"
    "回答「我不确定」并给出人工客服。",
)
@require(AUTHENTICATED)  # the person's own conversation; the service checks training:assistant:view
def assistant_ask(request: HttpRequest, payload: s.AskIn) -> dict[str, Any]:
    return services.assistant_ask(
        actor=actor_of(request), question=payload.question.strip(), conversation_id=payload.conversation_id
    )


@router.post(
    "/assistant/ask-stream",
    response={200: None, **error_responses(401, 403, 404, 409, 422)},
    operation_id="training_assistant_ask_stream",
    summary="向智能客服提问（Server-Sent Events 流式回答）",
    description="`text/event-stream`：`event: meta`（出处、回答方式、提示）、若干 `event: delta`（`{text}`）、"
    "`event: done`（`{turn}`，已保存的问答）。",
    openapi_extra={"responses": {200: {"description": "事件流", "content": {"text/event-stream": {}}}}},
)
@require(AUTHENTICATED)  # as assistant_ask
def assistant_ask_stream(request: HttpRequest, payload: s.AskIn) -> StreamingHttpResponse:
    actor = actor_of(request)
    events = services.assistant_ask_events(
        actor=actor, question=payload.question.strip(), conversation_id=payload.conversation_id
    )
    first = next(events)  # refusals (permission, unknown conversation) raise here, before the stream starts

    def frames() -> Iterator[str]:
        yield services.sse(first.pop("event"), first)
        for event in events:
            yield services.sse(event.pop("event"), event)

    body: Iterator[str] | AsyncIterator[str] = _async(frames()) if isinstance(request, ASGIRequest) else frames()
    response = StreamingHttpResponse(body, content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"
    return response


async def _async(frames: Iterator[str]) -> AsyncIterator[str]:
    """Under ASGI a synchronous iterator would be read to the end before sending: step it in the
    sync thread one frame at a time instead, so each piece reaches the browser as it is produced."""
    done = object()
    step = sync_to_async(lambda: next(frames, done), thread_sensitive=True)
    while True:
        frame = await step()
        if frame is done:
            return
        yield str(frame)


@router.get(
    "/conversations",
    response={200: s.ConversationListOut, **error_responses(401, 403, 409)},
    operation_id="training_conversations",
    summary="我的客服会话（最近 50 个）",
)
@require(ASSISTANT)
def conversations(request: HttpRequest) -> dict[str, Any]:
    rows = selectors.conversations(actor=actor_of(request))[:50]
    return {"items": [{"id": c.pk, "title": c.title, "updated_at": c.updated_at} for c in rows]}


@router.get(
    "/conversations/{conversation_id}",
    response={200: s.ConversationDetailOut, **error_responses(401, 403, 404, 409)},
    operation_id="training_conversation",
    summary="会话详情（全部问答）",
)
@require(ASSISTANT)
def conversation(request: HttpRequest, conversation_id: int) -> dict[str, Any]:
    c = selectors.conversation_get(actor=actor_of(request), conversation_id=conversation_id)
    turns = [services.turn_out(t) for t in c.turns.order_by("created_at", "id")]
    return {"id": c.pk, "title": c.title, "updated_at": c.updated_at, "turns": turns}


@router.post(
    "/turns/{turn_id}/rating",
    response={200: s.TurnOut, **error_responses(401, 403, 404, 422)},
    operation_id="training_turn_rate",
    summary="评价一条回答（有用 / 没用）",
)
@require(AUTHENTICATED)  # the person's own rating of their own answer
def turn_rate(request: HttpRequest, turn_id: int, payload: s.RatingIn) -> dict[str, Any]:
    return services.turn_out(services.turn_rate(actor=actor_of(request), turn_id=turn_id, rating=payload.rating))
