from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from jmt.system import opening_hours
from jmt.system.parameters import OpeningHoursParams, OpeningTimeRange

SH = ZoneInfo("Asia/Shanghai")
WORKDAYS = OpeningHoursParams(
    days=[1, 2, 3, 4, 5],
    ranges=[OpeningTimeRange(start="08:30", end="12:00"), OpeningTimeRange(start="13:30", end="17:30")],
    closed_dates=[date(2026, 10, 1)],
)


def at(y, m, d, hh, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=SH)


def test_it_is_open_inside_a_range_on_a_working_day():
    assert opening_hours.is_open(WORKDAYS, at(2026, 9, 14, 9))  # Monday
    assert opening_hours.is_open(WORKDAYS, at(2026, 9, 14, 8, 30))


def test_it_is_closed_at_lunch_after_hours_at_weekends_and_on_holidays():
    assert not opening_hours.is_open(WORKDAYS, at(2026, 9, 14, 12))
    assert not opening_hours.is_open(WORKDAYS, at(2026, 9, 14, 17, 30))
    assert not opening_hours.is_open(WORKDAYS, at(2026, 9, 19, 10))  # Saturday
    assert not opening_hours.is_open(WORKDAYS, at(2026, 10, 1, 10))  # a Thursday, 国庆


def test_the_hours_are_read_in_beijing_time_whatever_the_callers_zone():
    utc_1am = datetime(2026, 9, 14, 1, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Beijing
    assert opening_hours.is_open(WORKDAYS, utc_1am)


def test_the_next_opening_is_after_lunch_then_next_morning_then_after_the_weekend_and_holiday():
    assert opening_hours.next_opening(WORKDAYS, at(2026, 9, 14, 12, 10)) == at(2026, 9, 14, 13, 30)
    assert opening_hours.next_opening(WORKDAYS, at(2026, 9, 14, 18)) == at(2026, 9, 15, 8, 30)
    assert opening_hours.next_opening(WORKDAYS, at(2026, 9, 18, 18)) == at(2026, 9, 21, 8, 30)
    assert opening_hours.next_opening(WORKDAYS, at(2026, 9, 30, 18)) == at(2026, 10, 2, 8, 30)


def test_the_hours_are_described_in_chinese():
    assert opening_hours.describe(WORKDAYS) == "周一至周五 08:30–12:00、13:30–17:30"
    every = OpeningHoursParams(days=[7, 1, 2, 3, 4, 5, 6], ranges=[OpeningTimeRange(start="00:00", end="23:59")])
    assert opening_hours.describe(every) == "每天 00:00–23:59"
    some = OpeningHoursParams(days=[1, 3, 6, 7], ranges=[OpeningTimeRange(start="09:00", end="17:00")])
    assert opening_hours.describe(some) == "周一、周三、周六、周日 09:00–17:00"


@pytest.mark.django_db
def test_the_public_notices_say_closed_with_the_next_opening_and_the_contact(api, put):
    put("platform", {"name": "晶贸通", "hotline": "0518-8888 6666", "service_wechat": "jmt-kefu"})
    with time_machine.travel(at(2026, 9, 19, 10), tick=False):  # Saturday
        body = api.get("/system/notices").json()
    assert body["open"] is False
    assert body["next_open_at"].startswith("2026-09-21T08:30:00")
    assert body["hours_text"] == "周一至周五 08:30–12:00、13:30–17:30"
    assert body["closed_notice"].startswith("当前为非营业时间")
    assert body["platform"] == {"name": "晶贸通", "hotline": "0518-8888 6666", "service_wechat": "jmt-kefu"}


@pytest.mark.django_db
def test_the_public_notices_say_open_without_a_next_opening(api):
    with time_machine.travel(at(2026, 9, 14, 10), tick=False):
        body = api.get("/system/notices").json()
    assert (body["open"], body["next_open_at"]) == (True, None)


@pytest.mark.django_db
def test_only_announcements_active_now_and_meant_for_the_surface_are_shown(api, put):
    def item(title, start, end, audience=("merchant", "admin")):
        return {
            "title": title,
            "content": f"{title}内容",
            "starts_at": start,
            "ends_at": end,
            "audience": list(audience),
        }

    put(
        "announcements",
        {
            "items": [
                item("进行中", "2026-09-14T08:00:00+08:00", "2026-09-14T20:00:00+08:00"),
                item("已结束", "2026-09-13T08:00:00+08:00", "2026-09-13T20:00:00+08:00"),
                item("未开始", "2026-09-15T08:00:00+08:00", "2026-09-15T20:00:00+08:00"),
                item("仅后台", "2026-09-14T08:00:00+08:00", "2026-09-14T20:00:00+08:00", ["admin"]),
            ]
        },
    )
    with time_machine.travel(at(2026, 9, 14, 10), tick=False):
        merchant = api.get("/system/notices").json()["announcements"]
        admin = api.get("/system/notices", surface="admin").json()["announcements"]
    assert [a["title"] for a in merchant] == ["进行中"]
    assert [a["title"] for a in admin] == ["进行中", "仅后台"]
