"""The WeChat port: mini-program login and phone number, website QR login, template messages, and the
service account's followers (``user/info``, ``user/get``, ``user/info/batchget``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class MiniProgramSession:
    openid: str
    unionid: str | None
    # session_key is deliberately not kept: it never leaves the adapter.


@dataclass(frozen=True)
class WebUser:
    openid: str
    unionid: str | None
    nickname: str = ""


@dataclass(frozen=True)
class TemplateMessage:
    touser: str  # the service account's openid of the recipient
    template_id: str
    data: dict[str, str]
    miniprogram_pagepath: str = ""
    client_msg_id: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Follower:
    """One person as the service account (公众号) sees them."""

    openid: str  # the service account's openid
    unionid: str | None  # None when the account is not bound to the open platform
    subscribed: bool


@dataclass(frozen=True)
class FollowerPage:
    openids: list[str]
    next_openid: str  # "" when this was the last page
    total: int


class WechatError(Exception):
    """WeChat answered with an errcode. ``permanent`` errors must not be retried."""

    def __init__(self, errcode: int, errmsg: str, *, permanent: bool) -> None:
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.permanent = permanent


class WechatClient(Protocol):
    def code_to_session(self, login_code: str) -> MiniProgramSession:
        """jscode2session."""
        ...

    def phone_number(self, phone_code: str) -> str:
        """getuserphonenumber → purePhoneNumber (mainland, 11 digits)."""
        ...

    def qr_login_url(self, state: str) -> str:
        """The qrconnect URL the PC login page shows (scope snsapi_login)."""
        ...

    def web_user(self, code: str) -> WebUser:
        """sns/oauth2/access_token then sns/userinfo for a website QR login."""
        ...

    def send_template(self, message: TemplateMessage) -> None:
        """Service-account template message (used by the messages issue)."""
        ...

    def follower(self, openid: str) -> Follower:
        """cgi-bin/user/info: whether this openid follows the service account, and its unionid."""
        ...

    def follower_page(self, next_openid: str = "") -> FollowerPage:
        """cgi-bin/user/get: up to 10,000 openids of followers, from ``next_openid`` on."""
        ...

    def followers(self, openids: list[str]) -> list[Follower]:
        """cgi-bin/user/info/batchget: up to 100 followers at a time."""
        ...
