from __future__ import annotations

import pytest

from conftest import Api, make_role, make_staff
from jmt.accounts.models import User


@pytest.fixture
def rating_officer(db: None) -> User:
    """客服主管: reads and answers the ratings of every merchant."""
    role = make_role("客服主管", ["operations:ratings:view", "operations:ratings:edit"], data_scope="all_write")
    return make_staff("pingjia", roles=[role], name="周客服")


@pytest.fixture
def merchant_api(api: Api, merchant_admin: User) -> Api:
    return api.as_user(merchant_admin)


@pytest.fixture
def officer_api(api: Api, rating_officer: User) -> Api:
    return api.as_user(rating_officer)
