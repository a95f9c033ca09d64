"""The customs gateway port (点点通): send a CEB message; receipts come back asynchronously.

Receipts arrive on our callback (``POST /api/v1/customs/gateway/callback``) with the real gateway, or
are delivered by the simulator's ``deliver_due`` in ``make run`` and tests. Either way they land in
``jmt.customs.services.receipts.receipt_ingest``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class OutboundMessage:
    message_type: str  # CEB303, CEB505, CEB603, CEB605, CEB607, CEB701
    guid: str  # the root guid: the gateway's idempotency key
    xml: bytes


@dataclass(frozen=True)
class SubmitResult:
    """The gateway took the message. ``duplicate``: it already had this guid (treated as sent)."""

    duplicate: bool = False
    reply: str = ""


@dataclass(frozen=True)
class GatewayCredentials:
    """One merchant's 点点通 account (``customs.GatewayConfig``), used instead of the global settings."""

    base_url: str
    app_key: str
    app_secret: str = field(repr=False)
    callback_url: str = ""


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str


class GatewayError(Exception):
    """The gateway refused or could not be reached. ``permanent``: retrying will not help."""

    def __init__(self, message: str, *, permanent: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.status = status


class CustomsGateway(Protocol):
    name: str

    def submit(self, message: OutboundMessage) -> SubmitResult:
        """Hand one CEB message over. Idempotent by ``message.guid``."""
        ...

    def check(self) -> CheckResult:
        """Connectivity and credentials (run when the gateway configuration is saved)."""
        ...
