"""Periodic tasks: django-tasks has no scheduler, so the task workers enqueue what is due.

Every ``manage.py worker`` ticks (at start, then every ``SCHEDULER_TICK_SECONDS``): for each entry of
:data:`SCHEDULE` it locks that entry's :class:`PeriodicTaskState` row (``select_for_update``; on
SQLite the IMMEDIATE transaction does the same), and if the entry is due it enqueues the task and
moves ``next_run_at`` forward in the same transaction. However many workers tick at once, a due task
is enqueued once; the enqueued task then runs on whichever worker picks it up. An entry whose last
task has not started yet is not enqueued again (no pile-up while the workers are down or busy).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from jmt.system.models import PeriodicTaskState

logger = logging.getLogger("jmt.system.scheduler")

ZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Periodic:
    name: str
    task: str  # dotted path of a django-tasks ``@task``
    every: timedelta
    at: time | None = None  # for daily entries: the local (Asia/Shanghai) time of day
    title: str = ""

    def next_after(self, moment: datetime) -> datetime:
        if self.at is None:
            return moment + self.every
        local = moment.astimezone(ZONE)
        candidate = datetime.combine(local.date(), self.at, tzinfo=ZONE)
        while candidate <= local:
            candidate += self.every
        return candidate

    def first_run(self, moment: datetime) -> datetime:
        return moment if self.at is None else self.next_after(moment)


SCHEDULE: tuple[Periodic, ...] = (
    Periodic(
        "audit.archive_operation_logs",
        "jmt.audit.tasks.archive_operation_logs",
        timedelta(days=1),
        at=time(3, 0),
        title="归档过期操作日志",
    ),
    Periodic(
        "system.prune_runtime_rows",
        "jmt.system.tasks.prune_runtime_rows",
        timedelta(hours=1),
        title="清理过期的请求统计与心跳",
    ),
    Periodic(
        "customs.summary_reminders",
        "jmt.customs.tasks.customs_summary_reminders",
        timedelta(days=1),
        at=time(9, 0),
        title="提醒商户在 15 日前提交上月汇总申请",
    ),
    Periodic(
        "fx.rate_snapshots",
        "jmt.fx.tasks.fx_rate_snapshots",
        timedelta(minutes=10),
        title="抓取汇率快照（营业时间内每 10 分钟）并检查汇率提醒",
    ),
    Periodic(
        "logistics.tracking_poll",
        "jmt.logistics.tasks.logistics_tracking_poll",
        timedelta(minutes=1),
        title="查询在途物流运单的最新轨迹",
    ),
    Periodic(
        "notifications.sync_wechat_followers",
        "jmt.notifications.tasks.sync_wechat_followers",
        timedelta(days=1),
        at=time(4, 30),
        title="同步服务号关注者（补齐漏收的关注与取消关注事件）",
    ),
    Periodic(
        "cockpits.refresh",
        "jmt.cockpits.tasks.cockpit_refresh",
        timedelta(minutes=10),
        title="重算数据驾驶舱的汇总数据",
    ),
    Periodic(
        "downloads.expire",
        "jmt.downloads.tasks.expire_downloads",
        timedelta(hours=1),
        title="删除保留期（7 天）已过的导出文件",
    ),
    Periodic(
        "downloads.fail_stuck",
        "jmt.downloads.tasks.fail_stuck_downloads",
        timedelta(minutes=5),
        title="把长时间排队或生成中的导出任务标记为失败（后台任务中断）",
    ),
)


def _still_waiting(task_id: str) -> bool:
    if not task_id:
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(pk=task_id, status="READY").exists()


def enqueue_due(*, now: datetime | None = None, schedule: tuple[Periodic, ...] = SCHEDULE) -> list[str]:
    """Enqueue every due entry once; returns the names enqueued by this call."""
    moment = now or timezone.now()
    enqueued: list[str] = []
    for entry in schedule:
        with contextlib.suppress(IntegrityError):  # another worker may have created it a moment ago
            PeriodicTaskState.objects.get_or_create(name=entry.name, defaults={"next_run_at": entry.first_run(moment)})
        with transaction.atomic():
            state = PeriodicTaskState.objects.select_for_update().get(name=entry.name)
            if state.next_run_at > moment or _still_waiting(state.last_task_id):
                continue
            result: Any = import_string(entry.task).enqueue()
            state.last_enqueued_at = moment
            state.last_task_id = str(result.id)
            state.next_run_at = entry.next_after(moment)
            state.save()
            enqueued.append(entry.name)
            logger.info("enqueued periodic task %s (next at %s)", entry.name, state.next_run_at.isoformat())
    return enqueued


def schedule_status() -> list[dict[str, Any]]:
    states = {s.name: s for s in PeriodicTaskState.objects.all()}
    rows = []
    for entry in SCHEDULE:
        state = states.get(entry.name)
        rows.append(
            {
                "name": entry.name,
                "title": entry.title,
                "every_seconds": int(entry.every.total_seconds()),
                "at": entry.at.strftime("%H:%M") if entry.at else None,
                "next_run_at": state.next_run_at if state else None,
                "last_enqueued_at": state.last_enqueued_at if state else None,
            }
        )
    return rows
