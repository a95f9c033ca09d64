"""Encryption at rest of the few secrets kept in the database (Fernet: AES-128-CBC + HMAC-SHA256).

Keys come from ``settings.FIELD_ENCRYPTION_KEYS`` (env ``JMT_FIELD_ENCRYPTION_KEY``, comma-separated
url-safe base64 Fernet keys; the first encrypts, every one decrypts, so a key can be rotated). Without
one, a key is derived from ``SECRET_KEY`` with HKDF-SHA256: changing ``SECRET_KEY`` then makes the stored
secrets unreadable, which :func:`decrypt` reports as ``DecryptionFailed`` (the secret must be entered again).
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

HKDF_INFO = b"jmt.field-encryption.v1"


class DecryptionFailed(Exception):
    """The stored value was written with a key we no longer have (or was tampered with)."""


def derived_key(secret_key: str) -> bytes:
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO).derive(secret_key.encode())
    return base64.urlsafe_b64encode(raw)


def _fernet() -> MultiFernet:
    keys = [key.encode() for key in getattr(settings, "FIELD_ENCRYPTION_KEYS", [])] or [
        derived_key(settings.SECRET_KEY)
    ]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(plain: str) -> str:
    return _fernet().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise DecryptionFailed("the stored secret cannot be decrypted with the configured keys") from exc
