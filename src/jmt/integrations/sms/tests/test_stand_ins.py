from __future__ import annotations

import logging

from jmt.integrations.sms import memory
from jmt.integrations.sms.console import ConsoleSmsSender
from jmt.integrations.sms.memory import MemorySmsSender
from jmt.integrations.sms.port import SmsMessage


def test_console_sender_logs_one_info_line_with_full_phone_scene_and_code(caplog):
    caplog.set_level(logging.INFO, logger="jmt.sms")

    ConsoleSmsSender().send_code(SmsMessage(phone="13800138000", scene="login", code="123456"))

    records = [r for r in caplog.records if r.name == "jmt.sms"]
    assert len(records) == 1
    assert records[0].levelno == logging.INFO
    assert records[0].getMessage() == "短信验证码 phone=13800138000 scene=login code=123456"


def test_memory_sender_appends_every_message_to_the_outbox_in_order():
    sender = MemorySmsSender()
    first = SmsMessage(phone="13800138000", scene="login", code="111111")
    second = SmsMessage(phone="13900139000", scene="change_phone", code="222222")

    sender.send_code(first)
    sender.send_code(second)

    assert memory.outbox == [first, second]


def test_memory_last_code_finds_the_newest_code_for_a_phone_and_scene():
    sender = MemorySmsSender()
    sender.send_code(SmsMessage(phone="13800138000", scene="login", code="111111"))
    sender.send_code(SmsMessage(phone="13800138000", scene="change_phone", code="222222"))
    sender.send_code(SmsMessage(phone="13800138000", scene="login", code="333333"))

    assert memory.last_code("13800138000") == "333333"
    assert memory.last_code("13800138000", "change_phone") == "222222"
    assert memory.last_code("13700137000") is None


def test_memory_clear_empties_the_outbox():
    MemorySmsSender().send_code(SmsMessage(phone="13800138000", scene="login", code="111111"))

    memory.clear()

    assert memory.outbox == []
