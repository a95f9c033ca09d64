"""Tracking: events move the shipment along its graph, duplicates and late events change nothing, every
status change reaches the merchant as a 站内信 and a WeChat push, the webhook checks its signature."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from jmt.integrations.tracking.port import Status, TrackEvent
from jmt.integrations.tracking.seventeen import sign
from jmt.logistics import services
from jmt.logistics.models import Shipment, TrackingEvent
from jmt.logistics.tasks import logistics_tracking_poll
from jmt.logistics.tests.conftest import put, shipment_body
from jmt.notifications.models import Message
from jmt.notifications.tests.helpers import queued

pytestmark = pytest.mark.django_db
KEY = "test-17track-key"


@pytest.fixture
def shipment(api, merchant_admin, logistics_staff, carriers):
    body = api.as_user(merchant_admin).post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()
    put(
        api.as_user(logistics_staff),
        f"/admin/logistics/shipments/{body['id']}/tracking-no",
        {"tracking_no": "jpl2612050001"},
    )
    return Shipment.objects.get(pk=body["id"])


def event(key: str, status: Status, minutes_ago: int, text: str = "") -> TrackEvent:
    return TrackEvent(key, timezone.now() - timedelta(minutes=minutes_ago), status, text or status.value, "东京")


def test_the_latest_event_moves_the_shipment_and_the_merchant_gets_a_message(shipment, merchant_admin):
    services.tracking_ingest(shipment_id=shipment.pk, events=[event("a", Status.PICKED_UP, 30)], source="test")
    shipment.refresh_from_db()
    assert shipment.state == "picked_up"
    assert shipment.picked_up_at is not None
    message = Message.objects.filter(recipient=merchant_admin).latest("id")
    assert message.title == f"物流运单「{shipment.number}」已揽收"
    assert message.link == f"/logistics/shipments/{shipment.pk}"


def test_each_status_change_queues_a_wechat_push(shipment, merchant_admin):
    merchant_admin.wechat_unionid = "o-unionid-lin"
    merchant_admin.save(update_fields=["wechat_unionid"])
    services.tracking_ingest(shipment_id=shipment.pk, events=[event("a", Status.PICKED_UP, 30)], source="test")
    services.tracking_ingest(shipment_id=shipment.pk, events=[event("b", Status.IN_TRANSIT, 20)], source="test")
    ids = list(Message.objects.filter(recipient=merchant_admin).order_by("id").values_list("pk", flat=True))
    pushed = [row.args_kwargs["args"][0] for row in queued("push_messages")]
    assert [[i] for i in ids] == pushed
    assert len(ids) == 2


def test_a_repeated_event_is_stored_once_and_moves_nothing(shipment, merchant_admin):
    first = services.tracking_ingest(shipment_id=shipment.pk, events=[event("a", Status.PICKED_UP, 30)], source="test")
    again = services.tracking_ingest(shipment_id=shipment.pk, events=[event("a", Status.PICKED_UP, 30)], source="test")
    assert (first, again) == (1, 0)
    assert TrackingEvent.objects.filter(shipment=shipment).count() == 1
    assert Message.objects.filter(recipient=merchant_admin).count() == 1


def test_an_older_event_arriving_late_never_moves_the_shipment_back(shipment):
    services.tracking_ingest(shipment_id=shipment.pk, events=[event("c", Status.CUSTOMS, 10)], source="test")
    services.tracking_ingest(shipment_id=shipment.pk, events=[event("a", Status.PICKED_UP, 60)], source="test")
    shipment.refresh_from_db()
    assert shipment.state == "customs"
    assert TrackingEvent.objects.filter(shipment=shipment).count() == 2


def test_events_out_of_order_in_one_batch_land_on_the_latest(shipment):
    batch = [
        event("d", Status.OUT_FOR_DELIVERY, 5),
        event("a", Status.PICKED_UP, 50),
        event("b", Status.IN_TRANSIT, 40),
    ]
    services.tracking_ingest(shipment_id=shipment.pk, events=batch, source="test")
    shipment.refresh_from_db()
    assert shipment.state == "delivering"


def test_an_exception_carries_the_carriers_reason_to_the_merchant(shipment, merchant_admin):
    services.tracking_ingest(
        shipment_id=shipment.pk, events=[event("x", Status.EXCEPTION, 1, "收件人地址不详，派送失败")], source="test"
    )
    shipment.refresh_from_db()
    assert (shipment.state, shipment.exception_reason) == ("exception", "收件人地址不详，派送失败")
    message = Message.objects.filter(recipient=merchant_admin).latest("id")
    assert "收件人地址不详，派送失败" in message.body


def test_the_stand_in_advances_events_as_time_passes(shipment, settings):
    settings.TRACKING_STANDIN_STEP_SECONDS = 60
    logistics_tracking_poll.call()  # registers the number; nothing due yet
    shipment.refresh_from_db()
    assert shipment.tracking_registered
    assert shipment.state == "ordered"
    registered = shipment.tracking_registered_at
    with time_machine.travel(registered + timedelta(seconds=250), tick=False):
        logistics_tracking_poll.call()
    shipment.refresh_from_db()
    assert shipment.state == "customs"  # picked up, left, flown, at customs: 4 steps of 60 s
    with time_machine.travel(registered + timedelta(seconds=500), tick=False):
        logistics_tracking_poll.call()
    shipment.refresh_from_db()
    assert shipment.state == "delivered"
    assert shipment.delivered_at is not None


def _push(number: str, events: list[dict]) -> bytes:
    payload = {
        "event": "TRACKING_UPDATED",
        "data": {"number": number, "track_info": {"tracking": {"providers": [{"events": events}]}}},
    }
    return json.dumps(payload).encode()


def _event(minutes_ago: int, sub: str, text: str) -> dict:
    moment = (timezone.now() - timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"time_utc": moment, "description": text, "location": "Tokyo", "sub_status": sub}


@pytest.fixture
def seventeen(settings):
    settings.TRACKING_BACKEND = "17track"
    settings.TRACKING_API_KEY = KEY


def post_push(client, body: bytes, signature: str):
    return client.post(
        "/api/v1/logistics/tracking/webhook", body, content_type="application/json", headers={"sign": signature}
    )


def test_a_signed_push_moves_the_shipment(client, shipment, seventeen):
    body = _push(
        "JPL2612050001",
        [_event(30, "InTransit_PickedUp", "Picked up"), _event(5, "InTransit_CustomsProcessing", "Customs")],
    )
    response = post_push(client, body, sign(body, KEY))
    assert response.status_code == 200
    assert response.json() == {"code": 0, "new_events": 2}
    shipment.refresh_from_db()
    assert shipment.state == "customs"


def test_a_push_with_a_wrong_signature_is_refused_and_changes_nothing(client, shipment, seventeen):
    body = _push("JPL2612050001", [_event(5, "Delivered_Other", "Delivered")])
    response = post_push(client, body, sign(body, "another-key"))
    assert response.status_code == 401
    assert response.json()["code"] == "LOGISTICS_SIGNATURE_INVALID"
    assert not TrackingEvent.objects.exists()


def test_the_same_push_twice_stores_its_events_once(client, shipment, seventeen):
    body = _push("JPL2612050001", [_event(30, "InTransit_PickedUp", "Picked up")])
    post_push(client, body, sign(body, KEY))
    response = post_push(client, body, sign(body, KEY))
    assert response.json()["new_events"] == 0
    assert TrackingEvent.objects.count() == 1


def test_a_push_for_an_unknown_number_is_acknowledged(client, shipment, seventeen):
    body = _push("NOSUCH123456", [_event(30, "InTransit_PickedUp", "Picked up")])
    assert post_push(client, body, sign(body, KEY)).json() == {"code": 0, "new_events": 0}
