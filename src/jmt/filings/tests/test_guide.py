"""The guided path (D1): done ones marked, pending ones prompted, the next one recommended with why."""

import pytest

from conftest import Api
from jmt.filings.tests.conftest import accept, approve, start
from jmt.filings.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def statuses(guide: dict) -> dict[str, str]:
    return {s["key"]: s["status"] for s in guide["steps"]}


def test_a_new_merchant_is_sent_to_the_customs_registration_first(api: Api, merchant_admin, profiled_merchant):
    guide = api.as_user(merchant_admin).get("/filings/guide").json()
    assert guide["next"] == "customs-registration"
    assert "电商企业代码" in guide["next_reason"]
    assert statuses(guide) == {
        "customs-registration": "todo",
        "eport-card": "blocked",
        "enterprise-record": "blocked",
        "dxp-id": "blocked",
        "cloud-signing": "blocked",
    }
    assert (guide["done"], guide["total"]) == (0, 5)


def test_a_filing_waiting_on_the_merchant_is_recommended_first(api: Api, merchant_admin, profiled_merchant):
    me = api.as_user(merchant_admin)
    start(me, "customs-registration")
    guide = me.get("/filings/guide").json()
    assert guide["next"] == "customs-registration"
    assert statuses(guide)["customs-registration"] == "action"
    assert "在等您处理" in guide["next_reason"]


def test_after_the_customs_code_the_path_moves_on_and_marks_it_done(
    api: Api, merchant_admin, reviewer, profiled_merchant
):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    filing = submitted(me, profiled_merchant, "customs-registration")
    assert statuses(me.get("/filings/guide").json())["customs-registration"] == "waiting"
    accept(staff, filing)
    approve(staff, filing["id"], {"customs_code": "3207960ABC"})
    guide = me.get("/filings/guide").json()
    assert statuses(guide)["customs-registration"] == "done"
    assert guide["steps"][0]["results"] == [{"name": "customs_code", "label": "海关注册编码", "value": "3207960ABC"}]
    assert guide["next"] == "eport-card"
    assert statuses(guide)["dxp-id"] == "blocked"  # still needs the 电子口岸卡


def test_the_dxp_step_explains_the_base_transfer(api: Api, merchant_admin, profiled_merchant):
    step = next(s for s in api.as_user(merchant_admin).get("/filings/guide").json()["steps"] if s["key"] == "dxp-id")
    assert "BaseTransfer" in step["why_export"]
    assert step["optional"] is True
