from __future__ import annotations

import pytest

from conftest import Api, make_role, make_staff
from jmt.accounts.models import User
from jmt.fx.tests.factories import settle_ready
from jmt.merchants.models import Merchant


@pytest.fixture
def ready_merchant(crystal_merchant: Merchant) -> Merchant:
    return settle_ready(crystal_merchant)


@pytest.fixture
def fx_officer(db: None) -> User:
    """结汇专员: works the 结汇管理 queue and uploads balances for every merchant."""
    role = make_role("结汇专员", ["operations:fx:view", "operations:fx:edit"], data_scope="all_write")
    return make_staff("jiehui", roles=[role], name="吴结汇")


@pytest.fixture
def merchant_api(api: Api, merchant_admin: User) -> Api:
    return api.as_user(merchant_admin)


@pytest.fixture
def officer_api(api: Api, fx_officer: User) -> Api:
    return api.as_user(fx_officer)
