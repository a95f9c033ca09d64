"""The mini-program's ``<web-view>`` signs the H5 in with a one-time ticket: once, within 60 s, for its user."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import Api
from jmt.accounts.models import User, WebViewTicket

pytestmark = pytest.mark.django_db


def _issue(api: Api, user: User) -> dict:
    response = api.as_user(user).post("/auth/webview-ticket")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_ticket_is_exchanged_for_the_token_pair_of_its_user(api: Api, merchant_admin: User) -> None:
    issued = _issue(api, merchant_admin)
    response = api.post("/auth/webview-ticket/exchange", {"ticket": issued["ticket"], "user_id": merchant_admin.pk})
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["id"] == merchant_admin.pk
    assert body["access"]
    assert body["refresh"]


def test_a_ticket_lives_sixty_seconds(api: Api, merchant_admin: User) -> None:
    assert _issue(api, merchant_admin)["expires_in"] == 60


def test_the_ticket_is_stored_only_as_its_hash(api: Api, merchant_admin: User) -> None:
    ticket = _issue(api, merchant_admin)["ticket"]
    assert not WebViewTicket.objects.filter(ticket_hash=ticket).exists()
    assert WebViewTicket.objects.filter(user=merchant_admin).count() == 1


def test_a_ticket_works_only_once(api: Api, merchant_admin: User) -> None:
    body = {"ticket": _issue(api, merchant_admin)["ticket"], "user_id": merchant_admin.pk}
    assert api.post("/auth/webview-ticket/exchange", body).status_code == 200
    second = api.post("/auth/webview-ticket/exchange", body)
    assert second.status_code == 400
    assert second.json()["code"] == "WEBVIEW_TICKET_INVALID"


def test_an_expired_ticket_is_refused(api: Api, merchant_admin: User) -> None:
    ticket = _issue(api, merchant_admin)["ticket"]
    WebViewTicket.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api.post("/auth/webview-ticket/exchange", {"ticket": ticket, "user_id": merchant_admin.pk})
    assert response.status_code == 400
    assert response.json()["code"] == "WEBVIEW_TICKET_INVALID"


def test_a_ticket_presented_for_another_user_is_refused_and_spent(
    api: Api, merchant_admin: User, merchant_member: User
) -> None:
    ticket = _issue(api, merchant_admin)["ticket"]
    wrong = api.post("/auth/webview-ticket/exchange", {"ticket": ticket, "user_id": merchant_member.pk})
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "WEBVIEW_TICKET_INVALID"
    again = api.post("/auth/webview-ticket/exchange", {"ticket": ticket, "user_id": merchant_admin.pk})
    assert again.status_code == 400


def test_an_unknown_ticket_is_refused(api: Api, merchant_admin: User) -> None:
    response = api.post("/auth/webview-ticket/exchange", {"ticket": "not-a-ticket", "user_id": merchant_admin.pk})
    assert response.status_code == 400
    assert response.json()["message"] == "登录凭证无效或已过期，请返回小程序重新进入"


def test_issuing_a_ticket_needs_a_signed_in_user(api: Api) -> None:
    assert api.post("/auth/webview-ticket").status_code == 401
