"""The tracking port: register carrier numbers with a tracking provider, hear their events (webhook
push), and ask for them again (poll fallback).

Providers speak their own status vocabulary; adapters map it onto :class:`Status`, the one set the
platform keeps. A number is identified by the carrier's tracking number plus our carrier code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Status(StrEnum):
    INFO_RECEIVED = "info_received"  # the carrier has the data, not the parcel
    PICKED_UP = "picked_up"  # collected from the sender
    IN_TRANSIT = "in_transit"
    CUSTOMS = "customs"  # at customs (export or import)
    OUT_FOR_DELIVERY = "out_for_delivery"  # with the courier, or waiting at a pick-up point
    DELIVERED = "delivered"
    EXCEPTION = "exception"  # failed delivery, returned, lost, expired


@dataclass(frozen=True)
class TrackEvent:
    key: str  # stable across pushes and polls of the same scan
    occurred_at: datetime
    status: Status
    description: str
    location: str = ""


@dataclass(frozen=True)
class TrackedNumber:
    number: str
    carrier: str  # our carrier code (dhl, ups, jp-line …)
    registered_at: datetime
    country: str = ""


@dataclass(frozen=True)
class TrackUpdate:
    number: str
    events: tuple[TrackEvent, ...]


@dataclass(frozen=True)
class RegisterResult:
    accepted: tuple[str, ...]
    rejected: dict[str, str] = field(default_factory=dict)  # number → reason


class TrackingError(Exception):
    """The provider could not be reached or refused the call."""


class SignatureInvalid(TrackingError):
    """A webhook push whose signature does not match."""


class TrackingProvider(Protocol):
    name: str
    source: str  # recorded on stored events

    def register(self, numbers: list[TrackedNumber]) -> RegisterResult: ...

    def poll(self, numbers: list[TrackedNumber]) -> list[TrackUpdate]: ...

    def parse_push(self, headers: dict[str, str], body: bytes) -> list[TrackUpdate]:
        """Check the push's signature (raise :class:`SignatureInvalid`) and read its updates."""
        ...
