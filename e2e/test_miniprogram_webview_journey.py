"""The H5 inside the mini-program's ``<web-view>`` (390 px): opened with a one-time ticket in its address, it
signs in before rendering, drops the ticket from the address, and a second opening with the same ticket
lands on the sign-in page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url
from jmt.accounts.models import User
from jmt.accounts.services import webview_ticket_issue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def test_the_h5_signs_in_with_the_web_view_ticket_once(asgi_url: str, new_context: Any, merchant_admin: User) -> None:
    ticket, _seconds = webview_ticket_issue(user=merchant_admin)
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{asgi_url}/m/customs/orders?tab=status&ticket={ticket}&uid={merchant_admin.pk}")
    expect(page).to_have_url(f"{asgi_url}/m/customs/orders?tab=status")
    expect(page.get_by_text("东海晶莹水晶").or_(page.get_by_text("电子订单")).first).to_be_visible()
    assert "ticket" not in page.evaluate("JSON.stringify(window.localStorage)")
    shoot(page, "m-webview-ticket-signed-in")

    fresh = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    fresh.goto(f"{asgi_url}/m/?ticket={ticket}&uid={merchant_admin.pk}")
    expect(fresh).to_have_url(re.compile(r"/m/login$"))
