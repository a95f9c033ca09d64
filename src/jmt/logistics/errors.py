"""Error codes of 跨境物流."""

from __future__ import annotations

from typing import Any

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "LOGISTICS_INVALID": "填写的内容有误，请按提示修改",
    "LOGISTICS_COUNTRY_UNSUPPORTED": "暂不支持寄往该国家或地区",
    "LOGISTICS_CARRIER_UNAVAILABLE": "该物流渠道当前不能接收新运单",
    "LOGISTICS_CARRIER_INELIGIBLE": "该物流渠道不能承运这票货物",
    "LOGISTICS_CARRIER_CODE_TAKEN": "渠道代码已被使用",
    "LOGISTICS_HEAVY_RATE_REQUIRED": "重货起算重量与重货单价须同时填写或同时留空",
    "LOGISTICS_TRANSIT_REVERSED": "最短时效不能大于最长时效",
    "LOGISTICS_NOT_SWITCHABLE": "运单已揽收或已录入运单号，不能更换渠道",
    "LOGISTICS_TRACKING_NO_TAKEN": "该承运商运单号已用于另一票运单",
    "LOGISTICS_SHEET_INVALID": "运单号表格无法读取或有不能匹配的行",
    "LOGISTICS_SIGNATURE_INVALID": "轨迹推送签名校验失败",
    "LOGISTICS_PUSH_INVALID": "轨迹推送内容无法读取",
}


def _err(code: str, status: int, message: str | None = None, **details: Any) -> ApiError:
    return ApiError(code, message or ERROR_CODES[code], status=status, details=details)


class LogisticsError:
    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return _err("LOGISTICS_INVALID", 422, fields=fields)

    @staticmethod
    def country_unsupported(country: str) -> ApiError:
        return _err("LOGISTICS_COUNTRY_UNSUPPORTED", 422, country=country)

    @staticmethod
    def carrier_unavailable(name: str, status_label: str, reason: str) -> ApiError:
        text = f"「{name}」已{status_label}收件，不能接收新运单" + (f"：{reason}" if reason else "")
        return _err("LOGISTICS_CARRIER_UNAVAILABLE", 409, text, carrier_status=status_label)

    @staticmethod
    def carrier_ineligible(name: str, reasons: list[str]) -> ApiError:
        return _err(
            "LOGISTICS_CARRIER_INELIGIBLE", 422, f"「{name}」不能承运这票货物：{'；'.join(reasons)}", reasons=reasons
        )

    @staticmethod
    def carrier_code_taken(code: str) -> ApiError:
        return _err("LOGISTICS_CARRIER_CODE_TAKEN", 409, fields={"code": "渠道代码已被使用"}, carrier_code=code)

    @staticmethod
    def heavy_rate_required(index: int, zone: str, *, missing: str) -> ApiError:
        """A zone with only one of ``heavy_from`` / ``heavy_per_kg``; ``missing`` is the empty one."""
        if missing == "heavy_per_kg":
            text = f"分区「{zone}」填写了重货起算重量，请同时填写重货单价（元/kg），或两项都留空"
        else:
            text = f"分区「{zone}」填写了重货单价，请同时填写重货起算重量（kg），或两项都留空"
        return _err("LOGISTICS_HEAVY_RATE_REQUIRED", 422, text, zone=index, fields={f"zones.{index}.{missing}": text})

    @staticmethod
    def transit_reversed(index: int, zone: str) -> ApiError:
        text = f"分区「{zone}」的最短时效不能大于最长时效"
        return _err("LOGISTICS_TRANSIT_REVERSED", 422, text, zone=index, fields={f"zones.{index}.transit_min": text})

    @staticmethod
    def not_switchable(state_label: str) -> ApiError:
        return _err("LOGISTICS_NOT_SWITCHABLE", 409, f"运单当前为「{state_label}」，已不能更换渠道")

    @staticmethod
    def tracking_no_taken(tracking_no: str, number: str) -> ApiError:
        return _err(
            "LOGISTICS_TRACKING_NO_TAKEN",
            409,
            f"承运商运单号 {tracking_no} 已用于运单 {number}",
            tracking_no=tracking_no,
        )

    @staticmethod
    def sheet_invalid(message: str, rows: list[dict[str, Any]] | None = None) -> ApiError:
        return _err("LOGISTICS_SHEET_INVALID", 422, message, rows=rows or [])

    @staticmethod
    def signature_invalid() -> ApiError:
        return _err("LOGISTICS_SIGNATURE_INVALID", 401)

    @staticmethod
    def push_invalid() -> ApiError:
        return _err("LOGISTICS_PUSH_INVALID", 400)
