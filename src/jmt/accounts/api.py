"""Login, registration, sessions and the signed-in user (``/auth``, ``/me``)."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from ninja import Query, Router, Status

from jmt.accounts import schemas as s
from jmt.accounts import services
from jmt.accounts.selectors import build_actor, me_payload, my_operation_logs
from jmt.accounts.services import ClientInfo, LoginResult
from jmt.audit.schemas import OperationLogPageOut, log_out
from jmt.core.errors import ApiError
from jmt.core.pagination import paginate
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


@auth_router.post(
    "/webview-ticket",
    response={200: s.WebViewTicketOut, **error_responses(401)},
    operation_id="auth_webview_ticket_issue",
    summary="小程序：为 web-view 签发一次性登录凭证（60 秒，仅可使用一次）",
    description="小程序登录后调用，把 `ticket` 与 `user_id` 放进 web-view 的 H5 地址；地址中从不出现令牌。",
)
@require(AUTHENTICATED)
def webview_ticket_issue(request: HttpRequest) -> dict[str, Any]:
    user = actor_of(request).user
    ticket, seconds = services.webview_ticket_issue(user=user)
    return {"ticket": ticket, "user_id": user.pk, "expires_in": seconds}


@auth_router.post(
    "/webview-ticket/exchange",
    response={200: s.TokenPairOut, **error_responses(400, 403, 422)},
    auth=None,
    operation_id="auth_webview_ticket_exchange",
    summary="H5：用小程序的一次性凭证换取令牌",
    description="凭证只能使用一次（无论成功与否），60 秒内有效，且必须属于 `user_id`；"
    "否则 400 `WEBVIEW_TICKET_INVALID`。",
)
@require(PUBLIC)
def webview_ticket_exchange(request: HttpRequest, payload: s.WebViewTicketExchangeIn) -> dict[str, Any]:
    return _token_pair(
        services.webview_ticket_exchange(ticket=payload.ticket, user_id=payload.user_id, client=_client(request))
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


# --- 我的 · 个人账户 (U1) ---


@me_router.get("/profile", response=s.PersonalOut, operation_id="me_profile_get", summary="我的个人信息")
@require(AUTHENTICATED)
def profile_get(request: HttpRequest) -> dict[str, Any]:
    return s.personal_out(actor_of(request).user)


@me_router.patch(
    "/profile",
    response={200: s.PersonalOut, **error_responses(401, 403, 422)},
    operation_id="me_profile_update",
    summary="修改我的个人信息",
    description="姓名、性别、身份证号（18 位，校验码正确）、邮箱；只提交要改的字段。",
)
@require(AUTHENTICATED)
def profile_update(request: HttpRequest, payload: s.PersonalIn) -> dict[str, Any]:
    changes = payload.model_dump(exclude_unset=True)
    return s.personal_out(services.personal_update(actor=actor_of(request), changes=changes))


@me_router.post(
    "/phone/old-code",
    response={200: s.SmsSendOut, **error_responses(401, 409, 429, 502)},
    operation_id="me_phone_old_code",
    summary="更换手机号：向原手机号发送验证码",
    description="与登录验证码共用发送频率限制（60 秒一次，每小时 ≤ 5 次，每天 ≤ 10 次）。",
)
@require(AUTHENTICATED)
def phone_old_code(request: HttpRequest) -> dict[str, int]:
    services.phone_change_send_old(actor=actor_of(request), client=_client(request))
    return {"cooldown_seconds": settings.SMS_RESEND_COOLDOWN_SECONDS, "expires_in": settings.SMS_CODE_TTL_SECONDS}


@me_router.post(
    "/phone/new-code",
    response={200: s.SmsSendOut, **error_responses(401, 409, 422, 429, 502)},
    operation_id="me_phone_new_code",
    summary="更换手机号：向新手机号发送验证码",
    description="新手机号不能与当前相同（`PHONE_SAME`），也不能已属于其他账号（409 `PHONE_TAKEN`）。",
)
@require(AUTHENTICATED)
def phone_new_code(request: HttpRequest, payload: s.PhoneNewCodeIn) -> dict[str, int]:
    services.phone_change_send_new(actor=actor_of(request), phone=payload.phone, client=_client(request))
    return {"cooldown_seconds": settings.SMS_RESEND_COOLDOWN_SECONDS, "expires_in": settings.SMS_CODE_TTL_SECONDS}


@me_router.post(
    "/phone/change",
    response={200: s.PersonalOut, **error_responses(400, 401, 409, 422)},
    operation_id="me_phone_change",
    summary="更换手机号（原、新手机号验证码一并提交）",
    description="两个验证码都正确才会更换，任一错误时两个验证码都不作废（错误次数照常累计）；"
    "错误的 `details.fields` 指明是 `old_code` 还是 `new_code`。",
)
@require(AUTHENTICATED)
def phone_change(request: HttpRequest, payload: s.PhoneChangeIn) -> dict[str, Any]:
    user = services.phone_change(
        actor=actor_of(request), new_phone=payload.phone, old_code=payload.old_code, new_code=payload.new_code
    )
    return s.personal_out(user)


@me_router.get(
    "/wechat/bind-url",
    response=s.WechatQrOut,
    operation_id="me_wechat_bind_url",
    summary="绑定微信：获取扫码地址",
    description="扫码后微信回到登录回调页，回调页凭 `state` 调用 `POST /me/wechat/bind` 完成绑定。",
)
@require(AUTHENTICATED)
def wechat_bind_url(request: HttpRequest) -> dict[str, str]:
    url, state = services.wechat_qr_start(bind_user=actor_of(request).user)
    return {"url": url, "state": state}


@me_router.post(
    "/wechat/bind",
    response={200: s.PersonalOut, **error_responses(400, 401, 409)},
    operation_id="me_wechat_bind",
    summary="绑定微信（扫码回调）",
    description="已绑定其他账号的微信返回 409 `WECHAT_ALREADY_BOUND`。",
)
@require(AUTHENTICATED)
def wechat_bind(request: HttpRequest, payload: s.WechatBindIn) -> dict[str, Any]:
    return s.personal_out(services.wechat_bind(actor=actor_of(request), code=payload.code, state=payload.state))


@me_router.post(
    "/wechat/unbind",
    response={200: s.PersonalOut, **error_responses(401, 409)},
    operation_id="me_wechat_unbind",
    summary="解绑微信",
    description="清除账号的微信身份；之后用手机号验证码登录。",
)
@require(AUTHENTICATED)
def wechat_unbind(request: HttpRequest) -> dict[str, Any]:
    return s.personal_out(services.wechat_unbind(actor=actor_of(request)))


@me_router.get(
    "/operation-logs",
    response={200: OperationLogPageOut, **error_responses(401, 422)},
    operation_id="me_operation_logs",
    summary="我的操作记录",
    description="本人账号做过的操作（含后台人员切换为本人时的操作，标明代操作人），最新的在前。",
)
@require(AUTHENTICATED)
def operation_logs(request: HttpRequest, query: Query[s.MyLogQuery]) -> dict[str, Any]:
    rows = my_operation_logs(actor=actor_of(request))
    return paginate(rows, page=query.page, page_size=query.page_size).map(log_out).out()


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
