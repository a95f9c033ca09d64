from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest

from jmt.integrations.wechat import fake
from jmt.integrations.wechat.fake import FakeWechatClient
from jmt.integrations.wechat.port import TemplateMessage, WechatError


def test_fake_code_to_session_derives_openid_and_unionid_from_the_code():
    session = FakeWechatClient().code_to_session("abc")

    assert session.openid == "fake-mp-openid-abc"
    assert session.unionid == "fake-unionid-abc"
    assert FakeWechatClient().code_to_session("abc") == session


def test_fake_phone_number_returns_a_mainland_number_code_unchanged():
    assert FakeWechatClient().phone_number("13812345678") == "13812345678"


def test_fake_phone_number_derives_a_139_number_from_sha256_of_any_other_code():
    expected = f"139{int(hashlib.sha256(b'phone-code-1').hexdigest(), 16) % 10**8:08d}"

    first = FakeWechatClient().phone_number("phone-code-1")

    assert first == expected
    assert len(first) == 11
    assert FakeWechatClient().phone_number("phone-code-1") == first
    assert FakeWechatClient().phone_number("phone-code-2") != first


def test_fake_qr_login_url_points_at_the_local_page_with_the_state_encoded():
    url = FakeWechatClient().qr_login_url("a b&c=d")

    parts = urlsplit(url)
    assert parts.path == "/api/v1/auth/wechat/fake-qrconnect"
    assert parse_qs(parts.query) == {"state": ["a b&c=d"]}


def test_fake_web_user_shares_the_unionid_with_the_mini_program_for_the_same_code():
    user = FakeWechatClient().web_user("xyz")

    assert user.openid == "fake-web-openid-xyz"
    assert user.unionid == "fake-unionid-xyz"
    assert user.unionid == FakeWechatClient().code_to_session("xyz").unionid


@pytest.mark.parametrize("call", ["code_to_session", "phone_number", "web_user"])
def test_fake_codes_starting_with_invalid_raise_a_permanent_40029(call):
    with pytest.raises(WechatError) as caught:
        getattr(FakeWechatClient(), call)("invalid-123")

    assert caught.value.errcode == 40029
    assert caught.value.permanent is True


def test_fake_send_template_keeps_the_message_in_sent():
    message = TemplateMessage(touser="openid-1", template_id="tpl", data={"thing1": "发货通知"})

    FakeWechatClient().send_template(message)

    assert fake.sent == [message]


def test_fake_send_template_to_an_unfollowed_user_raises_43004():
    message = TemplateMessage(touser="unfollowed-1", template_id="tpl", data={})

    with pytest.raises(WechatError) as caught:
        FakeWechatClient().send_template(message)

    assert caught.value.errcode == 43004
    assert caught.value.permanent is True
    assert fake.sent == []


def test_the_fake_service_account_knows_who_follows():
    client = FakeWechatClient()
    fake.follow("svc-a", "union-a")
    fake.follow("svc-b", "union-b")
    fake.unfollow("svc-b")

    assert client.follower("svc-a").unionid == "union-a"
    assert client.follower("svc-b").subscribed is False
    page = client.follower_page()
    assert (page.openids, page.next_openid) == (["svc-a"], "")
    assert [f.unionid for f in client.followers(["svc-a"])] == ["union-a"]
