"""Schemas of the message center."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

Kind = Literal["status", "todo", "announcement"]


class MessageOut(Schema):
    id: int
    kind: Kind = Field(description="status 业务状态变更 / todo 待办提醒 / announcement 系统公告")
    kind_label: str = Field(examples=["业务状态变更"])
    title: str
    body: str
    link: str = Field(description="PC 与 H5 的页面路由（H5 加 /m 前缀）；为空时在消息中心查看详情")
    mp_pagepath: str = Field(description="微信小程序页面路径（模板消息打开的页面）")
    related_type: str
    related_id: str
    read: bool
    read_at: datetime | None
    created_at: datetime


class MessagePageOut(Schema):
    items: list[MessageOut]
    total: int
    page: int
    page_size: int


class UnreadCountOut(Schema):
    total: int
    status: int
    todo: int
    announcement: int


class ReadAllIn(Schema):
    kind: Kind | None = Field(default=None, description="只把这一类标为已读；不传则全部")


class ReadAllOut(Schema):
    updated: int
    unread: UnreadCountOut


class StreamTicketOut(Schema):
    ticket: str
    expires_in: int = Field(description="凭证有效秒数（只用于建立连接）")
    url: str = Field(description="EventSource 连接地址（已带 ticket）")


class AnnouncementIn(Schema):
    title: str = Field(min_length=1, max_length=100, examples=["系统维护通知"])
    content: str = Field(min_length=1, max_length=2000, description="公告正文")
    link: str = Field(default="", max_length=300, pattern=r"^(/[^\s]*)?$", description="站内路由，如 /training/courses")


class AnnouncementOut(Schema):
    id: int
    title: str
    content: str
    link: str
    published_by: str
    created_at: datetime
    status: Literal["sending", "sent"] = Field(description="sending 正在分发 / sent 已分发")
    recipients: int
    read_count: int


class AnnouncementPageOut(Schema):
    items: list[AnnouncementOut]
    total: int
    page: int
    page_size: int


class SentMessageOut(Schema):
    id: int
    kind: Kind
    kind_label: str
    title: str
    recipient_id: int
    recipient_name: str
    merchant_id: int | None
    merchant_name: str
    read: bool
    created_at: datetime
    push_status: Literal["sent", "not_following", "failed", "skipped", "pending", "none"] = Field(
        description="微信推送：sent 已发送 / not_following 未关注 / failed 失败 / skipped 未推送 / "
        "pending 排队中 / none 无微信"
    )
    push_errcode: int | None


class SentMessagePageOut(Schema):
    items: list[SentMessageOut]
    total: int
    page: int
    page_size: int


class PushStatusOut(Schema):
    will_receive: bool = Field(description="业务消息会同时推送到微信")
    wechat_bound: bool = Field(description="账号已绑定微信（用微信登录过）")
    following: bool = Field(description="已关注服务号")
    enabled: bool = Field(description="平台已开启微信模板消息")
    account_name: str = Field(description="服务号名称")
    qr_url: str = Field(description="服务号二维码图片地址（系统参数 · 通知参数）；未设置为空")
    hint: str = Field(description="给用户的说明：为什么收不到、怎样才能收到")
