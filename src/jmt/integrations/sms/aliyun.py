"""Aliyun SMS (Dysmsapi ``SendSms``) over the RPC API, signed with the v1 "POP" HMAC-SHA1 signature.

Signature (Aliyun "RPC 签名机制"): sort every parameter but ``Signature`` by name, percent-encode
names and values (RFC 3986: only ``A-Z a-z 0-9 - _ . ~`` stay as they are, a space is ``%20``),
join them as ``k=v&k=v``; then

    StringToSign = METHOD + "&" + percentEncode("/") + "&" + percentEncode(CanonicalizedQueryString)
    Signature    = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))

Every attempt is signed afresh: Aliyun refuses a ``SignatureNonce`` it has already seen, so a retry
after a 5xx must not resend the same nonce. That is why this adapter runs its own short retry loop
around ``jmt.core.http.request(..., retries=0)`` instead of letting the helper resend the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import quote

import httpx

from jmt.core import http
from jmt.integrations.sms._common import json_object, mask_phone, text
from jmt.integrations.sms.port import SmsError, SmsMessage

logger = logging.getLogger("jmt.sms")

API_VERSION = "2017-05-25"
SIGNATURE_METHOD = "HMAC-SHA1"
SIGNATURE_VERSION = "1.0"

# Codes a later attempt may get past; every other refusal (isv.BUSINESS_LIMIT_CONTROL,
# isv.MOBILE_NUMBER_ILLEGAL, isv.AMOUNT_NOT_ENOUGH, SignatureDoesNotMatch, ...) is permanent.
_TRANSIENT_PREFIXES = ("Throttling", "ServiceUnavailable", "InternalError", "isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR")


def percent_encode(value: str) -> str:
    return quote(value, safe="-_.~")


def canonicalized_query(params: Mapping[str, str]) -> str:
    return "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items()))


def rpc_signature(method: str, params: Mapping[str, str], access_key_secret: str) -> str:
    """The v1 RPC signature of ``params`` (which must not contain ``Signature``)."""
    string_to_sign = f"{method}&{percent_encode('/')}&{percent_encode(canonicalized_query(params))}"
    digest = hmac.new(f"{access_key_secret}&".encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def is_transient(code: str) -> bool:
    return code.startswith(_TRANSIENT_PREFIXES)


class AliyunSmsSender:
    def __init__(
        self,
        endpoint: str,
        access_key_id: str,
        access_key_secret: str,
        sign_name: str,
        template_code: str,
        *,
        region_id: str = "cn-hangzhou",
        attempts: int = 3,
        backoff_seconds: float = 0.2,
    ) -> None:
        self.endpoint = endpoint
        self.access_key_id = access_key_id
        self._access_key_secret = access_key_secret
        self.sign_name = sign_name
        self.template_code = template_code
        self.region_id = region_id
        self.attempts = max(1, attempts)
        self.backoff_seconds = backoff_seconds

    def __repr__(self) -> str:  # never show the secret
        return f"AliyunSmsSender(endpoint={self.endpoint!r}, access_key_id={self.access_key_id!r})"

    def send_code(self, message: SmsMessage) -> None:
        response = self._post(message)
        payload = json_object(response, "aliyun")
        code = text(payload.get("Code"))
        if code == "OK":
            logger.info(
                "短信已发送 provider=aliyun phone=%s scene=%s biz_id=%s",
                mask_phone(message.phone),
                message.scene,
                text(payload.get("BizId")),
            )
            return
        raise SmsError(
            f"aliyun refused: {code or 'no Code'} {text(payload.get('Message'))}".strip(),
            permanent=not is_transient(code),
            provider_code=code,
        )

    def _signed_body(self, message: SmsMessage) -> str:
        params = {
            "AccessKeyId": self.access_key_id,
            "Action": "SendSms",
            "Format": "JSON",
            "RegionId": self.region_id,
            "SignatureMethod": SIGNATURE_METHOD,
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": SIGNATURE_VERSION,
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": API_VERSION,
            "PhoneNumbers": message.phone,
            "SignName": self.sign_name,
            "TemplateCode": self.template_code,
            "TemplateParam": json.dumps({"code": message.code}, ensure_ascii=False, separators=(",", ":")),
        }
        params["Signature"] = rpc_signature("POST", params, self._access_key_secret)
        return canonicalized_query(params)

    def _post(self, message: SmsMessage) -> httpx.Response:
        attempt = 1
        while True:
            try:
                return http.request(
                    "POST",
                    self.endpoint,
                    content=self._signed_body(message),
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                        "Accept": "application/json",
                    },
                    retries=0,
                )
            except http.TransportError as exc:
                if exc.permanent or attempt >= self.attempts:
                    raise SmsError(
                        f"aliyun unreachable: {exc}",
                        permanent=exc.permanent,
                        provider_code=f"HTTP {exc.status}" if exc.status else "transport",
                    ) from exc
                logger.warning("aliyun sms: retrying after %s (attempt %d)", exc, attempt)
                time.sleep(self.backoff_seconds * 2 ** (attempt - 1))
                attempt += 1
