"""Schemas of the 培训服务 endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

LibraryKey = Literal["industry", "culture"]
LIBRARY_HELP = "industry 水晶行业课程库 / culture 文化差异专项课"


class CourseProgressOut(Schema):
    started: bool
    percent: int = Field(description="课程进度：各课时进度的平均值（0–100）")
    completed: bool
    lessons_completed: int
    lesson_count: int
    resume_lesson_id: int | None = Field(description="继续学习应打开的课时")


class CourseOut(Schema):
    id: int
    library: LibraryKey = Field(description=LIBRARY_HELP)
    library_label: str
    title: str
    summary: str
    cover_url: str | None
    minutes: int
    progress: CourseProgressOut


class CourseListOut(Schema):
    items: list[CourseOut]


class CourseListQuery(Schema):
    library: Literal["", "industry", "culture"] = Field("", description=LIBRARY_HELP)


class LessonProgressOut(Schema):
    started: bool
    percent: int
    position: int = Field(description="上次位置：视频为秒，图文为阅读位置（百分比）")
    completed: bool
    updated_at: datetime | None


class LessonBriefOut(Schema):
    id: int
    title: str
    kind: Literal["article", "video"]
    minutes: int
    progress: LessonProgressOut


class CourseDetailOut(CourseOut):
    lessons: list[LessonBriefOut]


class LessonOut(Schema):
    id: int
    course_id: int
    course_title: str
    title: str
    kind: Literal["article", "video"]
    minutes: int
    html: str = Field(description="正文（已转义的 HTML）")
    video_src: str | None = Field(description="视频地址：上传的视频为带签名的站内地址（支持断点续播），或外部链接")
    video_external: bool
    previous_id: int | None
    next_id: int | None
    progress: LessonProgressOut


class ProgressIn(Schema):
    percent: int = Field(ge=0, le=100, description="本次达到的进度；≥ 95 视为学完")
    position: int = Field(0, ge=0, le=10_000_000, description="当前位置：视频秒数或图文阅读百分比")


class HelpOut(Schema):
    key: str
    title: str
    html: str


class ChannelChoiceOut(Schema):
    value: str
    label: str


class AssistantProfileOut(Schema):
    channels: list[str] = Field(description="商户告诉过我们的销售渠道")
    channels_asked: bool = Field(description="是否已经问过（问过一次就不再追问）")
    channel_choices: list[ChannelChoiceOut]
    modules_in_use: list[str]
    registration_approved: bool
    llm_enabled: bool = Field(description="是否接入了大模型；未接入时回答为知识库原文摘录")
    handover: dict[str, str] = Field(description="人工客服：wechat 微信号、hours 工作时间")


class ChannelsIn(Schema):
    channels: list[str] = Field(
        max_length=10, description="tiktok / amazon / etsy / facebook / ebay / aliexpress / shopee / own_store"
    )


class AskIn(Schema):
    question: str = Field(min_length=1, max_length=500)
    conversation_id: int | None = Field(None, description="继续的会话；为空时新建会话")


class SourceOut(Schema):
    key: str
    kind: Literal["lesson", "help", "faq"]
    title: str
    url: str = Field(description="站内链接：课时或帮助页")
    heading: str
    excerpt: str


class HintOut(Schema):
    text: str = Field(examples=["您还没有申请 DXP ID：可以在「跨境申报 → DXP ID 申请」办理……"])
    route: str = Field(description="提示指向的页面（空为无）", examples=["/filings/dxp-id"])
    action: str = Field(description="指向页面的链接文字", examples=["去申请"])


class TurnOut(Schema):
    id: int
    conversation_id: int
    question: str
    answer: str
    mode: Literal["llm", "retrieval", "unsure"]
    mode_label: str
    sources: list[SourceOut]
    hints: list[HintOut] = Field(description="结合商户情况的提示（销售渠道、注册状态、跨境申报、点点通配置等）")
    ask_channels: bool = Field(description="应询问商户的销售渠道")
    handover: dict[str, str] | None = Field(description="无可靠出处时的人工客服（微信号、工作时间）")
    rating: int | None = Field(description="1 有用 / -1 没用")
    created_at: datetime


class ConversationOut(Schema):
    id: int
    title: str
    updated_at: datetime


class ConversationListOut(Schema):
    items: list[ConversationOut]


class ConversationDetailOut(ConversationOut):
    turns: list[TurnOut]


class RatingIn(Schema):
    rating: Literal[-1, 0, 1] = Field(description="1 有用 / -1 没用 / 0 撤销评价")


# --- back office ---


class AdminCourseOut(Schema):
    id: int
    slug: str
    library: LibraryKey
    library_label: str
    title: str
    summary: str
    cover_url: str | None
    order: int
    is_published: bool
    lesson_count: int
    updated_at: datetime


class AdminCourseListOut(Schema):
    items: list[AdminCourseOut]


class CourseIn(Schema):
    slug: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$", description="小写字母、数字和连字符")
    library: LibraryKey
    title: str = Field(min_length=1, max_length=100)
    summary: str = Field("", max_length=300)
    order: int = Field(0, ge=0, le=100000)
    is_published: bool = True


class CoursePatch(Schema):
    slug: str | None = Field(None, min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
    library: LibraryKey | None = None
    title: str | None = Field(None, min_length=1, max_length=100)
    summary: str | None = Field(None, max_length=300)
    order: int | None = Field(None, ge=0, le=100000)
    is_published: bool | None = None


class AdminLessonOut(Schema):
    id: int
    course_id: int
    slug: str
    title: str
    kind: Literal["article", "video"]
    body: str
    video_url: str
    has_video_file: bool
    minutes: int
    channel: str
    order: int
    is_published: bool
    updated_at: datetime


class AdminLessonListOut(Schema):
    items: list[AdminLessonOut]


class LessonIn(Schema):
    slug: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1, max_length=100)
    kind: Literal["article", "video"] = "article"
    body: str = Field("", max_length=50_000, description="正文（Markdown：## 标题、- 列表、| 表格、**加粗**）")
    video_url: str = Field("", max_length=200, pattern=r"^(https://\S+)?$", description="外部视频链接（https）")
    minutes: int = Field(5, ge=1, le=600)
    channel: Literal["", "tiktok", "amazon", "etsy", "facebook"] = ""
    order: int = Field(0, ge=0, le=100000)
    is_published: bool = True


class LessonPatch(Schema):
    slug: str | None = Field(None, min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
    title: str | None = Field(None, min_length=1, max_length=100)
    kind: Literal["article", "video"] | None = None
    body: str | None = Field(None, max_length=50_000)
    video_url: str | None = Field(None, max_length=200, pattern=r"^(https://\S+)?$")
    minutes: int | None = Field(None, ge=1, le=600)
    channel: Literal["", "tiktok", "amazon", "etsy", "facebook"] | None = None
    order: int | None = Field(None, ge=0, le=100000)
    is_published: bool | None = None


class FaqOut(Schema):
    id: int
    question: str
    answer: str
    order: int
    is_published: bool
    updated_at: datetime


class FaqListOut(Schema):
    items: list[FaqOut]


class FaqIn(Schema):
    question: str = Field(min_length=1, max_length=200)
    answer: str = Field(min_length=1, max_length=5000)
    order: int = Field(0, ge=0, le=100000)
    is_published: bool = True


class FaqPatch(Schema):
    question: str | None = Field(None, min_length=1, max_length=200)
    answer: str | None = Field(None, min_length=1, max_length=5000)
    order: int | None = Field(None, ge=0, le=100000)
    is_published: bool | None = None


class CockpitQuery(Schema):
    course_id: int | None = Field(None, description="流失分析看哪门课；为空时看第一门")
    days: int = Field(30, ge=7, le=365, description="学习人数趋势的天数")


class CourseRateOut(Schema):
    course_id: int
    title: str
    learners: int
    completed: int
    completion_rate: float = Field(description="完成人数 / 学习人数（0–1）")


class MerchantRateOut(Schema):
    merchant_id: int
    merchant_name: str
    learners: int
    lessons_completed: int
    lessons_started: int
    completion_rate: float = Field(description="已完成课时 / 已开始课时（0–1）")


class DayOut(Schema):
    day: date
    learners: int


class DropoffOut(Schema):
    lesson_id: int
    title: str
    started: int
    completed: int


class CockpitOut(Schema):
    learners: int
    lessons_completed: int
    courses_completed: int
    answers: int
    thumbs_up: int
    thumbs_down: int
    unsure: int
    courses: list[CourseRateOut]
    merchants: list[MerchantRateOut]
    learners_by_day: list[DayOut]
    dropoff_course_id: int | None
    dropoff: list[DropoffOut]
