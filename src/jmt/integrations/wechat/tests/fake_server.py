"""A local stand-in for api.weixin.qq.com, served on 127.0.0.1 in a thread.

It keeps the state WeChat keeps (which access token is current for each appid, which have expired,
which codes were used) and answers with WeChat's own errcodes, so the adapter's token refresh,
retry and error mapping are exercised against the same rules as production.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from jmt.integrations.testing import Recorded, Reply

# --- WeChat ------------------------------------------------------------------------------------

SESSION_KEY = "FAKE-SESSION-KEY-must-not-leak"


def _err(errcode: int, errmsg: str) -> Reply:
    return 200, {"errcode": errcode, "errmsg": errmsg}


@dataclass
class FakeWechatApi:
    mp_appid: str
    mp_secret: str
    web_appid: str
    web_secret: str
    service_appid: str
    service_secret: str
    phones: dict[str, str] = field(default_factory=dict)  # phone code -> purePhoneNumber
    unfollowed: set[str] = field(default_factory=set)  # service-account openids not following
    followers: dict[str, str] = field(default_factory=dict)  # service-account openid -> unionid, following
    page_size: int = 10_000  # user/get hands out at most this many openids a call
    reject_every_token: bool = False  # answer 40001 to every token, whatever stable_token says
    current_tokens: dict[str, str] = field(default_factory=dict)  # appid -> the token stable_token hands out
    expired_tokens: set[str] = field(default_factory=set)
    revoked_tokens: set[str] = field(default_factory=set)  # refused with 40001, still handed out
    token_requests: list[dict[str, object]] = field(default_factory=list)
    templates: list[dict[str, object]] = field(default_factory=list)
    _serial: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    # --- test controls ---
    def expire_token(self, appid: str) -> None:
        """WeChat's side of a token expiring: calls with it get 42001, stable_token hands out a new one."""
        self.expired_tokens.add(self.current_tokens.pop(appid))

    def revoke_token_silently(self, appid: str) -> None:
        """Calls with the token get 40001 while stable_token (normal mode) keeps handing it out."""
        self.revoked_tokens.add(self.current_tokens[appid])

    # --- routes ---
    def __call__(self, request: Recorded) -> Reply:
        routes: dict[tuple[str, str], Callable[[Recorded], Reply]] = {
            ("GET", "/sns/jscode2session"): self._jscode2session,
            ("POST", "/cgi-bin/stable_token"): self._stable_token,
            ("POST", "/wxa/business/getuserphonenumber"): self._phone_number,
            ("POST", "/cgi-bin/message/template/send"): self._template_send,
            ("GET", "/sns/oauth2/access_token"): self._oauth2_access_token,
            ("GET", "/sns/userinfo"): self._userinfo,
            ("GET", "/cgi-bin/user/info"): self._user_info,
            ("GET", "/cgi-bin/user/get"): self._user_get,
            ("POST", "/cgi-bin/user/info/batchget"): self._user_batchget,
        }
        route = routes.get((request.method, request.path))
        if route is None:
            return 404, b"not found"
        return route(request)

    def _secrets(self) -> dict[str, str]:
        return {
            self.mp_appid: self.mp_secret,
            self.web_appid: self.web_secret,
            self.service_appid: self.service_secret,
        }

    def _credentials_problem(self, appid: str, secret: str) -> Reply | None:
        if appid not in self._secrets():
            return _err(40013, "invalid appid")
        if self._secrets()[appid] != secret:
            return _err(40125, "invalid appsecret")
        return None

    def _token_problem(self, request: Recorded, appid: str) -> Reply | None:
        token = request.query.get("access_token", "")
        if token in self.expired_tokens:
            return _err(42001, "access_token expired")
        if self.reject_every_token or token in self.revoked_tokens or token != self.current_tokens.get(appid):
            return _err(40001, "invalid credential, access_token is invalid or not latest")
        return None

    def _jscode2session(self, request: Recorded) -> Reply:
        q = request.query
        problem = self._credentials_problem(q.get("appid", ""), q.get("secret", ""))
        if problem or q.get("grant_type") != "authorization_code":
            return problem or _err(40002, "invalid grant_type")
        code = q.get("js_code", "")
        if code.startswith("invalid"):
            return _err(40029, "invalid code")
        if code.startswith("risky"):
            return _err(40226, "high risk user")
        return 200, {"openid": f"mp-openid-{code}", "session_key": SESSION_KEY, "unionid": f"unionid-{code}"}

    def _stable_token(self, request: Recorded) -> Reply:
        body = json.loads(request.body)
        self.token_requests.append(body)
        appid = body.get("appid", "")
        problem = self._credentials_problem(appid, body.get("secret", ""))
        if problem or body.get("grant_type") != "client_credential":
            return problem or _err(40002, "invalid grant_type")
        if body.get("force_refresh") or appid not in self.current_tokens:
            old = self.current_tokens.get(appid)
            if old:
                self.expired_tokens.add(old)
            self.current_tokens[appid] = f"token-{appid}-{next(self._serial)}"
        return 200, {"access_token": self.current_tokens[appid], "expires_in": 7200}

    def _phone_number(self, request: Recorded) -> Reply:
        problem = self._token_problem(request, self.mp_appid)
        if problem:
            return problem
        code = json.loads(request.body).get("code", "")
        if code not in self.phones:
            return _err(40029, "invalid code")
        phone = self.phones.pop(code)  # single use, as on WeChat
        return 200, {
            "errcode": 0,
            "errmsg": "ok",
            "phone_info": {
                "phoneNumber": phone,
                "purePhoneNumber": phone,
                "countryCode": "86",
                "watermark": {"timestamp": int(time.time()), "appid": self.mp_appid},
            },
        }

    def _template_send(self, request: Recorded) -> Reply:
        problem = self._token_problem(request, self.service_appid)
        if problem:
            return problem
        body = json.loads(request.body)
        if body.get("touser") in self.unfollowed:
            return _err(43004, "require subscribe")
        self.templates.append(body)
        return 200, {"errcode": 0, "errmsg": "ok", "msgid": 200228332}

    def _oauth2_access_token(self, request: Recorded) -> Reply:
        q = request.query
        problem = self._credentials_problem(q.get("appid", ""), q.get("secret", ""))
        if problem or q.get("appid") != self.web_appid:
            return problem or _err(40013, "invalid appid")
        code = q.get("code", "")
        if code.startswith("invalid"):
            return _err(40029, "invalid code")
        return 200, {
            "access_token": f"web-token-{code}",
            "expires_in": 7200,
            "refresh_token": f"web-refresh-{code}",
            "openid": f"web-openid-{code}",
            "scope": "snsapi_login",
            "unionid": f"unionid-{code}",
        }

    def _userinfo(self, request: Recorded) -> Reply:
        q = request.query
        token = q.get("access_token", "")
        if not token.startswith("web-token-"):
            return _err(40001, "invalid credential")
        code = token.removeprefix("web-token-")
        if q.get("openid") != f"web-openid-{code}":
            return _err(40003, "invalid openid")
        return 200, {
            "openid": f"web-openid-{code}",
            "nickname": "张三",
            "sex": 0,
            "province": "",
            "city": "",
            "country": "",
            "headimgurl": "",
            "privilege": [],
            "unionid": f"unionid-{code}",
        }

    # --- the service account's followers ---
    def _user(self, openid: str) -> dict[str, object]:
        if openid not in self.followers:
            return {"subscribe": 0, "openid": openid}
        return {
            "subscribe": 1,
            "openid": openid,
            "language": "zh_CN",
            "subscribe_time": 1764900000,
            "unionid": self.followers[openid],
            "remark": "",
            "groupid": 0,
            "tagid_list": [],
            "subscribe_scene": "ADD_SCENE_QR_CODE",
        }

    def _user_info(self, request: Recorded) -> Reply:
        problem = self._token_problem(request, self.service_appid)
        if problem:
            return problem
        openid = request.query.get("openid", "")
        if not openid:
            return _err(40003, "invalid openid")
        return 200, self._user(openid)

    def _user_get(self, request: Recorded) -> Reply:
        problem = self._token_problem(request, self.service_appid)
        if problem:
            return problem
        openids = sorted(self.followers)
        after = request.query.get("next_openid", "")
        start = openids.index(after) + 1 if after in openids else 0
        page = openids[start : start + self.page_size]
        if not page:
            return 200, {"total": len(openids), "count": 0, "next_openid": ""}
        return 200, {
            "total": len(openids),
            "count": len(page),
            "data": {"openid": page},
            "next_openid": page[-1],  # WeChat hands back the last openid, even on the last page
        }

    def _user_batchget(self, request: Recorded) -> Reply:
        problem = self._token_problem(request, self.service_appid)
        if problem:
            return problem
        users = json.loads(request.body).get("user_list", [])
        if len(users) > 100:
            return _err(45158, "user_list size out of limit")
        return 200, {"user_info_list": [self._user(u.get("openid", "")) for u in users]}
