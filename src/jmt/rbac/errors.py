"""Error codes of roles, back-office accounts, passwords and impersonation."""

from __future__ import annotations

from collections.abc import Iterable

from jmt.core.errors import ApiError, NotFound


class RbacError:
    """Factories for the refusals of this app, one stable code each."""

    @staticmethod
    def role_not_found() -> ApiError:
        return NotFound("未找到该角色")

    @staticmethod
    def account_not_found() -> ApiError:
        return NotFound("未找到该后台账户")

    @staticmethod
    def user_not_found() -> ApiError:
        return NotFound("未找到该商户用户，或您无权查看")

    @staticmethod
    def impersonation_not_found() -> ApiError:
        return NotFound("未找到该切换记录，或您无权查看")

    @staticmethod
    def role_in_use(count: int) -> ApiError:
        return ApiError(
            "ROLE_IN_USE",
            f"该角色仍分配给 {count} 个账户，请先取消分配再删除",
            status=409,
            details={"count": count},
        )

    @staticmethod
    def role_builtin() -> ApiError:
        return ApiError("ROLE_BUILTIN", "内置角色不能删除，也不能修改名称、权限和数据范围", status=409)

    @staticmethod
    def role_name_taken() -> ApiError:
        return ApiError("ROLE_NAME_TAKEN", "已有同名角色", status=409, details={"fields": {"name": "已有同名角色"}})

    @staticmethod
    def permission_unknown(codes: Iterable[str]) -> ApiError:
        unknown = sorted(codes)
        return ApiError(
            "PERMISSION_UNKNOWN",
            "包含不存在或不可分配给后台角色的权限：" + "、".join(unknown[:5]),
            status=422,
            details={"codes": unknown, "fields": {"permissions": "包含未知权限"}},
        )

    @staticmethod
    def role_unknown(ids: Iterable[int]) -> ApiError:
        missing = sorted(ids)
        return ApiError(
            "ROLE_NOT_FOUND",
            "所选角色不存在或已被删除，请刷新后重试",
            status=422,
            details={"role_ids": missing, "fields": {"role_ids": "所选角色不存在"}},
        )

    @staticmethod
    def username_taken() -> ApiError:
        return ApiError(
            "USERNAME_TAKEN", "该登录名已被使用", status=409, details={"fields": {"username": "该登录名已被使用"}}
        )

    @staticmethod
    def password_invalid(field: str, messages: list[str]) -> ApiError:
        return ApiError(
            "PASSWORD_INVALID",
            "密码不符合要求：" + " ".join(messages),
            status=422,
            details={"fields": {field: " ".join(messages)}},
        )

    @staticmethod
    def password_incorrect() -> ApiError:
        return ApiError(
            "PASSWORD_INCORRECT",
            "原密码不正确",
            status=422,
            details={"fields": {"old_password": "原密码不正确"}},
        )

    @staticmethod
    def cannot_change_self(what: str) -> ApiError:
        return ApiError("CANNOT_CHANGE_SELF", f"不能{what}自己的账户", status=409)

    @staticmethod
    def last_superadmin() -> ApiError:
        return ApiError("LAST_SUPERADMIN", "至少需要保留一个启用的超级管理员账户", status=409)

    @staticmethod
    def impersonation_target_disabled() -> ApiError:
        return ApiError("IMPERSONATION_TARGET_DISABLED", "该商户用户已停用，不能切换为其身份", status=409)

    @staticmethod
    def not_impersonating() -> ApiError:
        return ApiError("NOT_IMPERSONATING", "当前不在用户切换状态", status=409)

    @staticmethod
    def impersonation_not_allowed() -> ApiError:
        return ApiError("IMPERSONATION_READ_ONLY", "用户切换期间不能修改该用户的密码", status=403)


ERROR_CODES: dict[str, str] = {
    "PASSWORD_CHANGE_REQUIRED": "使用临时密码登录，须先修改密码（POST /api/v1/auth/password/change）",
    "IMPERSONATION_READ_ONLY": "用户切换为只读：切换者的角色未开启「用户切换时允许修改」",
    "ROLE_IN_USE": "角色仍有账户使用，不能删除（details.count：使用该角色的账户数）",
    "ROLE_BUILTIN": "内置角色不能删除或修改名称、权限、数据范围",
    "ROLE_NAME_TAKEN": "角色名称重复",
    "ROLE_NOT_FOUND": "所选角色不存在（details.role_ids）",
    "PERMISSION_UNKNOWN": "权限码不在权限树中（details.codes）",
    "USERNAME_TAKEN": "登录名重复",
    "PASSWORD_INVALID": "密码不符合密码策略（details.fields）",
    "PASSWORD_INCORRECT": "原密码不正确",
    "CANNOT_CHANGE_SELF": "不能停用自己或取消自己的角色",
    "LAST_SUPERADMIN": "不能停用或降级最后一个超级管理员",
    "IMPERSONATION_TARGET_DISABLED": "目标商户用户已停用",
    "NOT_IMPERSONATING": "当前会话不是用户切换会话",
}
