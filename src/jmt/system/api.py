"""Health of the service and the home page's blocks."""

import time
from datetime import timedelta
from typing import Any

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from jmt.core.permissions import AUTHENTICATED, PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.system import home as home_sources
from jmt.system import progress as progress_sources
from jmt.system import selectors
from jmt.system.models import WorkerHeartbeat
from jmt.system.schemas import MyProgressOut, NoticesOut, NoticesQuery

health_router = Router(tags=["system"])
home_router = Router(tags=["home"])
notices_router = Router(tags=["system"])

WORKER_STALE_AFTER = timedelta(seconds=30)
HOME_FEED_LIMIT = 20


class DatabaseHealth(Schema):
    ok: bool
    vendor: str
    latency_ms: float


class WorkerHealth(Schema):
    ok: bool
    workers: int = Field(description="30 秒内有心跳的任务进程数")
    last_seen: str | None
    queue_depth: int = Field(description="待执行的任务数")


class HealthOut(Schema):
    status: str = Field(examples=["ok"], description="ok 或 degraded")
    database: DatabaseHealth
    worker: WorkerHealth


@health_router.get(
    "",
    response={200: HealthOut, 503: HealthOut},
    auth=None,
    operation_id="system_health",
    summary="健康检查：数据库与任务进程",
)
@require(PUBLIC)
def health(request: HttpRequest) -> Status[dict[str, Any]]:
    from django_tasks_db.models import DBTaskResult

    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        db_ok = True
    except Exception:  # a health check reports, it does not raise
        db_ok = False
    database = {
        "ok": db_ok,
        "vendor": connection.vendor,
        "latency_ms": round((time.perf_counter() - started) * 1000, 2),
    }
    worker: dict[str, Any] = {"ok": False, "workers": 0, "last_seen": None, "queue_depth": 0}
    if db_ok:
        fresh = WorkerHeartbeat.objects.filter(last_seen__gte=timezone.now() - WORKER_STALE_AFTER)
        latest = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
        worker = {
            "ok": fresh.exists(),
            "workers": fresh.count(),
            "last_seen": latest.isoformat() if latest else None,
            "queue_depth": DBTaskResult.objects.filter(status="READY").count(),
        }
    healthy = db_ok and worker["ok"]
    return Status(
        200 if healthy else 503,
        {"status": "ok" if healthy else "degraded", "database": database, "worker": worker},
    )


class Money(Schema):
    amount: str
    currency: str


class BalanceOut(Schema):
    amount: str
    currency: str
    updated_at: str
    frozen: str | None = Field(default=None, description="结汇中金额（有结汇中的申请时）")


class FeedEntryOut(Schema):
    id: str
    title: str
    module: str
    route: str
    created_at: str


class TodoOut(Schema):
    module: str
    key: str
    title: str
    count: int
    route: str


class HomeOut(Schema):
    feed: list[FeedEntryOut]
    todos: list[TodoOut]
    balance: BalanceOut | None


@home_router.get("", response=HomeOut, operation_id="home_get", summary="首页：业务动态、待办与余额")
@require(AUTHENTICATED)
def home(request: HttpRequest) -> dict[str, Any]:
    # Feed, to-dos and the balance come from the sources every module registers (jmt.system.home):
    # the workflow graphs, customs, 收结汇 (the USD sub-account).
    actor = actor_of(request)
    return {
        "feed": home_sources.feed(actor=actor, limit=HOME_FEED_LIMIT),
        "todos": home_sources.todos(actor=actor),
        "balance": home_sources.balance(actor=actor),
    }


@home_router.get(
    "/progress",
    response={200: MyProgressOut, **error_responses(401, 404)},
    operation_id="home_progress",
    summary="我的进度：各模块已完成的步骤、下一步提示与最近订单",
)
@require(AUTHENTICATED)
def my_progress(request: HttpRequest) -> dict[str, Any]:
    return progress_sources.my_progress(actor=actor_of(request))


@notices_router.get(
    "/notices",
    response=NoticesOut,
    auth=None,
    operation_id="system_notices",
    summary="营业状态与生效中的维护公告",
    description="商户端（PC、H5）与后台顶部的提示：当前是否营业（北京时间）、下一次营业时间、"
    "生效中的维护公告（按 `surface` 的展示范围）以及客服联系方式。无需登录。",
)
@require(PUBLIC)
def notices(request: HttpRequest, query: Query[NoticesQuery]) -> dict[str, Any]:
    return selectors.notices(surface=query.surface)
