"""Schemas shared by every domain: the error body."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field


class MoneyOut(Schema):
    """An amount of money: a decimal string and its currency (DESIGN.md, API conventions)."""

    amount: str = Field(examples=["1234.50"])
    currency: str = Field(examples=["USD"])


class ErrorOut(Schema):
    code: str = Field(description="稳定的错误码，如 SMS_RATE_LIMITED", examples=["VALIDATION_ERROR"])
    message: str = Field(description="给用户看的中文说明", examples=["提交的数据有误，请检查标红的字段"])
    details: dict[str, Any] = Field(default_factory=dict, description="补充信息，如 retry_after、fields")


def error_responses(*statuses: int) -> dict[int, type[ErrorOut]]:
    return {status: ErrorOut for status in statuses}
