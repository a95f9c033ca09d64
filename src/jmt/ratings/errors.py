"""Error codes of 服务评价."""

from __future__ import annotations

from jmt.core.errors import ApiError

EDIT_DAYS = 7

ERROR_CODES: dict[str, str] = {
    "RATING_INVALID": "评价内容有误，请按提示修改",
    "RATING_NOT_COMPLETED": "该业务尚未办结，办结后才能评价",
    "RATING_ALREADY_RATED": "该业务已评价过，不能重复评价",
    "RATING_EDIT_CLOSED": f"评价提交已超过 {EDIT_DAYS} 天或捷晶已回复，不能再修改",
    "RATING_REPLY_INVALID": "回复内容有误，请按提示修改",
}


class RatingError:
    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return ApiError("RATING_INVALID", ERROR_CODES["RATING_INVALID"], status=422, details={"fields": fields})

    @staticmethod
    def not_completed(*, noun: str, state_label: str) -> ApiError:
        return ApiError(
            "RATING_NOT_COMPLETED",
            f"该{noun}当前为「{state_label}」，尚未办结，办结后才能评价",
            status=409,
            details={"state_label": state_label},
        )

    @staticmethod
    def already_rated(rating_id: int) -> ApiError:
        return ApiError(
            "RATING_ALREADY_RATED",
            f"该业务已评价过，不能重复评价；提交后 {EDIT_DAYS} 天内可修改原评价",
            status=409,
            details={"rating_id": rating_id},
        )

    @staticmethod
    def edit_closed(*, replied: bool) -> ApiError:
        reason = "捷晶已回复该评价" if replied else f"评价提交已超过 {EDIT_DAYS} 天"
        return ApiError("RATING_EDIT_CLOSED", f"{reason}，不能再修改", status=409, details={"replied": replied})

    @staticmethod
    def reply_invalid(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "RATING_REPLY_INVALID", ERROR_CODES["RATING_REPLY_INVALID"], status=422, details={"fields": fields}
        )
