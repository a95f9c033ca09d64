"""Error codes of merchants and their profiles."""

from __future__ import annotations

from jmt.core.errors import ApiError, NotFound

ERROR_CODES: dict[str, str] = {
    "MERCHANT_PROFILE_INVALID": "商户信息有误，请按提示修改",
    "MERCHANT_PROFILE_UNKNOWN_FIELD": "包含无法识别的商户信息字段",
    "MERCHANT_PROFILE_LOCKED": "工商注册已核准，执照相关信息如需修改请联系捷晶管理员",
    "MERCHANT_PROFILE_STAFF_ONLY": "该信息由捷晶管理员维护",
    "MERCHANT_CCB_SUB_ACCOUNT_INVALID": "建设银行子账号格式不正确：应为 12–25 位数字，可用空格或短横线分组",
    "MEMBER_EXISTS": "该手机号已是本商户成员",
    "MEMBER_LAST_ADMIN": "商户至少保留一位管理员",
}


def merchant_not_found() -> NotFound:
    return NotFound("未找到该商户，或您不是其成员")


class ProfileError:
    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "MERCHANT_PROFILE_INVALID", ERROR_CODES["MERCHANT_PROFILE_INVALID"], status=422, details={"fields": fields}
        )

    @staticmethod
    def unknown_field(fields: list[str]) -> ApiError:
        return ApiError(
            "MERCHANT_PROFILE_UNKNOWN_FIELD",
            f"{ERROR_CODES['MERCHANT_PROFILE_UNKNOWN_FIELD']}：{'、'.join(fields)}",
            status=422,
            details={"fields": {f: "无法识别的字段" for f in fields}},
        )

    @staticmethod
    def locked(fields: list[str]) -> ApiError:
        return ApiError(
            "MERCHANT_PROFILE_LOCKED",
            ERROR_CODES["MERCHANT_PROFILE_LOCKED"],
            status=403,
            details={"fields": {f: "如需修改请联系捷晶管理员" for f in fields}},
        )

    @staticmethod
    def staff_only(fields: list[str]) -> ApiError:
        return ApiError(
            "MERCHANT_PROFILE_STAFF_ONLY",
            "建设银行子账号由捷晶管理员维护，如需修改请联系捷晶管理员",
            status=403,
            details={"fields": {f: "由捷晶管理员维护" for f in fields}},
        )

    @staticmethod
    def ccb_sub_account_invalid() -> ApiError:
        return ApiError(
            "MERCHANT_CCB_SUB_ACCOUNT_INVALID",
            ERROR_CODES["MERCHANT_CCB_SUB_ACCOUNT_INVALID"],
            status=422,
            details={"fields": {"ccb_sub_account": "应为 12–25 位数字，可用空格或短横线分组"}},
        )


class MemberError:
    @staticmethod
    def not_found() -> NotFound:
        return NotFound("未找到该成员，或其不属于本商户")

    @staticmethod
    def exists() -> ApiError:
        return ApiError(
            "MEMBER_EXISTS",
            "该手机号已是本商户成员",
            status=409,
            details={"fields": {"phone": "已是本商户成员"}},
        )

    @staticmethod
    def last_admin() -> ApiError:
        return ApiError(
            "MEMBER_LAST_ADMIN",
            "商户至少要保留一位管理员：请先把其他成员设为管理员，再移除或降级此人",
            status=409,
        )
