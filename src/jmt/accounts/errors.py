"""Error codes of login, registration and tokens."""

from __future__ import annotations

from jmt.core.errors import ApiError


class AuthError:
    """Factories for the refusals of this app, one stable code each."""

    @staticmethod
    def phone_invalid() -> ApiError:
        return ApiError(
            "PHONE_INVALID",
            "请输入正确的中国大陆手机号（11 位，以 1 开头）",
            status=422,
            details={"fields": {"phone": "手机号格式不正确"}},
        )

    @staticmethod
    def sms_rate_limited(retry_after: int, reason: str) -> ApiError:
        return ApiError(
            "SMS_RATE_LIMITED", f"{reason}，请 {retry_after} 秒后再试", status=429, details={"retry_after": retry_after}
        )

    @staticmethod
    def sms_send_failed() -> ApiError:
        return ApiError("SMS_SEND_FAILED", "短信发送失败，请稍后重试", status=502)

    @staticmethod
    def sms_code_invalid(remaining: int) -> ApiError:
        return ApiError(
            "SMS_CODE_INVALID",
            f"验证码错误，还可尝试 {remaining} 次",
            status=400,
            details={"remaining_attempts": remaining},
        )

    @staticmethod
    def sms_code_expired() -> ApiError:
        return ApiError("SMS_CODE_EXPIRED", "验证码已失效，请重新获取", status=400)

    @staticmethod
    def sms_code_attempts_exceeded() -> ApiError:
        return ApiError("SMS_CODE_ATTEMPTS_EXCEEDED", "验证码错误次数过多，已失效，请重新获取", status=400)

    @staticmethod
    def login_failed(remaining: int) -> ApiError:
        return ApiError(
            "LOGIN_FAILED",
            f"账号或密码错误，还可尝试 {remaining} 次",
            status=401,
            details={"remaining_attempts": remaining},
        )

    @staticmethod
    def account_locked(retry_after: int) -> ApiError:
        minutes = max(1, (retry_after + 59) // 60)
        return ApiError(
            "ACCOUNT_LOCKED",
            f"密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试",
            status=423,
            details={"retry_after": retry_after},
        )

    @staticmethod
    def account_disabled() -> ApiError:
        return ApiError("ACCOUNT_DISABLED", "该账号已停用，请联系捷晶管理员", status=403)

    @staticmethod
    def not_staff() -> ApiError:
        return ApiError("NOT_STAFF_ACCOUNT", "该账号不是后台账号", status=403)

    @staticmethod
    def token_expired() -> ApiError:
        return ApiError("TOKEN_EXPIRED", "登录已过期，请重新登录", status=401)

    @staticmethod
    def token_invalid() -> ApiError:
        return ApiError("TOKEN_INVALID", "登录凭证无效，请重新登录", status=401)

    @staticmethod
    def refresh_invalid() -> ApiError:
        return ApiError("REFRESH_TOKEN_INVALID", "登录已失效，请重新登录", status=401)

    @staticmethod
    def refresh_reused() -> ApiError:
        return ApiError(
            "REFRESH_TOKEN_REUSED", "检测到登录凭证被重复使用，为保障安全已退出所有相关登录，请重新登录", status=401
        )

    @staticmethod
    def wechat_failed(errcode: int) -> ApiError:
        return ApiError("WECHAT_AUTH_FAILED", "微信授权失败，请重新尝试", status=400, details={"errcode": errcode})

    @staticmethod
    def wechat_state_invalid() -> ApiError:
        return ApiError("WECHAT_STATE_INVALID", "扫码登录已过期或来源不明，请刷新二维码后重试", status=400)

    @staticmethod
    def wechat_not_bound(bind_ticket: str) -> ApiError:
        return ApiError(
            "WECHAT_NOT_BOUND",
            "该微信尚未绑定晶贸通账号，请用手机号登录，登录后将自动绑定该微信",
            status=409,
            details={"bind_ticket": bind_ticket},
        )

    @staticmethod
    def wechat_bind_ticket_invalid() -> ApiError:
        return ApiError("WECHAT_BIND_TICKET_INVALID", "微信绑定已过期，请重新扫码", status=400)

    @staticmethod
    def webview_ticket_invalid() -> ApiError:
        return ApiError("WEBVIEW_TICKET_INVALID", "登录凭证无效或已过期，请返回小程序重新进入", status=400)

    @staticmethod
    def wechat_already_bound() -> ApiError:
        return ApiError("WECHAT_ALREADY_BOUND", "该微信已绑定其他账号", status=409)

    @staticmethod
    def profile_invalid(fields: dict[str, str]) -> ApiError:
        return ApiError("PROFILE_INVALID", "个人信息有误，请按提示修改", status=422, details={"fields": fields})

    @staticmethod
    def phone_same() -> ApiError:
        return ApiError(
            "PHONE_SAME",
            "新手机号与当前手机号相同",
            status=422,
            details={"fields": {"phone": "请输入一个新的手机号"}},
        )

    @staticmethod
    def phone_taken() -> ApiError:
        return ApiError(
            "PHONE_TAKEN",
            "该手机号已注册其他晶贸通账号，不能换绑",
            status=409,
            details={"fields": {"phone": "该手机号已被其他账号使用"}},
        )

    @staticmethod
    def phone_not_set() -> ApiError:
        return ApiError("PHONE_NOT_SET", "当前账号未绑定手机号，无法更换", status=409)

    @staticmethod
    def for_field(error: ApiError, field: str, label: str) -> ApiError:
        """A code refusal told about the one of two codes it concerns (``details.fields``)."""
        return ApiError(
            error.code,
            f"{label}：{error.message}",
            status=error.status,
            details={**error.details, "fields": {field: error.message}},
        )

    @staticmethod
    def wechat_not_linked() -> ApiError:
        return ApiError("WECHAT_NOT_LINKED", "当前账号未绑定微信", status=409)

    @staticmethod
    def wechat_last_sign_in() -> ApiError:
        return ApiError("WECHAT_LAST_SIGN_IN", "微信是该账号唯一的登录方式，不能解绑", status=409)

    @staticmethod
    def not_a_member() -> ApiError:
        return ApiError("NOT_FOUND", "未找到该商户，或您不是其成员", status=404)


ERROR_CODES: dict[str, str] = {
    "PHONE_INVALID": "手机号格式不正确",
    "SMS_RATE_LIMITED": "验证码发送过于频繁（details.retry_after：需等待的秒数）",
    "SMS_SEND_FAILED": "短信服务暂时不可用",
    "SMS_CODE_INVALID": "验证码错误（details.remaining_attempts）",
    "SMS_CODE_EXPIRED": "验证码已失效或不存在",
    "SMS_CODE_ATTEMPTS_EXCEEDED": "验证码错误 5 次，已失效",
    "LOGIN_FAILED": "账号或密码错误（details.remaining_attempts）",
    "ACCOUNT_LOCKED": "15 分钟内失败 5 次，锁定 15 分钟（details.retry_after）",
    "ACCOUNT_DISABLED": "账号已停用",
    "NOT_STAFF_ACCOUNT": "不是后台账号",
    "TOKEN_EXPIRED": "访问令牌过期，用刷新令牌换新",
    "TOKEN_INVALID": "访问令牌无效或会话已退出",
    "REFRESH_TOKEN_INVALID": "刷新令牌无效、过期或已撤销",
    "REFRESH_TOKEN_REUSED": "刷新令牌被重复使用，整个会话族已撤销",
    "WECHAT_AUTH_FAILED": "微信接口拒绝（details.errcode）",
    "WECHAT_STATE_INVALID": "扫码 state 校验失败",
    "WECHAT_NOT_BOUND": "微信未绑定账号（details.bind_ticket 用于短信登录时绑定）",
    "WECHAT_BIND_TICKET_INVALID": "绑定凭证无效或过期",
    "WECHAT_ALREADY_BOUND": "该微信已绑定其他账号",
    "WEBVIEW_TICKET_INVALID": "小程序网页登录凭证无效、已使用、已过期或不属于该用户",
    "PROFILE_INVALID": "个人信息有误（details.fields）",
    "PHONE_SAME": "新手机号与当前手机号相同",
    "PHONE_TAKEN": "新手机号已属于其他账号",
    "PHONE_NOT_SET": "账号未绑定手机号",
    "WECHAT_NOT_LINKED": "账号未绑定微信",
    "WECHAT_LAST_SIGN_IN": "微信是账号唯一的登录方式，不能解绑",
}
