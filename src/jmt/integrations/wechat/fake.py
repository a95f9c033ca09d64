"""The WeChat stand-in for ``make run`` and tests: deterministic answers, no network.

* ``code_to_session(c)``  → openid ``fake-mp-openid-{c}``, unionid ``fake-unionid-{c}``
* ``phone_number(pc)``    → ``pc`` itself when it is a mainland mobile number, otherwise
  ``"139"`` + 8 digits: ``int(sha256(pc).hexdigest(), 16) % 10**8``, zero-padded
* ``qr_login_url(state)`` → ``/api/v1/auth/wechat/fake-qrconnect?state=…`` (a page the site serves)
* ``web_user(code)``      → openid ``fake-web-openid-{code}``, unionid ``fake-unionid-{code}``
* ``send_template(m)``    → appended to the module-level ``sent`` list
* the service account's followers live in the module-level ``followers`` dict (openid → unionid):
  ``follow(openid, unionid)`` / ``unfollow(openid)`` change it, ``follower`` / ``follower_page`` /
  ``followers`` read it (an openid not in it is not subscribed)

A code starting with ``invalid`` raises ``WechatError(40029, "invalid code", permanent=True)``, and a
template for a ``touser`` starting with ``unfollowed`` raises 43004, so the error paths are testable.
"""

from __future__ import annotations

import hashlib
import re
import threading
from urllib.parse import urlencode

from jmt.integrations.wechat.port import (
    Follower,
    FollowerPage,
    MiniProgramSession,
    TemplateMessage,
    WebUser,
    WechatError,
)

FAKE_QRCONNECT_PATH = "/api/v1/auth/wechat/fake-qrconnect"
FAKE_NICKNAME = "微信用户"

_MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")

sent: list[TemplateMessage] = []
followers: dict[str, str] = {}  # the service account's followers: openid -> unionid
PAGE_SIZE = 10_000
_lock = threading.Lock()


def clear() -> None:
    """Forget the template messages sent and the followers so far (call it between tests)."""
    with _lock:
        sent.clear()
        followers.clear()


def follow(openid: str, unionid: str) -> None:
    with _lock:
        followers[openid] = unionid


def unfollow(openid: str) -> None:
    with _lock:
        followers.pop(openid, None)


def fake_phone_for(phone_code: str) -> str:
    if _MAINLAND_MOBILE.match(phone_code):
        return phone_code
    digits = int(hashlib.sha256(phone_code.encode()).hexdigest(), 16) % 10**8
    return f"139{digits:08d}"


def _check(code: str) -> None:
    if code.startswith("invalid"):
        raise WechatError(40029, "invalid code", permanent=True)


class FakeWechatClient:
    def code_to_session(self, login_code: str) -> MiniProgramSession:
        _check(login_code)
        return MiniProgramSession(openid=f"fake-mp-openid-{login_code}", unionid=f"fake-unionid-{login_code}")

    def phone_number(self, phone_code: str) -> str:
        _check(phone_code)
        return fake_phone_for(phone_code)

    def qr_login_url(self, state: str) -> str:
        return f"{FAKE_QRCONNECT_PATH}?{urlencode({'state': state})}"

    def web_user(self, code: str) -> WebUser:
        _check(code)
        return WebUser(openid=f"fake-web-openid-{code}", unionid=f"fake-unionid-{code}", nickname=FAKE_NICKNAME)

    def send_template(self, message: TemplateMessage) -> None:
        if message.touser.startswith("unfollowed"):
            raise WechatError(43004, "require subscribe", permanent=True)
        with _lock:
            sent.append(message)

    def follower(self, openid: str) -> Follower:
        with _lock:
            unionid = followers.get(openid)
        return Follower(openid=openid, unionid=unionid, subscribed=unionid is not None)

    def follower_page(self, next_openid: str = "") -> FollowerPage:
        with _lock:
            openids = sorted(followers)
        start = openids.index(next_openid) + 1 if next_openid in openids else 0
        page = openids[start : start + PAGE_SIZE]
        more = start + PAGE_SIZE < len(openids)
        return FollowerPage(openids=page, next_openid=page[-1] if page and more else "", total=len(openids))

    def followers(self, openids: list[str]) -> list[Follower]:
        return [self.follower(openid) for openid in openids]
