from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import Field


class SmsSendIn(Schema):
    phone: str = Field(description="中国大陆手机号", examples=["13800138000"])
    scene: Literal["login", "change_phone"] = Field(default="login", description="用途")


class SmsSendOut(Schema):
    cooldown_seconds: int = Field(description="再次获取前需等待的秒数", examples=[60])
    expires_in: int = Field(description="验证码有效秒数", examples=[300])


class SmsLoginIn(Schema):
    phone: str = Field(examples=["13800138000"])
    code: str = Field(description="6 位短信验证码", examples=["123456"])
    remember: bool = Field(default=False, description="记住我 7 天（否则 12 小时）")
    wechat_bind_ticket: str = Field(default="", description="扫码登录返回 WECHAT_NOT_BOUND 时给出的绑定凭证")


class PasswordLoginIn(Schema):
    username: str = Field(examples=["admin"])
    password: str = Field(examples=["••••••••"])


class PasswordChangeIn(Schema):
    old_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=1, max_length=128, description="至少 8 位，不能过于常见，不能全为数字")


class RefreshIn(Schema):
    refresh: str


class WechatMiniProgramIn(Schema):
    login_code: str = Field(description="wx.login 返回的 code")
    phone_code: str = Field(description="getPhoneNumber 返回的 code")


class WebViewTicketOut(Schema):
    ticket: str = Field(description="一次性凭证：放入 web-view 地址，H5 立即换取令牌")
    user_id: int
    expires_in: int = Field(description="有效秒数", examples=[60])


class WebViewTicketExchangeIn(Schema):
    ticket: str = Field(max_length=128)
    user_id: int = Field(description="凭证所属用户（web-view 地址中的 uid）")


class WechatQrOut(Schema):
    url: str = Field(description="微信扫码登录地址（qrconnect）")
    state: str


class WechatQrCallbackIn(Schema):
    code: str
    state: str


class UserOut(Schema):
    id: int
    name: str
    display_name: str
    phone_masked: str
    is_staff: bool
    must_change_password: bool
    wechat_bound: bool


class TokenPairOut(Schema):
    access: str = Field(description="访问令牌（JWT，15 分钟）")
    refresh: str = Field(description="刷新令牌（一次性，轮换）")
    expires_in: int = Field(description="访问令牌有效秒数", examples=[900])
    refresh_expires_at: str
    user: UserOut
    is_new_user: bool = Field(description="本次登录是否新注册")


class CatalogItemOut(Schema):
    key: str
    feature: str
    title: str
    route: str
    description: str
    permission: str
    available: bool = Field(description="页面已上线；否则显示「即将上线」，不可进入")
    enabled: bool
    disabled_reason: str


class CatalogModuleOut(Schema):
    key: str
    title: str
    icon: str
    description: str
    route: str
    gated: bool
    available: bool = Field(description="模块已有上线的功能；否则显示「即将上线」")
    enabled: bool
    disabled_reason: str
    items: list[CatalogItemOut]


class MerchantBriefOut(Schema):
    id: int
    name: str
    display_name: str
    registration_status: str
    registration_approved: bool


class MembershipOut(Schema):
    merchant_id: int
    merchant_name: str
    role: str
    role_label: str
    current: bool


class ImpersonatorOut(Schema):
    id: int
    display_name: str
    read_only: bool = Field(description="用户切换为只读（切换者的角色未开启「用户切换时允许修改」）")


class MeOut(Schema):
    user: UserOut
    merchant: MerchantBriefOut | None
    memberships: list[MembershipOut]
    roles: list[str]
    permissions: list[str]
    impersonator: ImpersonatorOut | None
    catalog: list[CatalogModuleOut]
    admin_catalog: list[CatalogModuleOut]


class SwitchMerchantIn(Schema):
    merchant_id: int


def user_out(user: Any) -> dict[str, Any]:
    return {
        "id": user.pk,
        "name": user.name,
        "display_name": user.display_name,
        "phone_masked": f"{user.phone[:3]}****{user.phone[-4:]}" if user.phone else "",
        "is_staff": user.is_staff,
        "must_change_password": user.must_change_password,
        "wechat_bound": bool(user.wechat_unionid),
    }


# --- 我的 · 个人账户 (U1) ---


class PersonalOut(Schema):
    id: int
    name: str
    gender: str = Field(description="male 男 / female 女 / 空：未填")
    gender_label: str
    id_number: str
    email: str
    phone: str = Field(description="本人完整手机号（仅本人可见）")
    phone_masked: str
    wechat_bound: bool
    wechat_bound_via: list[str] = Field(description="已绑定的微信入口：web 网站扫码 / mp 小程序")
    date_joined: str


class PersonalIn(Schema):
    name: str | None = Field(default=None, max_length=64, examples=["林晶莹"])
    gender: Literal["male", "female", ""] | None = None
    id_number: str | None = Field(default=None, max_length=32, description="18 位居民身份证号")
    email: str | None = Field(default=None, max_length=254, examples=["lin@example.com"])


class PhoneNewCodeIn(Schema):
    phone: str = Field(description="新手机号", examples=["13700000088"])


class PhoneChangeIn(Schema):
    phone: str = Field(description="新手机号", examples=["13700000088"])
    old_code: str = Field(description="原手机号收到的验证码", examples=["123456"])
    new_code: str = Field(description="新手机号收到的验证码", examples=["654321"])


class WechatBindIn(Schema):
    code: str
    state: str


class MyLogQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


def personal_out(user: Any) -> dict[str, Any]:
    from jmt.accounts.models import Gender

    via = [name for name, value in (("web", user.wechat_web_openid), ("mp", user.wechat_mp_openid)) if value]
    return {
        "id": user.pk,
        "name": user.name,
        "gender": user.gender,
        "gender_label": Gender(user.gender).label if user.gender else "",
        "id_number": user.id_number,
        "email": user.email,
        "phone": user.phone or "",
        "phone_masked": f"{user.phone[:3]}****{user.phone[-4:]}" if user.phone else "",
        "wechat_bound": bool(user.wechat_unionid),
        "wechat_bound_via": via,
        "date_joined": user.date_joined.isoformat(),
    }
