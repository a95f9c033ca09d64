"""Request and response shapes of 服务评价."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field


class ServiceRatingIn(Schema):
    stars: int = Field(ge=1, le=5, description="1–5 星", examples=[5])
    comment: str = Field(default="", max_length=500, description="评价内容（选填，最多 500 字）")


class ServiceReplyIn(Schema):
    reply: str = Field(min_length=1, max_length=500, description="回复内容（最多 500 字）", examples=["感谢您的评价"])


class ServiceRatingOut(Schema):
    id: int
    kind: str
    kind_label: str = Field(description="业务类型：工商注册 / 跨境申报 / 出口退税 / 收结汇 / 跨境物流")
    object_id: int
    subject_title: str
    subject_route: str = Field(description="商户端业务页面")
    stars: int
    comment: str
    created_at: datetime
    updated_at: datetime
    editable: bool = Field(description="提交后 7 天内、捷晶回复前可修改")
    edit_until: datetime
    reply: str
    replied_at: datetime | None
    merchant_name: str | None = None


class ServiceAdminRatingOut(ServiceRatingOut):
    merchant_id: int
    subject_admin_route: str = Field(description="后台业务页面")
    replied_by_name: str | None


class ServiceSubjectOut(Schema):
    kind: str
    kind_label: str
    object_id: int
    title: str
    completed: bool
    completed_at: datetime | None
    state_label: str
    can_rate: bool = Field(description="已办结、尚未评价，且当前用户有该业务的办理权限")
    can_edit: bool
    rating: ServiceRatingOut | None


class ServicePendingOut(Schema):
    kind: str
    kind_label: str
    object_id: int
    title: str
    route: str
    completed_at: datetime


class ServiceMyRatingFilters(Schema):
    answered: bool | None = Field(default=None, description="true：已回复；false：未回复")
    focus: int | None = Field(
        default=None, description="站内信链接带来的评价 id：返回它所在的那一页（忽略 page），前端高亮这一条"
    )
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class ServiceRatingPageOut(Schema):
    items: list[ServiceRatingOut]
    total: int
    page: int
    page_size: int


class ServiceAdminRatingFilters(Schema):
    kind: str | None = Field(default=None, max_length=32)
    stars: int | None = Field(default=None, ge=1, le=5)
    merchant_id: int | None = None
    answered: bool | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class ServiceAdminRatingPageOut(Schema):
    items: list[ServiceAdminRatingOut]
    total: int
    page: int
    page_size: int


class ServiceKindOptionOut(Schema):
    value: str
    label: str
