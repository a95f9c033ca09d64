"""Small helpers the SMS provider adapters share."""

from __future__ import annotations

import json

import httpx

from jmt.integrations.sms.port import SmsError


def mask_phone(phone: str) -> str:
    """138****8000: enough to find a message in the logs, not enough to identify a person."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"


def json_object(response: httpx.Response, provider: str) -> dict[str, object]:
    """The answer's JSON object, or an SmsError when the answer is not one.

    A 4xx without a JSON body (a wrong endpoint, a proxy refusing) will not get better by retrying.
    """
    try:
        payload: object = json.loads(response.content)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise SmsError(
            f"{provider}: unreadable answer (HTTP {response.status_code})",
            permanent=400 <= response.status_code < 500,
            provider_code=f"HTTP {response.status_code}",
        )
    return payload


def text(value: object) -> str:
    return value if isinstance(value, str) else ""
