"""Checks of the codes a batch and a 点点通 configuration carry, with Chinese messages per field."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from jmt.core.errors import ApiError
from jmt.customs.codes import ports, table

ENTERPRISE_CODE = re.compile(r"^[0-9A-Z]{10}$|^[0-9A-Z]{18}$")
CUSTOMS_CODE = re.compile(r"^\d{4}$")
PORT_CODE = re.compile(r"^[0-9A-Z]{4}$")
POD_CODE = re.compile(r"^[0-9A-Z]{3,4}$")


def enterprise_code(value: str, label: str) -> str:
    if not value:
        return f"请填写{label}"
    if not ENTERPRISE_CODE.match(value):
        return f"{label}应为 10 位海关编码或 18 位统一社会信用代码（数字或大写字母）"
    return ""


def required(value: str, label: str) -> str:
    return "" if value.strip() else f"请填写{label}"


def customs_code(value: str, label: str = "申报地海关代码") -> str:
    if not value:
        return f"请填写{label}"
    return "" if CUSTOMS_CODE.match(value) else f"{label}应为 4 位数字，如 2305"


def port_code(value: str, label: str = "出口口岸代码") -> str:
    if not value:
        return f"请填写{label}"
    return "" if PORT_CODE.match(value) else f"{label}应为 4 位代码，如 2305"


def pod(value: str, *, chosen: bool = False) -> str:
    """指运港 (optional on a batch: empty means each inventory's destination country's main port). A port
    being ``chosen`` (a new batch, or a changed 指运港) must also be an enabled code of the port code table."""
    if not value:
        return ""
    if not POD_CODE.match(value):
        return "指运港代码应为海关港口代码表中的 3–4 位代码，如 ULAX（洛杉矶）"
    if chosen and value not in enabled_pods():
        return f"指运港 {value} 不在港口代码表中或已停用，请从列表中选择"
    return ""


def enabled_pods() -> set[str]:
    return {code for code, _, _ in ports()}


def traf_mode(value: str) -> str:
    if not value:
        return "请选择运输方式"
    return "" if value in table("transport_modes").by_code else "运输方式不在海关运输方式代码表中"


def collect(checks: Mapping[str, str]) -> dict[str, str]:
    return {name: message for name, message in checks.items() if message}


def validation_error(fields: dict[str, str]) -> ApiError:
    return ApiError("VALIDATION_ERROR", "提交的数据有误，请检查标红的字段", status=422, details={"fields": fields})


def upper(values: dict[str, Any], *names: str) -> None:
    for name in names:
        if isinstance(values.get(name), str):
            values[name] = values[name].strip().upper()
