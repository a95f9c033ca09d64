"""服务评价 in the back office: the filtered list, the reply (站内信 + WeChat push), the data scope."""

from __future__ import annotations

import pytest
from django.utils import timezone

from conftest import make_role, make_staff, queries_of
from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.notifications.models import Message
from jmt.notifications.tests.helpers import queued
from jmt.ratings.models import Rating
from jmt.ratings.tests.factories import rating

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_kind_stars_merchant_and_answered(officer_api, crystal_merchant):
    other = Merchant.objects.create(name="连云港晶品", registration_status=RegistrationStatus.APPROVED)
    five = rating(crystal_merchant, stars=5, kind="shipment")
    two = rating(crystal_merchant, stars=2, kind="refund", reply="已核实", replied_at=five.created_at)
    elsewhere = rating(other, stars=4, kind="settlement")

    def ids(**filters):
        body = officer_api.get("/admin/ratings", **filters).json()
        return {row["id"] for row in body["items"]}

    assert ids() == {five.pk, two.pk, elsewhere.pk}
    assert ids(kind="refund") == {two.pk}
    assert ids(stars=5) == {five.pk}
    assert ids(merchant_id=other.pk) == {elsewhere.pk}
    assert ids(answered="true") == {two.pk}
    assert ids(answered="false") == {five.pk, elsewhere.pk}
    row = officer_api.get("/admin/ratings", kind="settlement").json()["items"][0]
    assert (row["merchant_name"], row["kind_label"]) == ("连云港晶品", "收结汇")
    kinds = officer_api.get("/admin/ratings/kinds").json()
    assert {k["label"] for k in kinds} == {"工商注册", "跨境申报", "出口退税", "收结汇", "跨境物流"}


def test_a_reply_reaches_the_merchant_as_a_message_and_a_wechat_push(officer_api, crystal_merchant, merchant_admin):
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save(update_fields=["wechat_unionid"])
    row = rating(crystal_merchant, stars=3, comment="清关慢了两天", created_by=merchant_admin)
    response = officer_api.post(f"/admin/ratings/{row.pk}/reply", {"reply": "  已督促承运商改进  "})
    assert response.status_code == 200
    assert (response.json()["reply"], response.json()["replied_by_name"]) == ("已督促承运商改进", "周客服")
    message = Message.objects.get(recipient=merchant_admin)
    assert message.title == f"捷晶回复：您对{row.subject_title}的评价"
    assert "已督促承运商改进" in message.body
    assert message.link == f"/me/ratings?id={row.pk}"
    assert len(queued("push_messages")) == 1


def test_an_empty_reply_is_refused_and_nothing_is_written(officer_api, crystal_merchant):
    row = rating(crystal_merchant)
    response = officer_api.post(f"/admin/ratings/{row.pk}/reply", {"reply": "   "})
    assert (response.status_code, response.json()["code"]) == (422, "RATING_REPLY_INVALID")
    assert Rating.objects.get(pk=row.pk).replied_at is None
    assert not Message.objects.exists()


def test_staff_see_only_what_their_role_reaches(api, crystal_merchant):
    row = rating(crystal_merchant)
    reader = make_staff("duzhe", roles=[make_role("评价只读", ["operations:ratings:view"], data_scope="all_read")])
    narrow = make_staff("benshang", roles=[make_role("无商户", ["operations:ratings:view"], data_scope="own_merchant")])
    stranger = make_staff("waibu", roles=[make_role("商户管理", ["merchants:list:view"], data_scope="all_read")])

    reading = api.as_user(reader)
    assert reading.get("/admin/ratings").json()["total"] == 1
    refused = reading.post(f"/admin/ratings/{row.pk}/reply", {"reply": "好的"})
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    assert api.as_user(narrow).get("/admin/ratings").json()["total"] == 0
    assert api.as_user(narrow).get(f"/admin/ratings/{row.pk}").status_code == 404
    assert api.as_user(stranger).get("/admin/ratings").status_code == 403


def test_merchant_users_cannot_reach_the_back_office_list(api, merchant_admin, crystal_merchant):
    row = rating(crystal_merchant)
    client = api.as_user(merchant_admin)
    assert client.get("/admin/ratings").status_code == 404
    assert client.post(f"/admin/ratings/{row.pk}/reply", {"reply": "自己回复"}).status_code == 404


def test_the_list_costs_the_same_queries_however_many_merchants_and_replies(officer_api, rating_officer):
    def add(count: int, start: int) -> None:
        for index in range(start, start + count):
            merchant = Merchant.objects.create(name=f"水晶商户{index}", registration_status=RegistrationStatus.APPROVED)
            rating(merchant, reply="谢谢评价", replied_by=rating_officer, replied_at=timezone.now())

    add(1, 0)
    few = queries_of(lambda: officer_api.get("/admin/ratings"))
    add(6, 1)
    assert queries_of(lambda: officer_api.get("/admin/ratings")) == few
    rows = officer_api.get("/admin/ratings").json()["items"]
    assert {(row["merchant_name"], row["replied_by_name"]) for row in rows} == {
        (f"水晶商户{index}", "周客服") for index in range(7)
    }
