"""Login, registration, sessions and the signed-in user (``/auth``, ``/me``)."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from ninja import Router, Status

from jmt.accounts import schemas as s
from jmt.accounts import services
from jmt.accounts.selectors import build_actor, me_payload
from jmt.accounts.services import ClientInfo, LoginResult
from jmt.core.errors import ApiError
from jmt.core.permissions import AUTHENTICATED, PUBLIC, actor_of, require
from jmt.core.request_meta import client_ip, user_agent
from jmt.core.schemas import error_responses
from jmt.merchants.services import merchant_switch
from jmt.rbac import services as rbac_services

auth_router = Router(tags=["auth"])
me_router = Router(tags=["me"])


def _client(request: HttpRequest) -> ClientInfo:
    return ClientInfo(ip=client_ip(request), user_agent=user_agent(request))


def _token_pair(result: LoginResult) -> dict[str, Any]:
    return {
        "access": result.tokens.access,
        "refresh": result.tokens.refresh,
        "expires_in": result.tokens.expires_in,
        "refresh_expires_at": result.tokens.refresh_expires_at,
        "user": s.user_out(result.user),
        "is_new_user": result.is_new_user,
    }


@auth_router.post(
    "/sms/send",
    response={200: s.SmsSendOut, **error_responses(422, 429, 502)},
    auth=None,
    operation_id="auth_sms_send",
    summary="发送短信验证码",
    description="仅限中国大陆手机号。同一手机号 60 秒内只能获取一次，每小时 ≤ 5 次、每天 ≤ 10 次；"
    "同一 IP 每小时有上限。"
    "超限返回 429 `SMS_RATE_LIMITED`，`details.retry_after` 为需等待的秒数。验证码 5 分钟内有效。",
    openapi_extra={
        "responses": {
            429: {
                "description": "发送过于频繁",
                "content": {
                    "application/json": {
                        "example": {
                            "code": "SMS_RATE_LIMITED",
                            "message": "验证码已发送，请 42 秒后再试",
                            "details": {"retry_after": 42},
                        }
                    }
                },
            }
        }
    },
)
@require(PUBLIC)
def sms_send(request: HttpRequest, payload: s.SmsSendIn) -> dict[str, int]:
    services.sms_code_send(phone=payload.phone, scene=payload.scene, client=_client(request))
    return {"cooldown_seconds": settings.SMS_RESEND_COOLDOWN_SECONDS, "expires_in": settings.SMS_CODE_TTL_SECONDS}


@auth_router.post(
    "/sms/login",
    response={200: s.TokenPairOut, **error_responses(400, 403, 409, 422)},
    auth=None,
    operation_id="auth_sms_login",
    summary="短信验证码登录（新手机号自动注册）",
    description="未注册的手机号会在同一事务中创建用户、一个待完善名称的新商户，并设为该商户管理员。"
    "验证码只能使用一次，输错 5 次即失效。`remember` 为真时刷新令牌 7 天有效，否则 12 小时。",
    openapi_extra={
        "responses": {
            400: {
                "description": "验证码错误",
                "content": {
                    "application/json": {
                        "example": {
                            "code": "SMS_CODE_INVALID",
                            "message": "验证码错误，还可尝试 4 次",
                            "details": {"remaining_attempts": 4},
                        }
                    }
                },
            }
        }
    },
)
@require(PUBLIC)
def sms_login(request: HttpRequest, payload: s.SmsLoginIn) -> dict[str, Any]:
    result = services.sms_login(
        phone=payload.phone,
        code=payload.code,
        remember=payload.remember,
        client=_client(request),
        wechat_bind_ticket=payload.wechat_bind_ticket,
    )
    return _token_pair(result)


@auth_router.post(
    "/refresh",
    response={200: s.TokenPairOut, **error_responses(401, 403)},
    auth=None,
    operation_id="auth_refresh",
    summary="刷新令牌（轮换）",
    description="用刷新令牌换一对新令牌，旧刷新令牌随即作废；已作废的刷新令牌再次使用时，"
    "整个会话族被撤销（`REFRESH_TOKEN_REUSED`）。",
)
@require(PUBLIC)
def refresh(request: HttpRequest, payload: s.RefreshIn) -> dict[str, Any]:
    user, tokens = services.session_refresh(refresh=payload.refresh)
    return _token_pair(LoginResult(user=user, tokens=tokens, is_new_user=False))


@auth_router.post(
    "/logout",
    response={204: None},
    auth=None,
    operation_id="auth_logout",
    summary="退出登录",
    description="撤销该刷新令牌所在的会话；其访问令牌随即失效。",
)
@require(PUBLIC)
def logout(request: HttpRequest, payload: s.RefreshIn) -> Status[None]:
    services.session_logout(refresh=payload.refresh)
    return Status(204, None)


@auth_router.post(
    "/password/login",
    response={200: s.TokenPairOut, **error_responses(401, 403, 423)},
    auth=None,
    operation_id="auth_password_login",
    summary="后台账号密码登录",
    description="15 分钟内连续失败 5 次，账号锁定 15 分钟（423 `ACCOUNT_LOCKED`，`details.retry_after`）。",
)
@require(PUBLIC)
def password_login(request: HttpRequest, payload: s.PasswordLoginIn) -> dict[str, Any]:
    return _token_pair(
        services.password_login(username=payload.username, password=payload.password, client=_client(request))
    )


@auth_router.post(
    "/wechat/miniprogram",
    response={200: s.TokenPairOut, **error_responses(400, 403, 409, 422)},
    auth=None,
    operation_id="auth_wechat_miniprogram",
    summary="微信小程序手机号授权登录",
    description="`login_code` 来自 wx.login（jscode2session），`phone_code` 来自手机号授权（getuserphonenumber）。"
    "按 unionid 识别用户；新手机号自动注册。",
)
@require(PUBLIC)
def wechat_miniprogram(request: HttpRequest, payload: s.WechatMiniProgramIn) -> dict[str, Any]:
    return _token_pair(
        services.wechat_miniprogram_login(
            login_code=payload.login_code, phone_code=payload.phone_code, client=_client(request)
        )
    )


@auth_router.get(
    "/wechat/qr",
    response=s.WechatQrOut,
    auth=None,
    operation_id="auth_wechat_qr",
    summary="获取微信扫码登录地址",
)
@require(PUBLIC)
def wechat_qr(request: HttpRequest) -> dict[str, str]:
    url, state = services.wechat_qr_start()
    return {"url": url, "state": state}


@auth_router.post(
    "/wechat/qr/callback",
    response={200: s.TokenPairOut, **error_responses(400, 403, 409)},
    auth=None,
    operation_id="auth_wechat_qr_callback",
    summary="微信扫码登录回调",
    description="校验 `state` 后换取微信用户；未绑定的微信返回 409 `WECHAT_NOT_BOUND` 与 `details.bind_ticket`，"
    "用户随后以短信登录并携带该凭证即完成绑定。",
)
@require(PUBLIC)
def wechat_qr_callback(request: HttpRequest, payload: s.WechatQrCallbackIn) -> dict[str, Any]:
    return _token_pair(services.wechat_qr_login(code=payload.code, state=payload.state, client=_client(request)))


@auth_router.post(
    "/password/change",
    response={200: s.UserOut, **error_responses(401, 403, 422)},
    operation_id="auth_password_change",
    summary="修改自己的密码",
    description="校验原密码与密码策略（至少 8 位、不能过于常见、不能全为数字）。"
    "成功后清除「下次登录须改密码」标记，并退出该账户的其他登录会话。"
    "使用临时密码登录时，除本接口与 `/me` 外的接口都返回 403 `PASSWORD_CHANGE_REQUIRED`。",
)
@require(AUTHENTICATED, allow_pending_password_change=True)
def password_change(request: HttpRequest, payload: s.PasswordChangeIn) -> dict[str, Any]:
    user = rbac_services.password_change(
        actor=actor_of(request), old_password=payload.old_password, new_password=payload.new_password
    )
    return s.user_out(user)


@auth_router.post(
    "/impersonation/end",
    response={204: None, **error_responses(401, 409)},
    operation_id="auth_impersonation_end",
    summary="结束用户切换（切回管理员）",
    description="只能由用户切换会话调用：结束该切换并撤销其令牌，之后回到管理员自己的后台会话。",
)
@require(AUTHENTICATED, allow_while_impersonating=True)
def impersonation_end(request: HttpRequest) -> Status[None]:
    rbac_services.impersonation_end(actor=actor_of(request))
    return Status(204, None)


@me_router.get("", response=s.MeOut, operation_id="me_get", summary="当前用户、商户、权限与服务目录")
@require(AUTHENTICATED, allow_pending_password_change=True)
def me(request: HttpRequest) -> dict[str, Any]:
    return me_payload(actor_of(request))


@me_router.post(
    "/switch-merchant",
    response={200: s.MeOut, **error_responses(404)},
    operation_id="me_switch_merchant",
    summary="切换当前商户",
)
@require(AUTHENTICATED)
def switch_merchant(request: HttpRequest, payload: s.SwitchMerchantIn) -> dict[str, Any]:
    actor = actor_of(request)
    if actor.impersonator is not None:
        raise ApiError("PERMISSION_DENIED", "代客操作期间不能切换商户", status=403)
    merchant_switch(actor=actor, merchant_id=payload.merchant_id)
    actor.user.refresh_from_db()
    return me_payload(build_actor(actor.user, session=actor.session, request=request))


def fake_qrconnect_page(request: HttpRequest) -> HttpResponse:
    """The WeChat stand-in's 'scan' page (only mounted when WECHAT_BACKEND is fake)."""

    from django.conf import settings

    state = request.GET.get("state", "")
    code = request.GET.get("as", "demo-wechat-user")
    target = f"{settings.WECHAT_WEB_REDIRECT_URI}?{urlencode({'code': code, 'state': state})}"
    html = (
        "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>模拟微信扫码</title>"
        "<body style='font-family:sans-serif;display:flex;justify-content:center;padding-top:80px;background:#f5f5f5'>"
        "<div style='background:#fff;padding:32px 40px;border-radius:12px;text-align:center'>"
        "<h2>模拟微信扫码登录</h2><p style='color:#666'>开发环境未接入真实微信，点击下方按钮模拟「确认登录」。</p>"
        f"<a id='confirm' href='{escape(target)}' style='display:inline-block;margin-top:16px;padding:10px 28px;"
        "background:#07c160;color:#fff;border-radius:6px;text-decoration:none'>确认登录</a></div></body></html>"
    )
    return HttpResponse(html)
