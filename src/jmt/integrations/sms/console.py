"""The SMS stand-in for ``make run``: the code goes to the log instead of a phone."""

from __future__ import annotations

import logging

from jmt.integrations.sms.port import SmsMessage

logger = logging.getLogger("jmt.sms")


class ConsoleSmsSender:
    """Logs one INFO line per message, with the full number and the code (development only)."""

    def send_code(self, message: SmsMessage) -> None:
        logger.info("短信验证码 phone=%s scene=%s code=%s", message.phone, message.scene, message.code)
