"""Error codes of 水晶行业专项."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "CRYSTAL_HINT_UNKNOWN": "没有这条提示文案",
    "CRYSTAL_HINT_INVALID": "提示文案填写有误，请检查标红的字段",
    "CRYSTAL_TEMPLATE_UNKNOWN": "没有这个单证模板",
}


class CrystalError:
    @staticmethod
    def hint_unknown() -> ApiError:
        return ApiError("CRYSTAL_HINT_UNKNOWN", ERROR_CODES["CRYSTAL_HINT_UNKNOWN"], status=404)

    @staticmethod
    def hint_invalid(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "CRYSTAL_HINT_INVALID", ERROR_CODES["CRYSTAL_HINT_INVALID"], status=422, details={"fields": fields}
        )

    @staticmethod
    def template_unknown() -> ApiError:
        return ApiError("CRYSTAL_TEMPLATE_UNKNOWN", ERROR_CODES["CRYSTAL_TEMPLATE_UNKNOWN"], status=404)
