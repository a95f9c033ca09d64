from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from jmt.accounts.tokens import issue_tokens

pytestmark = pytest.mark.django_db


def test_refresh_rotates_the_pair_and_the_new_access_token_works(api, merchant_admin):
    first = issue_tokens(merchant_admin, remember=True)
    response = api.post("/auth/refresh", {"refresh": first.refresh})
    assert response.status_code == 200
    second = response.json()
    assert second["refresh"] != first.refresh
    api.token = second["access"]
    assert api.get("/me").status_code == 200


def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(api, merchant_admin):
    first = issue_tokens(merchant_admin, remember=True)
    second = api.post("/auth/refresh", {"refresh": first.refresh}).json()
    reuse = api.post("/auth/refresh", {"refresh": first.refresh})
    assert reuse.status_code == 401
    assert reuse.json()["code"] == "REFRESH_TOKEN_REUSED"
    # The legitimate holder's newer tokens are revoked too.
    assert api.post("/auth/refresh", {"refresh": second["refresh"]}).json()["code"] == "REFRESH_TOKEN_INVALID"
    api.token = second["access"]
    assert api.get("/me").status_code == 401


def test_reuse_in_one_family_leaves_other_sessions_alone(api, merchant_admin):
    phone = issue_tokens(merchant_admin, remember=True)
    laptop = issue_tokens(merchant_admin, remember=True)
    api.post("/auth/refresh", {"refresh": phone.refresh})
    api.post("/auth/refresh", {"refresh": phone.refresh})
    assert api.post("/auth/refresh", {"refresh": laptop.refresh}).status_code == 200


def test_an_expired_refresh_token_is_refused(api, merchant_admin):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        tokens = issue_tokens(merchant_admin, remember=False)
        clock.shift(timedelta(hours=12, seconds=1))
        response = api.post("/auth/refresh", {"refresh": tokens.refresh})
    assert response.status_code == 401
    assert response.json()["code"] == "REFRESH_TOKEN_INVALID"


def test_an_unknown_refresh_token_is_refused(api):
    response = api.post("/auth/refresh", {"refresh": "not-a-token"})
    assert response.status_code == 401
    assert response.json()["code"] == "REFRESH_TOKEN_INVALID"


def test_logout_revokes_the_session_and_its_access_token(api, merchant_admin):
    tokens = issue_tokens(merchant_admin, remember=True)
    assert api.post("/auth/logout", {"refresh": tokens.refresh}).status_code == 204
    api.token = tokens.access
    response = api.get("/me")
    assert response.status_code == 401
    assert response.json()["code"] == "TOKEN_INVALID"
    assert api.post("/auth/refresh", {"refresh": tokens.refresh}).status_code == 401


def test_an_access_token_expires_after_fifteen_minutes(api, merchant_admin):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        api.token = issue_tokens(merchant_admin, remember=False).access
        clock.shift(timedelta(minutes=15, seconds=1))
        response = api.get("/me")
    assert response.status_code == 401
    assert response.json()["code"] == "TOKEN_EXPIRED"


def test_a_tampered_access_token_is_refused(api, merchant_admin):
    token = issue_tokens(merchant_admin, remember=False).access
    api.token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    response = api.get("/me")
    assert response.status_code == 401
    assert response.json()["code"] == "TOKEN_INVALID"


def test_a_disabled_user_is_refused_at_once(api, merchant_admin):
    api.token = issue_tokens(merchant_admin, remember=False).access
    merchant_admin.is_active = False
    merchant_admin.save()
    response = api.get("/me")
    assert response.status_code == 403
    assert response.json()["code"] == "ACCOUNT_DISABLED"


def test_no_token_is_a_json_401(api):
    response = api.get("/me")
    assert response.status_code == 401
    assert response.json() == {"code": "UNAUTHENTICATED", "message": "请先登录", "details": {}}
