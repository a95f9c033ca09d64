"""The SMS port: send one verification code to one mainland phone number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SmsMessage:
    phone: str  # 11 digits, mainland, no country code
    scene: str  # "login", "change_phone", ...
    code: str


class SmsError(Exception):
    """A provider refused or failed. ``permanent`` means retrying the same message cannot help."""

    def __init__(self, message: str, *, permanent: bool, provider_code: str = "") -> None:
        super().__init__(message)
        self.permanent = permanent
        self.provider_code = provider_code


class SmsSender(Protocol):
    def send_code(self, message: SmsMessage) -> None: ...
