"""The real 点点通 adapter over ``jmt.core.http``.

点点通 publishes no documentation, so the contract is ours and every part of it is configurable:

* ``POST {base_url}/ceb/messages`` with the CEB XML as the body (``application/xml; charset=utf-8``),
  signed (see ``signing``), plus ``X-Ceb-Message-Type``, ``X-Ceb-Guid`` and ``X-Callback-Url``.
  The gateway signs the XML with the enterprise's certificate (云加签) and transmits it over DXP.
* Answer: JSON ``{"code": "0", "message": "…"}`` when accepted, ``{"code": "DUPLICATE"}`` when it
  already has this guid (we treat that as sent), another code for a refusal.
* HTTP 401 / 403: credentials or signature refused (permanent). Other 4xx: permanent. 5xx and network
  errors: transient (``jmt.core.http`` retries twice, then the outbox retries with backoff).
* ``GET {base_url}/ping`` (signed, empty body) answers ``{"code": "0"}`` when the credentials work.
* Receipts: the gateway POSTs the CEB receipt XML to our callback with the same signing scheme and
  retries until we answer ``SUCCESS``.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit

from jmt.core import http
from jmt.integrations.customs_gateway.port import CheckResult, GatewayError, OutboundMessage, SubmitResult
from jmt.integrations.customs_gateway.signing import sign_headers

logger = logging.getLogger("jmt.customs_gateway")

ACCEPTED_CODES = frozenset({"0", "SUCCESS", "OK"})
DUPLICATE_CODES = frozenset({"DUPLICATE", "EXISTS"})


class DianDuanTongGateway:
    name = "dianduantong"

    def __init__(self, *, base_url: str, app_key: str, app_secret: str, callback_url: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self.app_key = app_key
        self._secret = app_secret
        self.callback_url = callback_url

    def __repr__(self) -> str:  # never show the secret
        return f"DianDuanTongGateway(base_url={self.base_url!r}, app_key={self.app_key!r})"

    def submit(self, message: OutboundMessage) -> SubmitResult:
        headers = {
            "Content-Type": "application/xml; charset=utf-8",
            "X-Ceb-Message-Type": message.message_type,
            "X-Ceb-Guid": message.guid,
        }
        if self.callback_url:
            headers["X-Callback-Url"] = self.callback_url
        data = self._call("POST", "/ceb/messages", message.xml, headers)
        code = str(data.get("code", ""))
        reply = str(data.get("message", ""))[:500]
        if code in ACCEPTED_CODES:
            return SubmitResult(duplicate=False, reply=reply)
        if code in DUPLICATE_CODES:
            logger.info("gateway already has message %s (%s)", message.guid, message.message_type)
            return SubmitResult(duplicate=True, reply=reply)
        raise GatewayError(f"gateway refused {message.message_type} {message.guid}: {code} {reply}", permanent=True)

    def check(self) -> CheckResult:
        """``GET /ping``; the message says in Chinese what is wrong (credentials, reachability, answer)."""
        try:
            data = self._call("GET", "/ping", b"", {})
        except GatewayError as exc:
            if exc.status in (401, 403):
                message = f"凭证无效：点点通拒绝了 App Key 或 App Secret（HTTP {exc.status}）"
            elif not exc.permanent:
                message = "无法连接点点通接口地址，请检查地址是否正确、网关是否在线"
            else:
                status = f"（HTTP {exc.status}）" if exc.status else ""
                message = f"点点通拒绝了检测请求{status}，请检查接口地址是否正确"
            logger.info("gateway check of %s failed: %s", self.base_url, exc)
            return CheckResult(ok=False, message=message[:500])
        if str(data.get("code", "")) in ACCEPTED_CODES:
            return CheckResult(ok=True, message="连接正常，密钥有效")
        return CheckResult(ok=False, message=f"网关应答异常：{data.get('message', '')}"[:500])

    def _call(self, method: str, path: str, body: bytes, extra: dict[str, str]) -> dict[str, object]:
        url = f"{self.base_url}{path}"
        signed = sign_headers(
            app_key=self.app_key, secret=self._secret, method=method, path=urlsplit(url).path, body=body
        )
        try:
            response = http.request(method, url, content=body or None, headers={**extra, **signed})
        except http.TransportError as exc:
            raise GatewayError(f"{path}: {exc}", permanent=exc.permanent, status=exc.status) from exc
        if response.status_code in (401, 403):
            raise GatewayError(
                f"{path}: credentials refused (HTTP {response.status_code})",
                permanent=True,
                status=response.status_code,
            )
        try:
            data: object = json.loads(response.content)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise GatewayError(
                f"{path}: unreadable answer (HTTP {response.status_code})",
                permanent=400 <= response.status_code < 500,
                status=response.status_code,
            )
        if response.status_code >= 400 and str(data.get("code", "")) not in DUPLICATE_CODES:
            raise GatewayError(
                f"{path}: HTTP {response.status_code} {data.get('code', '')} {data.get('message', '')}",
                permanent=True,
                status=response.status_code,
            )
        return data
