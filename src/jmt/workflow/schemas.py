"""Schemas of the workflow endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field


class NodeOut(Schema):
    key: str
    label: str = Field(examples=["材料初审"])
    status: Literal["done", "current", "pending"]
    state_label: str = Field(description="当前节点上对象的实际状态（如「已驳回」），其他节点为空")
    expected_seconds: int | None = Field(description="按历史计算的该步骤耗时中位数（秒）；无历史时为 null")


class TimelineEntryOut(Schema):
    id: int
    from_state: str
    from_label: str
    to_state: str
    to_label: str
    title: str
    comment: str
    actor_name: str
    actor_side: Literal["merchant", "platform"]
    impersonated: bool = Field(description="由捷晶工作人员代商户操作")
    created_at: datetime


class AllowedMoveOut(Schema):
    to: str
    to_label: str
    label: str = Field(examples=["驳回"])
    needs_comment: bool


class ProgressOut(Schema):
    type: str
    type_label: str
    id: int
    name: str
    state: str
    state_label: str
    terminal: bool
    waiting_on: list[Literal["merchant", "platform"]] = Field(description="下一步由谁处理")
    hint: str = Field(description="下一步提示")
    last_comment: str = Field(description="最近一次操作的说明（如驳回原因）")
    expected_seconds: int | None = Field(description="当前步骤的预计耗时（秒，历史中位数）")
    state_changed_at: datetime
    nodes: list[NodeOut]
    timeline: list[TimelineEntryOut] = Field(description="时间线，最新在前")
    allowed: list[AllowedMoveOut] = Field(description="当前用户可执行的下一步")


class TransitionIn(Schema):
    to: str = Field(min_length=1, max_length=32, examples=["review"])
    comment: str = Field(default="", max_length=1000, description="说明；驳回等操作必填")
