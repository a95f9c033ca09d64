"""Local stand-ins for the Aliyun and Tencent Cloud SMS APIs, served on 127.0.0.1 in a thread.

Each fake checks the request signature the way the provider does, with code written from the
providers' documentation independently of the adapters, so a signing mistake in an adapter shows
up as the provider's own refusal (``SignatureDoesNotMatch``, ``AuthFailure.SignatureFailure``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, quote_plus

from jmt.integrations.testing import Recorded, Reply

# --- Aliyun Dysmsapi ---------------------------------------------------------------------------


def aliyun_percent_encode(value: str) -> str:
    # Aliyun's documented recipe: form-encode, then "+" -> "%20", "*" -> "%2A", "%7E" -> "~".
    return quote_plus(value, safe="").replace("+", "%20").replace("*", "%2A").replace("%7E", "~")


def aliyun_expected_signature(method: str, params: dict[str, str], secret: str) -> str:
    pairs = sorted((k, v) for k, v in params.items() if k != "Signature")
    canonical = "&".join(aliyun_percent_encode(k) + "=" + aliyun_percent_encode(v) for k, v in pairs)
    to_sign = method + "&" + aliyun_percent_encode("/") + "&" + aliyun_percent_encode(canonical)
    mac = hmac.new((secret + "&").encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode("ascii")


@dataclass
class FakeAliyunSms:
    access_key_id: str = "LTAI-test-id"
    access_key_secret: str = "aliyun-test-secret"
    refuse_with: str = ""  # a business Code to answer instead of "OK"
    fail_next: list[int] = field(default_factory=list)  # HTTP statuses to answer first (after the nonce is used)
    delivered: list[dict[str, str]] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    seen_nonces: set[str] = field(default_factory=set)

    def _refuse(self, status: int, code: str, message: str) -> Reply:
        self.refusals.append(code)
        return status, {"Code": code, "Message": message, "RequestId": str(uuid.uuid4())}

    def __call__(self, request: Recorded) -> Reply:
        if request.method != "POST" or request.path != "/":
            return self._refuse(404, "InvalidAction.NotFound", "unknown path")
        params = dict(parse_qsl(request.body.decode("utf-8"), keep_blank_values=True))
        if params.get("AccessKeyId") != self.access_key_id:
            return self._refuse(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
        if params.get("SignatureMethod") != "HMAC-SHA1" or params.get("SignatureVersion") != "1.0":
            return self._refuse(400, "InvalidSignatureMethod", "unsupported signature method")
        expected = aliyun_expected_signature(request.method, params, self.access_key_secret)
        if not hmac.compare_digest(expected, params.get("Signature", "")):
            return self._refuse(400, "SignatureDoesNotMatch", "Specified signature is not matched.")
        try:
            sent_at = datetime.strptime(params.get("Timestamp", ""), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError:
            return self._refuse(400, "InvalidTimeStamp.Format", "bad Timestamp")
        if abs(datetime.now(UTC) - sent_at) > timedelta(minutes=15):
            return self._refuse(400, "InvalidTimeStamp.Expired", "Timestamp too far from now")
        nonce = params.get("SignatureNonce", "")
        if not nonce or nonce in self.seen_nonces:
            return self._refuse(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
        self.seen_nonces.add(nonce)
        if self.fail_next:
            return self._refuse(self.fail_next.pop(0), "ServiceUnavailable", "The request has failed.")
        if params.get("Action") != "SendSms" or params.get("Version") != "2017-05-25":
            return self._refuse(400, "InvalidAction.NotFound", "unknown action or version")
        if self.refuse_with:
            return self._refuse(200, self.refuse_with, "refused by the fake")
        self.delivered.append(params)
        return 200, {"Code": "OK", "Message": "OK", "BizId": "900619746936498440^0", "RequestId": "fake"}


# --- Tencent Cloud SMS -------------------------------------------------------------------------

_TC3_AUTH = re.compile(
    r"^TC3-HMAC-SHA256 Credential=(?P<id>[^/]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<service>[a-z]+)/tc3_request, "
    r"SignedHeaders=(?P<signed>[a-z0-9;-]+), Signature=(?P<signature>[0-9a-f]{64})$"
)


def tencent_expected_signature(secret_key: str, date: str, service: str, timestamp: str, canonical_request: str) -> str:
    def mac(key: bytes, text: str) -> bytes:
        return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()

    hashed_request = hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{date}/{service}/tc3_request\n{hashed_request}"
    key = mac(mac(mac(("TC3" + secret_key).encode("utf-8"), date), service), "tc3_request")
    return hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass
class FakeTencentSms:
    secret_id: str = "AKID-test-id"
    secret_key: str = "tencent-test-key"
    sdk_app_id: str = "1400000001"
    status_code: str = "Ok"  # the per-number Code in SendStatusSet
    error_code: str = ""  # a Response.Error.Code to answer instead
    fail_next: list[int] = field(default_factory=list)  # HTTP statuses a gateway answers first
    delivered: list[dict[str, object]] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)

    def _error(self, code: str, message: str) -> Reply:
        self.refusals.append(code)
        return 200, {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": str(uuid.uuid4())}}

    def _auth_problem(self, request: Recorded) -> str:
        match = _TC3_AUTH.match(request.headers.get("authorization", ""))
        if not match:
            return "AuthFailure.InvalidAuthorization"
        if match["id"] != self.secret_id:
            return "AuthFailure.SecretIdNotFound"
        timestamp = request.headers.get("x-tc-timestamp", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
            return "AuthFailure.SignatureExpire"
        if match["date"] != datetime.fromtimestamp(int(timestamp), UTC).date().isoformat():
            return "AuthFailure.SignatureFailure"
        signed = match["signed"].split(";")
        if "content-type" not in signed or "host" not in signed or any(n not in request.headers for n in signed):
            return "AuthFailure.SignatureFailure"
        canonical_headers = "".join(f"{n}:{request.headers[n].strip().lower()}\n" for n in signed)
        canonical_request = "\n".join(
            [
                request.method,
                request.path,
                "",
                canonical_headers,
                match["signed"],
                hashlib.sha256(request.body).hexdigest(),
            ]
        )
        expected = tencent_expected_signature(
            self.secret_key, match["date"], match["service"], timestamp, canonical_request
        )
        if match["service"] != "sms" or not hmac.compare_digest(expected, match["signature"]):
            return "AuthFailure.SignatureFailure"
        return ""

    def __call__(self, request: Recorded) -> Reply:
        if self.fail_next:
            return self.fail_next.pop(0), b"<html><body>502 Bad Gateway</body></html>"
        problem = self._auth_problem(request)
        if problem:
            return self._error(problem, "The provided credentials could not be validated.")
        if request.headers.get("x-tc-action") != "SendSms" or request.headers.get("x-tc-version") != "2021-01-11":
            return self._error("InvalidAction", "unknown action or version")
        body = json.loads(request.body)
        if body.get("SmsSdkAppId") != self.sdk_app_id:
            return self._error("FailedOperation.InvalidSmsSdkAppId", "unknown SmsSdkAppId")
        if self.error_code:
            return self._error(self.error_code, "refused by the fake")
        ok = self.status_code == "Ok"
        if ok:
            self.delivered.append(body)
        else:
            self.refusals.append(self.status_code)
        status = {
            "SerialNo": "2640:000000000000000000000000000",
            "PhoneNumber": body["PhoneNumberSet"][0],
            "Fee": 1 if ok else 0,
            "SessionContext": "",
            "Code": self.status_code,
            "Message": "send success" if ok else "refused by the fake",
            "IsoCode": "CN",
        }
        return 200, {"Response": {"SendStatusSet": [status], "RequestId": str(uuid.uuid4())}}
