"""Tencent Cloud SMS ``SendSms`` (API 2021-01-11), signed with TC3-HMAC-SHA256.

Signature (Tencent Cloud "签名方法 v3"):

    CanonicalRequest = METHOD \\n "/" \\n CanonicalQueryString ("" for POST) \\n
                       CanonicalHeaders (lower-case "key:value\\n", sorted) \\n SignedHeaders \\n
                       hex(SHA256(payload))
    StringToSign     = "TC3-HMAC-SHA256" \\n timestamp \\n "<UTC date>/<service>/tc3_request" \\n
                       hex(SHA256(CanonicalRequest))
    SecretSigning    = HMAC(HMAC(HMAC("TC3" + SecretKey, date), service), "tc3_request")
    Signature        = hex(HMAC-SHA256(SecretSigning, StringToSign))

There is no nonce, so ``jmt.core.http.request`` may resend the same signed bytes after a 5xx.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import NoReturn
from urllib.parse import urlsplit

from jmt.core import http
from jmt.integrations.sms._common import json_object, mask_phone, text
from jmt.integrations.sms.port import SmsError, SmsMessage

logger = logging.getLogger("jmt.sms")

ALGORITHM = "TC3-HMAC-SHA256"
SERVICE = "sms"
API_VERSION = "2021-01-11"
ACTION = "SendSms"
CONTENT_TYPE = "application/json; charset=utf-8"

# Codes a later attempt may get past. Everything else (LimitExceeded.*, InvalidParameterValue.*,
# FailedOperation.*, AuthFailure.*, UnauthorizedOperation.*) is permanent.
_TRANSIENT_PREFIXES = ("InternalError", "RequestLimitExceeded", "ResourceUnavailable", "ServiceUnavailable")


def _hmac_sha256(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def tc3_authorization(
    *,
    secret_id: str,
    secret_key: str,
    service: str,
    timestamp: int,
    headers: Mapping[str, str],
    payload: bytes,
    method: str = "POST",
    canonical_query: str = "",
) -> str:
    """The ``Authorization`` header value signing ``headers`` (all of them) and ``payload``."""
    signed = sorted((name.lower(), value.strip().lower()) for name, value in headers.items())
    canonical_headers = "".join(f"{name}:{value}\n" for name, value in signed)
    signed_headers = ";".join(name for name, _ in signed)
    canonical_request = "\n".join(
        [
            method,
            "/",
            canonical_query,
            canonical_headers,
            signed_headers,
            hashlib.sha256(payload).hexdigest(),
        ]
    )
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    scope = f"{date}/{service}/tc3_request"
    string_to_sign = "\n".join(
        [ALGORITHM, str(timestamp), scope, hashlib.sha256(canonical_request.encode()).hexdigest()]
    )
    secret_date = _hmac_sha256(f"TC3{secret_key}".encode(), date)
    secret_signing = _hmac_sha256(_hmac_sha256(secret_date, service), "tc3_request")
    signature = hmac.new(secret_signing, string_to_sign.encode(), hashlib.sha256).hexdigest()
    return f"{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={signed_headers}, Signature={signature}"


def is_transient(code: str) -> bool:
    return code.startswith(_TRANSIENT_PREFIXES)


class TencentSmsSender:
    def __init__(
        self,
        endpoint: str,
        secret_id: str,
        secret_key: str,
        sdk_app_id: str,
        sign_name: str,
        template_id: str,
        region: str,
    ) -> None:
        self.endpoint = endpoint
        self.secret_id = secret_id
        self._secret_key = secret_key
        self.sdk_app_id = sdk_app_id
        self.sign_name = sign_name
        self.template_id = template_id
        self.region = region

    def __repr__(self) -> str:  # never show the secret
        return f"TencentSmsSender(endpoint={self.endpoint!r}, secret_id={self.secret_id!r})"

    def send_code(self, message: SmsMessage) -> None:
        body = json.dumps(
            {
                "PhoneNumberSet": [f"+86{message.phone}"],
                "SmsSdkAppId": self.sdk_app_id,
                "SignName": self.sign_name,
                "TemplateId": self.template_id,
                "TemplateParamSet": [message.code],
            },
            ensure_ascii=False,
        ).encode()
        timestamp = int(time.time())
        signed_headers = {
            "Content-Type": CONTENT_TYPE,
            "Host": urlsplit(self.endpoint).netloc,
            "X-TC-Action": ACTION,
        }
        headers = {
            **signed_headers,
            "Authorization": tc3_authorization(
                secret_id=self.secret_id,
                secret_key=self._secret_key,
                service=SERVICE,
                timestamp=timestamp,
                headers=signed_headers,
                payload=body,
            ),
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": API_VERSION,
            "X-TC-Region": self.region,
        }
        try:
            response = http.request("POST", self.endpoint, content=body, headers=headers)
        except http.TransportError as exc:
            raise SmsError(
                f"tencent unreachable: {exc}",
                permanent=exc.permanent,
                provider_code=f"HTTP {exc.status}" if exc.status else "transport",
            ) from exc
        answer = json_object(response, "tencent").get("Response")
        if not isinstance(answer, dict):
            raise SmsError("tencent: no Response in answer", permanent=False, provider_code="")
        error = answer.get("Error")
        if isinstance(error, dict):
            self._refuse(text(error.get("Code")), text(error.get("Message")))
        statuses = answer.get("SendStatusSet")
        status = statuses[0] if isinstance(statuses, list) and statuses else None
        if not isinstance(status, dict):
            raise SmsError("tencent: no SendStatusSet in answer", permanent=False, provider_code="")
        code = text(status.get("Code"))
        if code != "Ok":
            self._refuse(code, text(status.get("Message")))
        logger.info(
            "短信已发送 provider=tencent phone=%s scene=%s serial_no=%s",
            mask_phone(message.phone),
            message.scene,
            text(status.get("SerialNo")),
        )

    @staticmethod
    def _refuse(code: str, detail: str) -> NoReturn:
        raise SmsError(
            f"tencent refused: {code or 'no Code'} {detail}".strip(),
            permanent=not is_transient(code),
            provider_code=code,
        )
