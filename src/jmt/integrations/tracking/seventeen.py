"""The real adapter for a 17TRACK-style tracking API (v2.2 shape), over ``jmt.core.http``.

* ``POST {base}/register`` with ``[{"number": …, "carrier": …}]`` and the ``17token`` header; the
  answer lists ``accepted`` and ``rejected`` numbers (a number already registered counts as accepted).
* ``POST {base}/gettrackinfo`` with the same list: the poll fallback for numbers no push has updated.
* Webhook: the provider POSTs ``{"event": "TRACKING_UPDATED", "data": {"number", "track_info"}}``
  with header ``sign`` = SHA-256 hex of ``body + "/" + key``; other events are acknowledged and ignored.

Events come in ``track_info.tracking.providers[].events[]`` with ``time_utc``, ``description``,
``location`` and ``sub_status`` (``InTransit_PickedUp``, ``Delivered_Other`` …), mapped onto
:class:`Status`. Beware "PickUp": 17TRACK's ``InTransit_PickedUp`` is collection from the sender,
while ``AvailableForPickup`` waits for the recipient (mapped to 派送中).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import datetime
from typing import Any

from jmt.core import http
from jmt.integrations.tracking.port import (
    RegisterResult,
    SignatureInvalid,
    Status,
    TrackedNumber,
    TrackEvent,
    TrackingError,
    TrackUpdate,
)

logger = logging.getLogger("jmt.tracking")

ALREADY_REGISTERED = -18019901
# 17TRACK carrier keys of the carriers it knows by number; the rest are auto-detected.
CARRIER_KEYS = {"dhl": 100001, "ups": 100002, "fedex": 100003}
SUB_STATUS = {
    "InTransit_PickedUp": Status.PICKED_UP,
    "InTransit_CustomsProcessing": Status.CUSTOMS,
    "InTransit_CustomsRequiringInformation": Status.CUSTOMS,
    "InTransit_CustomsReleased": Status.IN_TRANSIT,
}
MAIN_STATUS = {
    "InfoReceived": Status.INFO_RECEIVED,
    "InTransit": Status.IN_TRANSIT,
    "OutForDelivery": Status.OUT_FOR_DELIVERY,
    "AvailableForPickup": Status.OUT_FOR_DELIVERY,
    "DeliveryFailure": Status.EXCEPTION,
    "Delivered": Status.DELIVERED,
    "Exception": Status.EXCEPTION,
    "Expired": Status.EXCEPTION,
}


def sign(body: bytes, key: str) -> str:
    return hashlib.sha256(body + b"/" + key.encode()).hexdigest()


def status_of(event: dict[str, Any]) -> Status | None:
    sub = str(event.get("sub_status") or "")
    if sub in SUB_STATUS:
        return SUB_STATUS[sub]
    main = sub.split("_", 1)[0] if sub else str(event.get("stage") or "")
    return MAIN_STATUS.get(main)


def _moment(event: dict[str, Any]) -> datetime | None:
    raw = str(event.get("time_utc") or event.get("time_iso") or "")
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw else None
    except ValueError:
        return None


def events_of(track_info: dict[str, Any]) -> tuple[TrackEvent, ...]:
    """The events of one ``track_info`` (unreadable ones are skipped, with a log line)."""
    out = []
    providers = (track_info.get("tracking") or {}).get("providers") or []
    for provider in providers:
        for event in provider.get("events") or []:
            moment, status = _moment(event), status_of(event)
            if moment is None or status is None or moment.tzinfo is None:
                logger.info("tracking event skipped (time or status unreadable): %s", event)
                continue
            description = str(event.get("description") or "")[:300]
            location = str(event.get("location") or "")[:120]
            digest = hashlib.sha256(f"{moment.isoformat()}|{description}|{location}".encode()).hexdigest()
            out.append(TrackEvent(digest[:40], moment, status, description, location))
    return tuple(out)


class SeventeenTrack:
    name = "17track"
    source = "17track"

    def __init__(self, *, base_url: str, api_key: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._key = api_key

    def __repr__(self) -> str:  # never show the key
        return f"SeventeenTrack(base_url={self.base_url!r})"

    @staticmethod
    def _items(numbers: list[TrackedNumber]) -> list[dict[str, Any]]:
        items = []
        for n in numbers:
            item: dict[str, Any] = {"number": n.number}
            if n.carrier in CARRIER_KEYS:
                item["carrier"] = CARRIER_KEYS[n.carrier]
            items.append(item)
        return items

    def _call(self, path: str, payload: list[dict[str, Any]]) -> dict[str, Any]:
        try:
            response = http.request(
                "POST",
                f"{self.base_url}{path}",
                json=payload,
                headers={"17token": self._key, "Content-Type": "application/json"},
            )
        except http.TransportError as exc:
            raise TrackingError(f"{path}: {exc}") from exc
        try:
            data = json.loads(response.content)
        except ValueError as exc:
            raise TrackingError(f"{path}: unreadable answer (HTTP {response.status_code})") from exc
        if response.status_code >= 400 or not isinstance(data, dict) or data.get("code") != 0:
            code = data.get("code") if isinstance(data, dict) else None
            raise TrackingError(f"{path}: refused (HTTP {response.status_code}, code {code})")
        return data.get("data") or {}

    def register(self, numbers: list[TrackedNumber]) -> RegisterResult:
        if not numbers:
            return RegisterResult(accepted=())
        data = self._call("/register", self._items(numbers))
        accepted = [str(row.get("number")) for row in data.get("accepted") or []]
        rejected: dict[str, str] = {}
        for row in data.get("rejected") or []:
            error = row.get("error") or {}
            if error.get("code") == ALREADY_REGISTERED:
                accepted.append(str(row.get("number")))
            else:
                rejected[str(row.get("number"))] = str(error.get("message") or "rejected")[:200]
        return RegisterResult(accepted=tuple(accepted), rejected=rejected)

    def poll(self, numbers: list[TrackedNumber]) -> list[TrackUpdate]:
        if not numbers:
            return []
        data = self._call("/gettrackinfo", self._items(numbers))
        return [
            TrackUpdate(number=str(row.get("number")), events=events_of(row.get("track_info") or {}))
            for row in data.get("accepted") or []
        ]

    def parse_push(self, headers: dict[str, str], body: bytes) -> list[TrackUpdate]:
        given = {k.lower(): v for k, v in headers.items()}.get("sign", "")
        if not given or not hmac.compare_digest(given.lower(), sign(body, self._key)):
            raise SignatureInvalid("signature mismatch")
        try:
            payload = json.loads(body)
        except ValueError as exc:
            raise TrackingError("unreadable push body") from exc
        if not isinstance(payload, dict) or payload.get("event") != "TRACKING_UPDATED":
            return []
        data = payload.get("data") or {}
        return [TrackUpdate(number=str(data.get("number") or ""), events=events_of(data.get("track_info") or {}))]
