"""What every authenticated request pays before its view, and the rendering of responses."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.test import RequestFactory
from django.utils import timezone

from jmt.accounts.models import RefreshToken, User
from jmt.accounts.selectors import actor_from_access_token
from jmt.accounts.tokens import issue_tokens
from jmt.core.errors import ApiError
from jmt.merchants.models import MemberRole, Membership, Merchant

CORE = Path(__file__).resolve().parent.parent
DOMAIN_APPS = {"accounts", "audit", "customs", "documents", "integrations", "merchants", "notifications", "rbac",
               "registration", "system", "workflow"}  # fmt: skip


def _token(user: User) -> str:
    return issue_tokens(user, remember=False).access


@pytest.mark.django_db
def test_a_merchant_token_is_authenticated_with_its_membership_in_one_query(
    merchant_admin: User, django_assert_num_queries: Any
) -> None:
    token = _token(merchant_admin)
    with django_assert_num_queries(1):
        actor = actor_from_access_token(RequestFactory().get("/"), token)
    assert actor.merchant is not None
    assert actor.merchant.name == "东海晶莹水晶"
    assert actor.role == MemberRole.ADMIN
    assert actor.permissions


@pytest.mark.django_db
def test_the_current_merchant_is_chosen_over_the_first_joined(merchant_admin: User) -> None:
    second = Merchant.objects.create(name="第二家水晶店")
    Membership.objects.create(merchant=second, user=merchant_admin, role=MemberRole.MEMBER)
    merchant_admin.current_merchant = second
    merchant_admin.save(update_fields=["current_merchant"])
    actor = actor_from_access_token(RequestFactory().get("/"), _token(merchant_admin))
    assert (actor.merchant, actor.role) == (second, MemberRole.MEMBER)
    merchant_admin.current_merchant = None
    merchant_admin.save(update_fields=["current_merchant"])
    actor = actor_from_access_token(RequestFactory().get("/"), _token(merchant_admin))
    assert actor.merchant is not None
    assert actor.merchant.name == "东海晶莹水晶"  # no current merchant: the first joined


@pytest.mark.django_db
def test_a_back_office_token_costs_at_most_two_queries(superadmin: User, django_assert_max_num_queries: Any) -> None:
    token = _token(superadmin)
    with django_assert_max_num_queries(2):
        actor = actor_from_access_token(RequestFactory().get("/"), token)
    assert actor.merchant is None
    assert actor.permissions


@pytest.mark.django_db
def test_a_revoked_session_is_refused_at_once(merchant_admin: User) -> None:
    issued = issue_tokens(merchant_admin, remember=False)
    RefreshToken.objects.filter(family=issued.session).update(revoked_at=timezone.now())
    with pytest.raises(ApiError) as refused:
        actor_from_access_token(RequestFactory().get("/"), issued.access)
    assert refused.value.code == "TOKEN_INVALID"


def test_core_imports_no_domain_app() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("jmt.") and n.split(".")[1] in DOMAIN_APPS]
    assert offenders == []


def test_responses_render_with_orjson_in_django_json_format() -> None:
    import datetime as dt
    import json
    import uuid
    from decimal import Decimal

    from ninja.responses import NinjaJSONEncoder

    from jmt.core.renderers import dumps

    data = {
        "at": dt.datetime(2026, 9, 14, 2, 3, 4, 567891, tzinfo=dt.UTC),
        "day": dt.date(2026, 9, 14),
        "amount": Decimal("12.30"),
        "id": uuid.UUID(int=7),
        "名称": "东海水晶",
        1: [None, True, 1.5],
    }
    assert json.loads(dumps(data)) == json.loads(json.dumps(data, cls=NinjaJSONEncoder))
    assert json.loads(dumps({"big": 2**70})) == {"big": 2**70}  # past 64 bits: the fallback
