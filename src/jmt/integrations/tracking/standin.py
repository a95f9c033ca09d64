"""A stand-in tracking provider: every registered number gets a scripted journey whose events become
visible as time passes (``step`` apart from the registration), so the scheduled poll advances demo
shipments 已揽收 → 运输中 → 清关中 → 派送中 → 已签收 with no outside service.

A number containing ``EX`` ends in a failed delivery instead (异常), for demonstrating exceptions.
It never receives pushes (``parse_push`` refuses every request).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from jmt.integrations.tracking.port import (
    RegisterResult,
    SignatureInvalid,
    Status,
    TrackedNumber,
    TrackEvent,
    TrackUpdate,
)

ORIGIN = "中国 东海"
HUBS = {"express": "上海浦东国际机场", "line": "深圳转运中心"}
DESTINATION = {
    "JP": "日本 东京",
    "KR": "韩国 首尔",
    "US": "美国 洛杉矶",
    "CA": "加拿大 温哥华",
    "AU": "澳大利亚 悉尼",
    "GB": "英国 伦敦",
    "DE": "德国 法兰克福",
    "FR": "法国 巴黎",
}


def script(number: TrackedNumber) -> list[tuple[int, Status, str, str]]:
    """(step index, status, description, location) of the number's journey."""
    dest = DESTINATION.get(number.country, "目的国")
    steps = [
        (1, Status.PICKED_UP, "快件已由承运商揽收", ORIGIN),
        (2, Status.IN_TRANSIT, "快件已离开始发地，发往出口口岸", "中国 上海"),
        (3, Status.IN_TRANSIT, "快件已出口发运，航班已起飞", "中国 上海"),
        (4, Status.CUSTOMS, "快件到达目的国，正在进口清关", dest),
    ]
    if "EX" in number.number.upper():
        steps.append((5, Status.EXCEPTION, "收件人地址不详，派送失败，请补充详细地址", dest))
        return steps
    steps += [
        (5, Status.IN_TRANSIT, "清关完成，快件已放行，发往派送站", dest),
        (6, Status.OUT_FOR_DELIVERY, "快件正在派送中", dest),
        (7, Status.DELIVERED, "快件已签收，签收人：本人", dest),
    ]
    return steps


class StandInTracking:
    name = "standin"
    source = "standin"

    def __init__(self, *, step: timedelta) -> None:
        self.step = step

    def register(self, numbers: list[TrackedNumber]) -> RegisterResult:
        return RegisterResult(accepted=tuple(n.number for n in numbers))

    def events_due(self, number: TrackedNumber) -> tuple[TrackEvent, ...]:
        now = timezone.now()
        events = []
        for index, status, description, location in script(number):
            at = number.registered_at + self.step * index
            if at > now:
                break
            events.append(
                TrackEvent(
                    key=f"standin-{index}", occurred_at=at, status=status, description=description, location=location
                )
            )
        return tuple(events)

    def poll(self, numbers: list[TrackedNumber]) -> list[TrackUpdate]:
        return [TrackUpdate(number=n.number, events=self.events_due(n)) for n in numbers]

    def parse_push(self, headers: dict[str, str], body: bytes) -> list[TrackUpdate]:
        raise SignatureInvalid("the stand-in sends no pushes")
