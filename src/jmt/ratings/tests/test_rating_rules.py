"""The rating rules: only a completed item, once, only the item's merchant, only who may work the item."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import queries_of
from jmt.audit.models import OperationLog
from jmt.ratings.models import Rating
from jmt.ratings.tests.factories import KINDS, item, rating

pytestmark = pytest.mark.django_db


def _patch(api, path, body):
    return api.client.patch(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", headers=api._headers(None)
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_completed_item_can_be_rated_once(merchant_api, crystal_merchant, kind):
    obj = item(kind, crystal_merchant)
    card = merchant_api.get(f"/ratings/subjects/{kind}/{obj.pk}").json()
    assert (card["completed"], card["can_rate"], card["rating"]) == (True, True, None)

    created = merchant_api.post(f"/ratings/subjects/{kind}/{obj.pk}", {"stars": 5, "comment": "  办得很快  "})
    assert created.status_code == 201
    body = created.json()
    assert (body["stars"], body["comment"], body["editable"]) == (5, "办得很快", True)
    assert body["kind_label"] in {"工商注册", "跨境申报", "出口退税", "收结汇", "跨境物流"}

    again = merchant_api.post(f"/ratings/subjects/{kind}/{obj.pk}", {"stars": 1})
    assert again.status_code == 409
    assert again.json()["code"] == "RATING_ALREADY_RATED"
    assert "不能重复评价" in again.json()["message"]
    assert Rating.objects.get().stars == 5


def test_an_item_cannot_be_rated_before_it_is_completed(merchant_api, crystal_merchant):
    shipment = item("shipment", crystal_merchant, completed=False)
    card = merchant_api.get(f"/ratings/subjects/shipment/{shipment.pk}").json()
    assert (card["completed"], card["can_rate"], card["state_label"]) == (False, False, "运输中")

    refused = merchant_api.post(f"/ratings/subjects/shipment/{shipment.pk}", {"stars": 4})
    assert refused.status_code == 409
    assert refused.json()["code"] == "RATING_NOT_COMPLETED"
    assert refused.json()["message"] == "该运单当前为「运输中」，尚未办结，办结后才能评价"
    assert not Rating.objects.exists()


def test_another_merchants_item_and_rating_are_not_found(api, crystal_merchant, merchant_api, other_merchant_user):
    shipment = item("shipment", crystal_merchant)
    rating = merchant_api.post(f"/ratings/subjects/shipment/{shipment.pk}", {"stars": 5}).json()
    outsider = api.as_user(other_merchant_user)
    for response in (
        outsider.get(f"/ratings/subjects/shipment/{shipment.pk}"),
        outsider.post(f"/ratings/subjects/shipment/{shipment.pk}", {"stars": 1}),
        _patch(outsider, f"/ratings/{rating['id']}", {"stars": 1}),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")
    assert outsider.get("/ratings").json()["total"] == 0
    assert Rating.objects.get().stars == 5


def test_an_unknown_kind_is_not_found(merchant_api):
    assert merchant_api.get("/ratings/subjects/invoice/1").status_code == 404


def test_the_member_sees_the_rating_but_may_not_rate_or_change_it(api, crystal_merchant, merchant_api, merchant_member):
    """成员 is read-only in every module, so rating (which needs the item's 编辑 code) is the 管理员's."""
    rated, unrated = item("shipment", crystal_merchant), item("refund", crystal_merchant)
    rating = merchant_api.post(f"/ratings/subjects/shipment/{rated.pk}", {"stars": 4}).json()
    member = api.as_user(merchant_member)

    card = member.get(f"/ratings/subjects/refund/{unrated.pk}").json()
    assert (card["completed"], card["can_rate"]) == (True, False)
    assert member.get(f"/ratings/subjects/shipment/{rated.pk}").json()["can_edit"] is False
    refused = member.post(f"/ratings/subjects/refund/{unrated.pk}", {"stars": 5})
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    assert _patch(member, f"/ratings/{rating['id']}", {"stars": 1}).status_code == 403
    assert member.get("/ratings").json()["total"] == 1  # 我的评价 is the merchant's history
    assert member.get("/ratings/pending").json() == []  # nothing waits on someone who cannot rate


def test_stars_outside_one_to_five_are_refused_in_chinese(merchant_api, crystal_merchant):
    shipment = item("shipment", crystal_merchant)
    for stars in (0, 6):
        response = merchant_api.post(f"/ratings/subjects/shipment/{shipment.pk}", {"stars": stars})
        assert response.status_code == 422
        assert response.json()["code"] == "VALIDATION_ERROR"
        assert "stars" in response.json()["details"]["fields"]
    too_long = merchant_api.post(f"/ratings/subjects/shipment/{shipment.pk}", {"stars": 3, "comment": "好" * 501})
    assert too_long.status_code == 422
    assert not Rating.objects.exists()


def test_a_rating_can_be_changed_for_seven_days_until_staff_replies(merchant_api, officer_api, crystal_merchant):
    first, second = item("shipment", crystal_merchant), item("settlement", crystal_merchant)
    rating = merchant_api.post(f"/ratings/subjects/shipment/{first.pk}", {"stars": 2, "comment": "慢"}).json()
    changed = _patch(merchant_api, f"/ratings/{rating['id']}", {"stars": 4, "comment": "后来很快"})
    assert changed.status_code == 200
    assert (changed.json()["stars"], changed.json()["comment"]) == (4, "后来很快")

    Rating.objects.filter(pk=rating["id"]).update(created_at=timezone.now() - timedelta(days=7, seconds=1))
    late = _patch(merchant_api, f"/ratings/{rating['id']}", {"stars": 5})
    assert (late.status_code, late.json()["code"]) == (409, "RATING_EDIT_CLOSED")
    assert late.json()["message"] == "评价提交已超过 7 天，不能再修改"

    other = merchant_api.post(f"/ratings/subjects/settlement/{second.pk}", {"stars": 3}).json()
    assert officer_api.post(f"/admin/ratings/{other['id']}/reply", {"reply": "已反馈给结汇专员"}).status_code == 200
    answered = _patch(merchant_api, f"/ratings/{other['id']}", {"stars": 5})
    assert (answered.status_code, answered.json()["message"]) == (409, "捷晶已回复该评价，不能再修改")
    assert Rating.objects.get(pk=other["id"]).stars == 3


def test_rating_and_changing_are_audited(merchant_api, crystal_merchant):
    shipment = item("shipment", crystal_merchant)
    rating = merchant_api.post(f"/ratings/subjects/shipment/{shipment.pk}", {"stars": 3, "comment": "一般"}).json()
    _patch(merchant_api, f"/ratings/{rating['id']}", {"stars": 5, "comment": "一般"})
    logs = list(OperationLog.objects.filter(module="ratings").order_by("id"))
    assert [log.action for log in logs] == ["rating_create", "rating_update"]
    assert logs[1].changes == {"stars": [3, 5]}


def test_pending_lists_recently_completed_unrated_items_and_feeds_the_home_todo(merchant_api, crystal_merchant):
    delivered = item("shipment", crystal_merchant)
    item("refund", crystal_merchant, at=timezone.now() - timedelta(days=31))  # too long ago to nag about
    item("settlement", crystal_merchant, completed=False)
    pending = merchant_api.get("/ratings/pending").json()
    assert [(p["kind"], p["object_id"]) for p in pending] == [("shipment", delivered.pk)]
    assert pending[0]["route"] == f"/logistics/shipments/{delivered.pk}"
    todo = [t for t in merchant_api.get("/home").json()["todos"] if t["key"] == "ratings"]
    assert todo == [
        {"module": "ratings", "key": "ratings", "title": "待评价", "count": 1, "route": "/me/ratings?tab=pending"}
    ]

    merchant_api.post(f"/ratings/subjects/shipment/{delivered.pk}", {"stars": 5})
    assert merchant_api.get("/ratings/pending").json() == []
    assert not [t for t in merchant_api.get("/home").json()["todos"] if t["key"] == "ratings"]


def test_my_ratings_filter_by_answered(merchant_api, officer_api, crystal_merchant):
    a, b = item("shipment", crystal_merchant), item("refund", crystal_merchant)
    first = merchant_api.post(f"/ratings/subjects/shipment/{a.pk}", {"stars": 5}).json()
    merchant_api.post(f"/ratings/subjects/refund/{b.pk}", {"stars": 2, "comment": "到账慢"})
    officer_api.post(f"/admin/ratings/{first['id']}/reply", {"reply": "谢谢支持"})
    answered = merchant_api.get("/ratings", answered="true").json()
    assert [(r["id"], r["reply"]) for r in answered["items"]] == [(first["id"], "谢谢支持")]
    assert merchant_api.get("/ratings", answered="false").json()["total"] == 1
    assert merchant_api.get("/ratings").json()["total"] == 2


def test_my_ratings_and_pending_cost_the_same_queries_however_many_items(merchant_api, crystal_merchant):
    def add() -> None:
        for kind in sorted(KINDS):
            rating(crystal_merchant, kind=kind)
            item(kind, crystal_merchant)  # completed, waiting for its rating

    def reads() -> tuple[int, int]:
        return (
            queries_of(lambda: merchant_api.get("/ratings")),
            queries_of(lambda: merchant_api.get("/ratings/pending")),
        )

    add()
    few = reads()
    add()
    assert reads() == few
    assert merchant_api.get("/ratings").json()["total"] == 2 * len(KINDS)
