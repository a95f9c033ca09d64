"""Error codes of 数据驾驶舱."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "COCKPITS_PERIOD_INVALID": "统计期间有误：开始日期不能晚于结束日期，且期间不能超过 366 天",
    "COCKPITS_MERCHANT_NOT_FOUND": "没有找到这个商户，或它不在您的数据权限范围内",
}


class CockpitsError:
    @staticmethod
    def period_invalid() -> ApiError:
        return ApiError("COCKPITS_PERIOD_INVALID", ERROR_CODES["COCKPITS_PERIOD_INVALID"], status=422)

    @staticmethod
    def merchant_not_found() -> ApiError:
        return ApiError("COCKPITS_MERCHANT_NOT_FOUND", ERROR_CODES["COCKPITS_MERCHANT_NOT_FOUND"], status=404)
