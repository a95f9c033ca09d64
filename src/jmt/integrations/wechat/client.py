"""The real WeChat adapter: api.weixin.qq.com and open.weixin.qq.com over ``jmt.core.http``.

* Mini-program login: ``GET /sns/jscode2session``. The ``session_key`` in the answer is dropped
  here and never leaves this module (not returned, not logged).
* Access tokens: ``POST /cgi-bin/stable_token``, cached per appid in Django's cache until shortly
  before they expire. When WeChat answers 40001 / 42001 the token is refreshed once and the call
  retried once; if the refresh hands back the very token that was just refused, it is fetched
  again with ``force_refresh``.
* Phone number: ``POST /wxa/business/getuserphonenumber`` with the mini-program's token.
* Website QR login: the ``qrconnect`` URL, then ``/sns/oauth2/access_token`` and ``/sns/userinfo``.
* Template messages: ``POST /cgi-bin/message/template/send`` with the service account's token.
* Followers of the service account: ``GET /cgi-bin/user/info``, ``GET /cgi-bin/user/get`` and
  ``POST /cgi-bin/user/info/batchget`` (100 openids a call), with the service account's token.

Every ``errcode`` other than 0 becomes a ``WechatError``; only -1 (system busy) and the token
errors are transient, so callers retry nothing else (43004 "not following" is recorded, not retried).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from jmt.core import http
from jmt.integrations.wechat.port import (
    Follower,
    FollowerPage,
    MiniProgramSession,
    TemplateMessage,
    WebUser,
    WechatError,
)

logger = logging.getLogger("jmt.wechat")

TOKEN_ERRORS = frozenset({40001, 42001})
TRANSIENT_ERRORS = frozenset({-1}) | TOKEN_ERRORS
TOKEN_CACHE_PREFIX = "jmt:wechat:stable_token:"
TOKEN_EARLY_EXPIRY_SECONDS = 300
BATCHGET_LIMIT = 100

JsonObject = dict[str, object]
Params = Mapping[str, str]


def _text(data: JsonObject, key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _follower(data: JsonObject, openid: str) -> Follower:
    return Follower(openid=openid, unionid=_text(data, "unionid") or None, subscribed=data.get("subscribe") == 1)


def _cache_seconds(expires_in: int) -> int:
    """Cache a token until shortly before WeChat lets it expire (7200 s → 6900 s)."""
    if expires_in > 2 * TOKEN_EARLY_EXPIRY_SECONDS:
        return expires_in - TOKEN_EARLY_EXPIRY_SECONDS
    return max(expires_in // 2, 1)


class HttpWechatClient:
    def __init__(
        self,
        api_base: str,
        open_base: str,
        mp_appid: str,
        mp_secret: str,
        web_appid: str,
        web_secret: str,
        web_redirect_uri: str,
        service_appid: str = "",
        service_secret: str = "",
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self.open_base = open_base.rstrip("/")
        self.mp_appid = mp_appid
        self._mp_secret = mp_secret
        self.web_appid = web_appid
        self._web_secret = web_secret
        self.web_redirect_uri = web_redirect_uri
        self.service_appid = service_appid
        self._service_secret = service_secret

    def __repr__(self) -> str:  # never show the secrets
        return f"HttpWechatClient(api_base={self.api_base!r}, mp_appid={self.mp_appid!r}, web_appid={self.web_appid!r})"

    # --- the port ---------------------------------------------------------------------------

    def code_to_session(self, login_code: str) -> MiniProgramSession:
        data = self._call(
            "GET",
            "/sns/jscode2session",
            params={
                "appid": self.mp_appid,
                "secret": self._mp_secret,
                "js_code": login_code,
                "grant_type": "authorization_code",
            },
        )
        openid = _text(data, "openid")
        if not openid:
            raise WechatError(-1, "jscode2session answered without an openid", permanent=False)
        return MiniProgramSession(openid=openid, unionid=_text(data, "unionid") or None)

    def phone_number(self, phone_code: str) -> str:
        data = self._call_with_token(
            self.mp_appid, self._mp_secret, "/wxa/business/getuserphonenumber", {"code": phone_code}
        )
        info = data.get("phone_info")
        phone = _text(info, "purePhoneNumber") if isinstance(info, dict) else ""
        if not phone:
            raise WechatError(-1, "getuserphonenumber answered without a purePhoneNumber", permanent=False)
        return phone

    def qr_login_url(self, state: str) -> str:
        # WeChat insists on this parameter order and on the #wechat_redirect fragment.
        query = urlencode(
            {
                "appid": self.web_appid,
                "redirect_uri": self.web_redirect_uri,
                "response_type": "code",
                "scope": "snsapi_login",
                "state": state,
            },
            quote_via=quote,
        )
        return f"{self.open_base}/connect/qrconnect?{query}#wechat_redirect"

    def web_user(self, code: str) -> WebUser:
        grant = self._call(
            "GET",
            "/sns/oauth2/access_token",
            params={
                "appid": self.web_appid,
                "secret": self._web_secret,
                "code": code,
                "grant_type": "authorization_code",
            },
        )
        access_token, openid = _text(grant, "access_token"), _text(grant, "openid")
        if not access_token or not openid:
            raise WechatError(-1, "oauth2/access_token answered without a token or openid", permanent=False)
        info = self._call(
            "GET", "/sns/userinfo", params={"access_token": access_token, "openid": openid, "lang": "zh_CN"}
        )
        return WebUser(
            openid=openid,
            unionid=_text(info, "unionid") or _text(grant, "unionid") or None,
            nickname=_text(info, "nickname"),
        )

    def send_template(self, message: TemplateMessage) -> None:
        if not self.service_appid or not self._service_secret:
            raise ImproperlyConfigured("template messages need the service account's appid and secret")
        body: JsonObject = {
            "touser": message.touser,
            "template_id": message.template_id,
            "data": {key: {"value": value} for key, value in message.data.items()},
        }
        if message.miniprogram_pagepath:
            body["miniprogram"] = {"appid": self.mp_appid, "pagepath": message.miniprogram_pagepath}
        if message.extra.get("url"):
            body["url"] = message.extra["url"]  # WeChat ignores it when miniprogram is given
        if message.client_msg_id:
            body["client_msg_id"] = message.client_msg_id
        data = self._call_with_token(self.service_appid, self._service_secret, "/cgi-bin/message/template/send", body)
        logger.info("wechat template sent template_id=%s msgid=%s", message.template_id, data.get("msgid"))

    # --- the service account's followers ----------------------------------------------------

    def _service(self) -> tuple[str, str]:
        if not self.service_appid or not self._service_secret:
            raise ImproperlyConfigured("the service account's followers need its appid and secret")
        return self.service_appid, self._service_secret

    def follower(self, openid: str) -> Follower:
        appid, secret = self._service()
        data = self._call_with_token(
            appid, secret, "/cgi-bin/user/info", None, method="GET", params={"openid": openid, "lang": "zh_CN"}
        )
        return _follower(data, openid)

    def follower_page(self, next_openid: str = "") -> FollowerPage:
        appid, secret = self._service()
        params = {"next_openid": next_openid} if next_openid else {}
        data = self._call_with_token(appid, secret, "/cgi-bin/user/get", None, method="GET", params=params)
        listed = data.get("data")
        raw = listed.get("openid") if isinstance(listed, dict) else None
        openids = [o for o in raw if isinstance(o, str)] if isinstance(raw, list) else []
        total = data.get("total")
        # WeChat hands back the last openid as next_openid even on the last page: no openids means done.
        return FollowerPage(
            openids=openids,
            next_openid=_text(data, "next_openid") if openids else "",
            total=total if isinstance(total, int) else len(openids),
        )

    def followers(self, openids: list[str]) -> list[Follower]:
        appid, secret = self._service()
        found: list[Follower] = []
        for start in range(0, len(openids), BATCHGET_LIMIT):
            chunk = openids[start : start + BATCHGET_LIMIT]
            body: JsonObject = {"user_list": [{"openid": o, "lang": "zh_CN"} for o in chunk]}
            data = self._call_with_token(appid, secret, "/cgi-bin/user/info/batchget", body)
            listed = data.get("user_info_list")
            for entry in listed if isinstance(listed, list) else []:
                if isinstance(entry, dict) and _text(entry, "openid"):
                    found.append(_follower(entry, _text(entry, "openid")))
        return found

    # --- access tokens ----------------------------------------------------------------------

    def _call_with_token(
        self,
        appid: str,
        secret: str,
        path: str,
        body: JsonObject | None,
        *,
        method: str = "POST",
        params: Params | None = None,
    ) -> JsonObject:
        token = self._access_token(appid, secret)
        try:
            return self._call(method, path, params={**(params or {}), "access_token": token}, json_body=body)
        except WechatError as exc:
            if exc.errcode not in TOKEN_ERRORS:
                raise
            logger.info("wechat access token refused (errcode %s); refreshing once", exc.errcode)
        token = self._refresh_access_token(appid, secret, refused=token)
        return self._call(method, path, params={**(params or {}), "access_token": token}, json_body=body)

    def _access_token(self, appid: str, secret: str) -> str:
        cached = cache.get(TOKEN_CACHE_PREFIX + appid)
        if isinstance(cached, str) and cached:
            return cached
        return self._fetch_stable_token(appid, secret, force_refresh=False)

    def _refresh_access_token(self, appid: str, secret: str, *, refused: str) -> str:
        cache.delete(TOKEN_CACHE_PREFIX + appid)
        token = self._fetch_stable_token(appid, secret, force_refresh=False)
        if token == refused:
            token = self._fetch_stable_token(appid, secret, force_refresh=True)
        return token

    def _fetch_stable_token(self, appid: str, secret: str, *, force_refresh: bool) -> str:
        data = self._call(
            "POST",
            "/cgi-bin/stable_token",
            json_body={
                "grant_type": "client_credential",
                "appid": appid,
                "secret": secret,
                "force_refresh": force_refresh,
            },
        )
        token = _text(data, "access_token")
        expires_in = data.get("expires_in")
        if not token or not isinstance(expires_in, int):
            raise WechatError(-1, "stable_token answered without a token", permanent=False)
        cache.set(TOKEN_CACHE_PREFIX + appid, token, timeout=_cache_seconds(expires_in))
        return token

    # --- one call ---------------------------------------------------------------------------

    def _call(
        self, method: str, path: str, *, params: Params | None = None, json_body: JsonObject | None = None
    ) -> JsonObject:
        try:
            response = http.request(method, f"{self.api_base}{path}", params=dict(params or {}), json=json_body)
        except http.TransportError as exc:
            raise WechatError(-1, f"{path}: {exc}", permanent=exc.permanent) from exc
        try:
            data: object = json.loads(response.content)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            permanent = 400 <= response.status_code < 500
            raise WechatError(-1, f"{path}: unreadable answer (HTTP {response.status_code})", permanent=permanent)
        errcode = data.get("errcode", 0)
        if isinstance(errcode, int) and errcode != 0:
            raise WechatError(
                errcode, _text(data, "errmsg") or "unknown error", permanent=errcode not in TRANSIENT_ERRORS
            )
        return data
