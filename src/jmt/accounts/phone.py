"""Mainland mobile numbers, as people actually type them."""

from __future__ import annotations

import re
import unicodedata

from jmt.accounts.errors import AuthError

_MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalize_phone(raw: str) -> str:
    """Return the 11-digit number or raise ``PHONE_INVALID``.

    Full-width digits, spaces, dashes and a +86 / 0086 prefix are accepted.
    """
    text = unicodedata.normalize("NFKC", raw or "")
    text = re.sub(r"[\s\-()]", "", text)
    for prefix in ("+86", "0086", "86"):
        if text.startswith(prefix) and len(text) == len(prefix) + 11:
            text = text[len(prefix) :]
            break
    if not _MAINLAND_MOBILE.match(text):
        raise AuthError.phone_invalid()
    return text
