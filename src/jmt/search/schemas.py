"""Schemas of the global search endpoints."""

from ninja import Schema
from pydantic import Field


class HitOut(Schema):
    title: str
    subtitle: str
    route: str = Field(description="PC 与后台打开的页面")
    mobile_route: str = Field(description="手机端（H5）打开的页面")
    highlights: list[tuple[int, int]] = Field(description="标题中需高亮的字符区间 [起, 止)")
    subtitle_highlights: list[tuple[int, int]]
    enabled: bool = Field(description="可以打开；否则见 disabled_reason（如「即将上线」）")
    disabled_reason: str
    icon: str
    children: list["HitOut"] = Field(description="模块命中时为其全部功能；功能命中时为命中的功能")


HitOut.model_rebuild()


class GroupOut(Schema):
    key: str = Field(examples=["catalog.merchant"])
    title: str = Field(examples=["服务与功能"])
    hits: list[HitOut]


class SearchOut(Schema):
    query: str
    groups: list[GroupOut]
    took_ms: float = Field(description="服务器用时（毫秒）")
