"""Error codes of 跨境申报."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "FILING_UNKNOWN_TYPE": "没有这种申报业务",
    "FILING_EXISTS": "该业务已在办理，请继续办理原申请",
    "FILING_INVALID": "填写的内容有误，请按提示修改",
    "FILING_INCOMPLETE": "申报材料尚未填写完整，请按提示补充后再提交",
    "FILING_NOT_EDITABLE": "申报已提交审核，当前不能修改",
    "FILING_WRONG_STATE": "申报当前的状态不能进行此操作",
    "FILING_CHANGES_EMPTY": "请至少对一项填写修改意见",
    "FILING_RESULTS_INVALID": "办结结果填写有误，请按提示修改",
    "FILING_TEMPLATE_UNKNOWN": "没有这份材料模板",
}


class FilingError:
    @staticmethod
    def unknown_type(key: str) -> ApiError:
        return ApiError("FILING_UNKNOWN_TYPE", ERROR_CODES["FILING_UNKNOWN_TYPE"], status=404, details={"type": key})

    @staticmethod
    def exists(filing_id: int) -> ApiError:
        return ApiError("FILING_EXISTS", ERROR_CODES["FILING_EXISTS"], status=409, details={"filing_id": filing_id})

    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return ApiError("FILING_INVALID", ERROR_CODES["FILING_INVALID"], status=422, details={"fields": fields})

    @staticmethod
    def incomplete(fields: dict[str, str]) -> ApiError:
        return ApiError("FILING_INCOMPLETE", ERROR_CODES["FILING_INCOMPLETE"], status=422, details={"fields": fields})

    @staticmethod
    def not_editable(state_label: str) -> ApiError:
        return ApiError(
            "FILING_NOT_EDITABLE",
            f"申报当前为「{state_label}」，不能修改；被退回修改或驳回后可修改",
            status=409,
        )

    @staticmethod
    def wrong_state(state_label: str, action: str) -> ApiError:
        return ApiError(
            "FILING_WRONG_STATE",
            f"申报当前为「{state_label}」，不能{action}",
            status=409,
            details={"state": state_label},
        )

    @staticmethod
    def changes_empty() -> ApiError:
        return ApiError("FILING_CHANGES_EMPTY", ERROR_CODES["FILING_CHANGES_EMPTY"], status=422)

    @staticmethod
    def results_invalid(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "FILING_RESULTS_INVALID", ERROR_CODES["FILING_RESULTS_INVALID"], status=422, details={"fields": fields}
        )

    @staticmethod
    def template_unknown(key: str) -> ApiError:
        return ApiError(
            "FILING_TEMPLATE_UNKNOWN", ERROR_CODES["FILING_TEMPLATE_UNKNOWN"], status=404, details={"template": key}
        )
