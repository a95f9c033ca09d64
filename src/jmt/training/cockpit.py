"""The training cockpit (EA): completion per course and per merchant, learners over time, drop-off
per lesson, and the assistant's ratings — all within the back-office user's data scope."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from jmt.core.auth import Actor
from jmt.merchants.models import Merchant
from jmt.rbac.scope import merchants_visible
from jmt.training.models import AnswerMode, Course, LessonProgress, Turn

VIEW = "content:training:view"


def _progress(actor: Actor) -> Any:
    return LessonProgress.objects.filter(merchants_visible(actor, VIEW))


def course_rates(actor: Actor) -> list[dict[str, Any]]:
    rows = _progress(actor)
    result = []
    for course in Course.objects.order_by("order", "id"):
        lesson_ids = list(course.lessons.filter(is_published=True).values_list("pk", flat=True))
        learners = rows.filter(course=course).values("user_id", "merchant_id").distinct().count()
        finished = (
            rows.filter(course=course, lesson_id__in=lesson_ids, completed_at__isnull=False)
            .values("user_id", "merchant_id")
            .annotate(n=Count("lesson_id"))
            .filter(n=len(lesson_ids))
            .count()
            if lesson_ids
            else 0
        )
        result.append(
            {
                "course_id": course.pk,
                "title": course.title,
                "learners": learners,
                "completed": finished,
                "completion_rate": round(finished / learners, 4) if learners else 0.0,
            }
        )
    return result


def merchant_rates(actor: Actor) -> list[dict[str, Any]]:
    stats = (
        _progress(actor)
        .values("merchant_id")
        .annotate(
            learners=Count("user_id", distinct=True),
            started=Count("id"),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
        )
        .order_by("-started")
    )
    names = {m.pk: m.display_name for m in Merchant.objects.filter(pk__in=[row["merchant_id"] for row in stats])}
    return [
        {
            "merchant_id": row["merchant_id"],
            "merchant_name": names.get(row["merchant_id"], ""),
            "learners": row["learners"],
            "lessons_started": row["started"],
            "lessons_completed": row["completed"],
            "completion_rate": round(row["completed"] / row["started"], 4) if row["started"] else 0.0,
        }
        for row in stats
    ]


def learners_by_day(actor: Actor, days: int) -> list[dict[str, Any]]:
    today = timezone.localdate()
    since = today - dt.timedelta(days=days - 1)
    counts = dict(
        _progress(actor)
        .filter(updated_at__date__gte=since)
        .annotate(day=TruncDate("updated_at"))
        .values("day")
        .annotate(n=Count("user_id", distinct=True))
        .values_list("day", "n")
    )
    return [
        {"day": since + dt.timedelta(days=i), "learners": counts.get(since + dt.timedelta(days=i), 0)}
        for i in range(days)
    ]


def dropoff(actor: Actor, course_id: int | None) -> tuple[int | None, list[dict[str, Any]]]:
    course = (
        Course.objects.filter(pk=course_id).first() if course_id else Course.objects.order_by("order", "id").first()
    )
    if course is None:
        return None, []
    rows = _progress(actor).filter(course=course)
    stats = {
        row["lesson_id"]: row
        for row in rows.values("lesson_id").annotate(
            started=Count("id"), completed=Count("id", filter=Q(completed_at__isnull=False))
        )
    }
    lessons = course.lessons.filter(is_published=True).order_by("order", "id")
    return course.pk, [
        {
            "lesson_id": lesson.pk,
            "title": lesson.title,
            "started": stats.get(lesson.pk, {}).get("started", 0),
            "completed": stats.get(lesson.pk, {}).get("completed", 0),
        }
        for lesson in lessons
    ]


def cockpit(actor: Actor, *, course_id: int | None = None, days: int = 30) -> dict[str, Any]:
    progress = _progress(actor)
    turns = Turn.objects.filter(merchants_visible(actor, VIEW, field="conversation__merchant"))
    ratings = turns.aggregate(
        answers=Count("id"),
        up=Count("id", filter=Q(rating=1)),
        down=Count("id", filter=Q(rating=-1)),
        unsure=Count("id", filter=Q(mode=AnswerMode.UNSURE)),
    )
    courses = course_rates(actor)
    dropoff_course, dropoff_rows = dropoff(actor, course_id)
    return {
        "learners": progress.values("user_id", "merchant_id").distinct().count(),
        "lessons_completed": progress.filter(completed_at__isnull=False).count(),
        "courses_completed": sum(row["completed"] for row in courses),
        "answers": ratings["answers"],
        "thumbs_up": ratings["up"],
        "thumbs_down": ratings["down"],
        "unsure": ratings["unsure"],
        "courses": courses,
        "merchants": merchant_rates(actor),
        "learners_by_day": learners_by_day(actor, days),
        "dropoff_course_id": dropoff_course,
        "dropoff": dropoff_rows,
    }


def export_xlsx(actor: Actor) -> bytes:
    data = cockpit(actor)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    percent = book.add_format({"num_format": "0.0%"})

    def sheet(name: str, headers: list[str], rows: list[list[Any]], percent_col: int | None = None) -> None:
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, headers, bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                ws.write(r, c, value, percent if c == percent_col else None)
        ws.set_column(0, len(headers) - 1, 18)

    sheet(
        "课程完成率",
        ["课程", "学习人数", "完成人数", "完成率"],
        [[r["title"], r["learners"], r["completed"], r["completion_rate"]] for r in data["courses"]],
        3,
    )
    sheet(
        "商户完成率",
        ["商户", "学习人数", "已开始课时", "已完成课时", "完成率"],
        [
            [r["merchant_name"], r["learners"], r["lessons_started"], r["lessons_completed"], r["completion_rate"]]
            for r in data["merchants"]
        ],
        4,
    )
    sheet("学习人数趋势", ["日期", "学习人数"], [[str(r["day"]), r["learners"]] for r in data["learners_by_day"]])
    drop_rows = []
    for course in data["courses"]:
        _, rows = dropoff(actor, course["course_id"])
        drop_rows += [[course["title"], r["title"], r["started"], r["completed"]] for r in rows]
    sheet("课时流失", ["课程", "课时", "开始人数", "完成人数"], drop_rows)
    sheet(
        "智能客服评价",
        ["回答数", "有用", "没用", "无可靠出处"],
        [[data["answers"], data["thumbs_up"], data["thumbs_down"], data["unsure"]]],
    )
    book.close()
    return buffer.getvalue()
