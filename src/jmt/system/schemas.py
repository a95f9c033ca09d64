"""Schemas of the system parameters, the notices and the monitor."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.system.parameters import (
    AnnouncementParams,
    FxParams,
    LogArchiveParams,
    NotificationParams,
    OpeningHoursParams,
    PlatformParams,
    ShowroomParams,
)


# --- parameters ---
class SystemParameterValues(Schema):
    """The value of every group, typed (what the forms edit)."""

    platform: PlatformParams
    opening_hours: OpeningHoursParams
    announcements: AnnouncementParams
    notifications: NotificationParams
    showroom: ShowroomParams
    logs: LogArchiveParams
    fx: FxParams


class SystemParameterGroupOut(Schema):
    key: str
    title: str
    description: str
    updated_at: datetime | None
    updated_by: str | None


class SystemParametersOut(Schema):
    groups: list[SystemParameterGroupOut]
    values: SystemParameterValues


class SystemParameterSavedOut(Schema):
    group: SystemParameterGroupOut
    value: dict[str, Any]


# --- notices (public) ---
class NoticesQuery(Schema):
    surface: Literal["merchant", "admin"] = Field("merchant", description="merchant（商户端）或 admin（后台）")


class NoticeAnnouncementOut(Schema):
    id: str
    title: str
    content: str
    level: Literal["info", "warning"]
    starts_at: datetime
    ends_at: datetime


class NoticePlatformOut(Schema):
    name: str
    hotline: str
    service_wechat: str


class NoticesOut(Schema):
    now: datetime
    timezone: str = Field(examples=["Asia/Shanghai"])
    open: bool = Field(description="当前是否在营业时间内")
    hours_text: str = Field(examples=["周一至周五 08:30–12:00、13:30–17:30"])
    next_open_at: datetime | None = Field(description="非营业时间时：下一次开始营业的时间")
    closed_notice: str
    announcements: list[NoticeAnnouncementOut]
    platform: NoticePlatformOut


# --- monitor ---
class MonitorAppOut(Schema):
    version: str
    started_at: datetime
    uptime_seconds: int
    hostname: str
    pid: int
    python: str
    django: str
    debug: bool


class MonitorDatabaseOut(Schema):
    ok: bool
    vendor: str
    version: str
    size_bytes: int | None
    latency_ms: float | None


class MonitorFailedTaskOut(Schema):
    id: str
    task: str
    task_path: str
    finished_at: datetime | None
    error: str


class MonitorWorkerOut(Schema):
    worker_id: str
    hostname: str
    pid: int
    started_at: datetime
    last_seen: datetime
    online: bool


class MonitorScheduleOut(Schema):
    name: str
    title: str
    every_seconds: int
    at: str | None
    next_run_at: datetime | None
    last_enqueued_at: datetime | None


class MonitorTasksOut(Schema):
    queue_depth: int
    running: int
    failed: int
    failed_last_day: int
    succeeded: int
    recent_failures: list[MonitorFailedTaskOut]
    workers_online: int
    workers: list[MonitorWorkerOut]
    schedule: list[MonitorScheduleOut]


class MonitorRequestMinuteOut(Schema):
    minute: datetime
    count: int
    errors: int
    p95_ms: float | None
    avg_ms: float | None


class MonitorRequestsOut(Schema):
    window_minutes: int
    rate_minutes: int
    total: int
    errors: int
    rate_per_minute: float = Field(description="近 rate_minutes 分钟的平均每分钟请求数")
    error_rate: float
    p50_ms: float | None
    p95_ms: float | None
    avg_ms: float | None
    max_ms: float | None
    series: list[MonitorRequestMinuteOut]


class MonitorServerOut(Schema):
    cpu_percent: float
    cpu_count: int
    load_average: list[float]
    memory_total: int
    memory_used: int
    memory_percent: float
    process_rss: int
    disk_path: str
    disk_total: int
    disk_used: int
    disk_percent: float


class MonitorOut(Schema):
    generated_at: datetime
    app: MonitorAppOut
    database: MonitorDatabaseOut
    tasks: MonitorTasksOut
    requests: MonitorRequestsOut
    server: MonitorServerOut


class WorkQueueOut(Schema):
    key: str
    module: str = Field(description="后台菜单模块")
    title: str
    description: str
    count: int
    route: str = Field(description="办理该队列的后台页面")


class WorkbenchOut(Schema):
    queues: list[WorkQueueOut]


# --- 我的进度 (G10) ---


class ProgressStepOut(Schema):
    label: str = Field(examples=["DXP ID 申请"])
    done: bool


class ModuleProgressOut(Schema):
    key: str = Field(examples=["filings"])
    title: str = Field(examples=["跨境申报"])
    route: str = Field(examples=["/filings"])
    enabled: bool = Field(description="模块对当前商户与本人开放")
    disabled_reason: str = Field(description="未开放的原因", examples=["完成工商注册并核准通过后开放"])
    steps: list[ProgressStepOut]
    done: int
    total: int
    percent: int = Field(ge=0, le=100)
    next: str = Field(description="下一步提示", examples=["建议下一步办理「DXP ID 申请」……"])
    next_route: str = Field(description="下一步去往的页面（空为无）", examples=["/filings/dxp-id"])
    summary: str = Field(description="一句话概况", examples=["已办结 2/5 项"])


class ProgressOrderOut(Schema):
    id: int
    order_no: str
    status_label: str = Field(examples=["海关已放行"])
    tone: str = Field(description="success / processing / warning / error / default")
    created_at: datetime
    route: str = Field(examples=["/customs/orders/12"])


class ProgressOrdersOut(Schema):
    enabled: bool = Field(description="出口报关对本人开放")
    counts: dict[str, int] | None = Field(
        description="按状态的订单数：total / in_progress / problem / cleared / released / closed / cancelled"
    )
    recent: list[ProgressOrderOut]


class MyProgressOut(Schema):
    modules: list[ModuleProgressOut]
    orders: ProgressOrdersOut
