"""Error codes of 工商注册."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "REGISTRATION_OPEN_EXISTS": "已有一份办理中的工商注册申请，请继续办理该申请",
    "REGISTRATION_ALREADY_APPROVED": "工商注册已核准，无需重复办理；如需修改请联系捷晶管理员",
    "REGISTRATION_INCOMPLETE": "申请材料尚未填写完整，请按提示补充后再提交",
    "REGISTRATION_INVALID": "填写的内容有误，请按提示修改",
    "REGISTRATION_NOT_EDITABLE": "申请已提交审核，当前不能修改",
    "REGISTRATION_STEP_UNKNOWN": "未知的填报步骤",
}


class RegistrationError:
    @staticmethod
    def open_exists(application_id: int) -> ApiError:
        return ApiError(
            "REGISTRATION_OPEN_EXISTS",
            ERROR_CODES["REGISTRATION_OPEN_EXISTS"],
            status=409,
            details={"application_id": application_id},
        )

    @staticmethod
    def already_approved() -> ApiError:
        return ApiError("REGISTRATION_ALREADY_APPROVED", ERROR_CODES["REGISTRATION_ALREADY_APPROVED"], status=409)

    @staticmethod
    def incomplete(fields: dict[str, str], step: int) -> ApiError:
        return ApiError(
            "REGISTRATION_INCOMPLETE",
            ERROR_CODES["REGISTRATION_INCOMPLETE"],
            status=422,
            details={"fields": fields, "step": step},
        )

    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "REGISTRATION_INVALID", ERROR_CODES["REGISTRATION_INVALID"], status=422, details={"fields": fields}
        )

    @staticmethod
    def not_editable(state_label: str) -> ApiError:
        return ApiError(
            "REGISTRATION_NOT_EDITABLE",
            f"申请当前为「{state_label}」，不能修改；如被驳回可修改后重新提交",
            status=409,
        )

    @staticmethod
    def step_unknown(step: str) -> ApiError:
        return ApiError(
            "REGISTRATION_STEP_UNKNOWN", ERROR_CODES["REGISTRATION_STEP_UNKNOWN"], status=422, details={"step": step}
        )
