"""The SMS stand-in for tests and browser journeys: messages are kept in ``outbox``."""

from __future__ import annotations

import threading

from jmt.integrations.sms.port import SmsMessage

outbox: list[SmsMessage] = []
_lock = threading.Lock()


class MemorySmsSender:
    def send_code(self, message: SmsMessage) -> None:
        with _lock:
            outbox.append(message)


def clear() -> None:
    """Empty the outbox (call it between tests)."""
    with _lock:
        outbox.clear()


def last_code(phone: str, scene: str | None = None) -> str | None:
    """The most recent code sent to ``phone`` (optionally for one scene), or None."""
    with _lock:
        for message in reversed(outbox):
            if message.phone == phone and (scene is None or message.scene == scene):
                return message.code
    return None
