"""Approval records the numbers, and the numbers fill the merchant's 点点通 configuration."""

import pytest

from conftest import Api
from jmt.audit.models import OperationLog
from jmt.customs.models import CheckStatus, GatewayConfig
from jmt.customs.services.gateway import gateway_config_save
from jmt.filings.tests.conftest import accept, approve
from jmt.filings.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def complete(api: Api, admin, reviewer, merchant, type_key: str, results: dict[str, str]) -> None:
    me, staff = api.as_user(admin), api.as_user(reviewer)
    filing = submitted(me, merchant, type_key)
    accept(staff, filing)
    approve(staff, filing["id"], results)


def test_the_customs_code_becomes_the_ebc_and_agent_code(api: Api, merchant_admin, reviewer, profiled_merchant):
    complete(api, merchant_admin, reviewer, profiled_merchant, "customs-registration", {"customs_code": "3207960ABC"})
    config = GatewayConfig.objects.get(merchant=profiled_merchant)
    assert (config.ebc_code, config.ebc_name) == ("3207960ABC", "东海晶莹水晶有限公司")
    assert (config.agent_code, config.agent_name) == ("3207960ABC", "东海晶莹水晶有限公司")
    assert config.check_status == CheckStatus.UNCHECKED  # incomplete until the back office adds the rest


def test_the_dxp_id_goes_into_the_configuration(api: Api, merchant_admin, reviewer, profiled_merchant):
    complete(api, merchant_admin, reviewer, profiled_merchant, "dxp-id", {"dxp_id": "DXPENT0000012345"})
    assert GatewayConfig.objects.get(merchant=profiled_merchant).dxp_id == "DXPENT0000012345"


def test_an_existing_agent_is_kept_and_a_complete_configuration_is_checked_again(
    api: Api, merchant_admin, reviewer, superadmin, profiled_merchant
):
    from jmt.accounts.selectors import build_actor

    gateway_config_save(
        actor=build_actor(superadmin),
        merchant=profiled_merchant,
        values={
            "base_url": "https://ddt.example.com",
            "app_key": "key",
            "ebc_code": "3207960OLD",
            "ebc_name": "东海晶莹水晶有限公司",
            "agent_code": "3207980AGT",
            "agent_name": "连云港报关行",
            "customs_code": "2305",
            "port_code": "2305",
            "dxp_id": "DXPENT0000000001",
        },
        app_secret="secret-1234",
    )
    complete(api, merchant_admin, reviewer, profiled_merchant, "customs-registration", {"customs_code": "3207960ABC"})
    config = GatewayConfig.objects.get(merchant=profiled_merchant)
    assert (config.ebc_code, config.agent_code) == ("3207960ABC", "3207980AGT")
    assert config.check_status == CheckStatus.OK
    assert OperationLog.objects.filter(action="gateway_config_prefill", object_id=str(config.pk)).exists()


def test_a_result_without_a_gateway_field_leaves_the_configuration_alone(
    api: Api, merchant_admin, reviewer, profiled_merchant
):
    complete(api, merchant_admin, reviewer, profiled_merchant, "eport-card", {"eport_card_no": "8930000012345"})
    assert not GatewayConfig.objects.filter(merchant=profiled_merchant).exists()
