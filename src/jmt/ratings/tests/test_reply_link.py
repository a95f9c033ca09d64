"""捷晶's reply reaches the merchant as a 站内信 whose link opens 我的评价 with that rating highlighted,
on the PC and on the phone, on whichever page of the list it is."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.notifications.models import Message
from jmt.ratings.models import Rating
from jmt.ratings.tests.factories import rating

pytestmark = pytest.mark.django_db

WEB = Path(__file__).resolve().parents[4] / "web" / "src"


def test_the_reply_message_opens_my_ratings_with_the_rating_on_the_pc_and_on_the_phone(
    officer_api, crystal_merchant, merchant_admin
):
    row = rating(crystal_merchant, stars=3, comment="清关慢了两天", created_by=merchant_admin)
    officer_api.post(f"/admin/ratings/{row.pk}/reply", {"reply": "已督促承运商改进"})
    link = urlsplit(Message.objects.get(recipient=merchant_admin).link)
    assert (link.path, parse_qs(link.query)) == ("/me/ratings", {"id": [str(row.pk)]})

    h5_routes = (WEB / "mobile" / "routes.tsx").read_text(encoding="utf-8")
    assert re.search(r"path: '/me/ratings'", h5_routes), "手机端没有 /me/ratings 页面"
    pc_routes = (WEB / "merchant" / "routes.tsx").read_text(encoding="utf-8")
    assert 'path="me/:tab"' in pc_routes
    assert "key: 'ratings'" in (WEB / "merchant" / "pages" / "me" / "MePage.tsx").read_text(encoding="utf-8")
    # Both pages take the rating to highlight from the link's ?id= and ask the list for its page.
    pages = (WEB / "merchant" / "pages" / "me" / "RatingsTab.tsx", WEB / "mobile" / "pages" / "me" / "RatingsPage.tsx")
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert "ratingFocus(params)" in source, f"{page.name} 没有读取链接中的评价"
        assert "focus" in source


def test_the_list_answers_the_page_that_holds_the_linked_rating(merchant_api, crystal_merchant):
    start = timezone.now() - timedelta(days=1)
    rows = [rating(crystal_merchant, stars=5) for _ in range(5)]
    for minutes, row in enumerate(rows):
        Rating.objects.filter(pk=row.pk).update(created_at=start + timedelta(minutes=minutes))
    third_newest = rows[2]

    body = merchant_api.get("/ratings", focus=third_newest.pk, page_size=2, page=1).json()

    assert body["page"] == 2
    assert [item["id"] for item in body["items"]] == [rows[2].pk, rows[1].pk]
    oldest = merchant_api.get("/ratings", focus=rows[0].pk, page_size=2).json()
    assert (oldest["page"], [item["id"] for item in oldest["items"]]) == (3, [rows[0].pk])


def test_a_link_to_a_rating_the_merchant_cannot_see_leaves_the_list_at_its_page(merchant_api, crystal_merchant):
    other = Merchant.objects.create(name="连云港晶品", registration_status=RegistrationStatus.APPROVED)
    own = rating(crystal_merchant)
    elsewhere = rating(other)
    body = merchant_api.get("/ratings", focus=elsewhere.pk, page_size=2).json()
    assert body["page"] == 1
    assert [item["id"] for item in body["items"]] == [own.pk]
