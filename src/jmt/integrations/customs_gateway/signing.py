"""Signed requests between us and 点点通, both ways (our submissions, its receipt callbacks).

The string to sign is ``METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nSHA256-HEX(BODY)``; the signature is the hex
HMAC-SHA256 of it with the app secret. Headers: ``X-App-Key``, ``X-Timestamp`` (Unix seconds),
``X-Nonce``, ``X-Signature``. A request whose timestamp is further than ``max_skew`` seconds from now,
or whose nonce was seen within that window, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from collections.abc import Mapping

from django.core.cache import cache

APP_KEY_HEADER = "X-App-Key"
TIMESTAMP_HEADER = "X-Timestamp"
NONCE_HEADER = "X-Nonce"
SIGNATURE_HEADER = "X-Signature"
NONCE_CACHE_PREFIX = "jmt:customs_gateway:nonce:"


def string_to_sign(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> str:
    return "\n".join([method.upper(), path, timestamp, nonce, hashlib.sha256(body).hexdigest()])


def signature(secret: str, method: str, path: str, timestamp: str, nonce: str, body: bytes) -> str:
    message = string_to_sign(method, path, timestamp, nonce, body).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign_headers(
    *, app_key: str, secret: str, method: str, path: str, body: bytes, now: float | None = None, nonce: str = ""
) -> dict[str, str]:
    timestamp = str(int(now if now is not None else time.time()))
    nonce = nonce or uuid.uuid4().hex
    return {
        APP_KEY_HEADER: app_key,
        TIMESTAMP_HEADER: timestamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: signature(secret, method, path, timestamp, nonce, body),
    }


def verify(
    *,
    headers: Mapping[str, str],
    app_key: str,
    secret: str,
    method: str,
    path: str,
    body: bytes,
    max_skew: int,
    now: float | None = None,
    remember_nonce: bool = True,
) -> str:
    """``""`` when the request is authentic, otherwise why not (for the log, never for the caller)."""
    if not secret or not app_key:
        return "no app key or secret configured"
    lowered = {name.lower(): value for name, value in headers.items()}
    if not hmac.compare_digest(lowered.get(APP_KEY_HEADER.lower(), ""), app_key):
        return "unknown app key"
    timestamp = lowered.get(TIMESTAMP_HEADER.lower(), "")
    nonce = lowered.get(NONCE_HEADER.lower(), "")
    given = lowered.get(SIGNATURE_HEADER.lower(), "")
    if not timestamp.isdigit() or not nonce or not given:
        return "missing signature headers"
    current = now if now is not None else time.time()
    if abs(current - int(timestamp)) > max_skew:
        return "timestamp outside the allowed window"
    expected = signature(secret, method, path, timestamp, nonce, body)
    if not hmac.compare_digest(expected, given):
        return "bad signature"
    if remember_nonce and not cache.add(NONCE_CACHE_PREFIX + nonce, 1, timeout=2 * max_skew):
        return "nonce already used"
    return ""
