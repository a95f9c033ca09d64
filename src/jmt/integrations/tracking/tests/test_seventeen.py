"""The 17TRACK-style adapter against a local fake of the API: register, poll, push signatures, mapping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from jmt.integrations.testing import FakeHttpServer, Recorded, Reply
from jmt.integrations.tracking.port import SignatureInvalid, Status, TrackedNumber, TrackingError
from jmt.integrations.tracking.seventeen import SeventeenTrack, sign

KEY = "fake-17track-key"
EVENTS = [
    {
        "time_utc": "2026-12-05T08:00:00Z",
        "description": "Delivered",
        "location": "Tokyo",
        "sub_status": "Delivered_Other",
    },
    {
        "time_utc": "2026-12-03T01:00:00Z",
        "description": "Picked up",
        "location": "Donghai",
        "sub_status": "InTransit_PickedUp",
    },
    {
        "time_utc": "2026-12-04T01:00:00Z",
        "description": "Ready for pickup",
        "location": "Tokyo",
        "sub_status": "AvailableForPickup_Other",
    },
    {"time_utc": "", "description": "no time", "sub_status": "InTransit_Other"},
]


class Fake17Track:
    """Knows numbers starting with JPL; refuses others; says a number is registered twice."""

    def __init__(self) -> None:
        self.registered: set[str] = set()

    def __call__(self, request: Recorded) -> Reply:
        if request.headers.get("17token") != KEY:
            return 401, {"code": -18010002, "data": {}}
        items = json.loads(request.body)
        if request.path.endswith("/register"):
            accepted, rejected = [], []
            for item in items:
                number = item["number"]
                if not number.startswith("JPL"):
                    rejected.append({"number": number, "error": {"code": -18019903, "message": "carrier not detected"}})
                elif number in self.registered:
                    rejected.append({"number": number, "error": {"code": -18019901, "message": "already registered"}})
                else:
                    self.registered.add(number)
                    accepted.append({"number": number, "carrier": item.get("carrier", 0)})
            return 200, {"code": 0, "data": {"accepted": accepted, "rejected": rejected}}
        if request.path.endswith("/gettrackinfo"):
            rows = [
                {"number": i["number"], "track_info": {"tracking": {"providers": [{"events": EVENTS}]}}} for i in items
            ]
            return 200, {"code": 0, "data": {"accepted": rows, "rejected": []}}
        return 404, {"code": -1}


@pytest.fixture
def fake(settings) -> Iterator[FakeHttpServer[Fake17Track]]:
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True
    with FakeHttpServer(Fake17Track()) as server:
        yield server


def numbers(*values: str, carrier: str = "jp-line") -> list[TrackedNumber]:
    return [TrackedNumber(v, carrier, datetime(2026, 12, 1, tzinfo=UTC), "JP") for v in values]


def adapter(fake: FakeHttpServer[Fake17Track], key: str = KEY) -> SeventeenTrack:
    return SeventeenTrack(base_url=fake.url + "track/v2.2", api_key=key)


def test_register_sends_the_numbers_with_the_token_and_reads_accepted_and_rejected(fake):
    result = adapter(fake).register(numbers("JPL0001", "XX0002"))
    assert result.accepted == ("JPL0001",)
    assert result.rejected == {"XX0002": "carrier not detected"}
    sent = fake.calls("/track/v2.2/register")[0]
    assert json.loads(sent.body) == [{"number": "JPL0001"}, {"number": "XX0002"}]


def test_a_known_carrier_is_sent_with_its_17track_key(fake):
    adapter(fake).register(numbers("JPL0003", carrier="dhl"))
    assert json.loads(fake.calls("/track/v2.2/register")[0].body) == [{"number": "JPL0003", "carrier": 100001}]


def test_a_number_registered_twice_counts_as_accepted(fake):
    adapter(fake).register(numbers("JPL0001"))
    assert adapter(fake).register(numbers("JPL0001")).accepted == ("JPL0001",)


def test_a_refused_token_is_an_error(fake):
    with pytest.raises(TrackingError):
        adapter(fake, key="wrong").register(numbers("JPL0001"))


def test_poll_maps_17track_statuses_and_skips_unreadable_events(fake):
    [update] = adapter(fake).poll(numbers("JPL0001"))
    statuses = {e.description: e.status for e in update.events}
    assert statuses == {
        "Delivered": Status.DELIVERED,
        "Picked up": Status.PICKED_UP,  # 17TRACK's PickedUp is collection from the sender
        "Ready for pickup": Status.OUT_FOR_DELIVERY,  # waiting for the recipient
    }


def test_the_same_scan_has_the_same_key_in_every_poll(fake):
    first = adapter(fake).poll(numbers("JPL0001"))[0].events
    second = adapter(fake).poll(numbers("JPL0001"))[0].events
    assert [e.key for e in first] == [e.key for e in second]


def test_a_push_is_read_only_with_the_right_signature(fake):
    body = json.dumps(
        {
            "event": "TRACKING_UPDATED",
            "data": {"number": "JPL0001", "track_info": {"tracking": {"providers": [{"events": EVENTS[:1]}]}}},
        }
    ).encode()
    [update] = adapter(fake).parse_push({"sign": sign(body, KEY)}, body)
    assert update.number == "JPL0001"
    assert update.events[0].status is Status.DELIVERED
    with pytest.raises(SignatureInvalid):
        adapter(fake).parse_push({"sign": sign(body, "other")}, body)
    with pytest.raises(SignatureInvalid):
        adapter(fake).parse_push({}, body)


def test_other_push_events_are_acknowledged_and_ignored(fake):
    body = json.dumps({"event": "TRACKING_STOPPED", "data": {"number": "JPL0001"}}).encode()
    assert adapter(fake).parse_push({"sign": sign(body, KEY)}, body) == []
