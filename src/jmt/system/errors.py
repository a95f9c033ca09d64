"""Error codes of the system app."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "PARAMETER_GROUP_UNKNOWN": "没有这个参数组",
}


class SystemError_:  # noqa: N801 - not to shadow the builtin SystemError
    @staticmethod
    def invalid_fields(fields: dict[str, str]) -> ApiError:
        return ApiError("VALIDATION_ERROR", "提交的数据有误，请检查标红的字段", status=422, details={"fields": fields})

    @staticmethod
    def unknown_group(group: str) -> ApiError:
        return ApiError(
            "PARAMETER_GROUP_UNKNOWN", ERROR_CODES["PARAMETER_GROUP_UNKNOWN"], status=404, details={"group": group}
        )
