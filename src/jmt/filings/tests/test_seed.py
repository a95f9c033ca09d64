import pytest
from django.core.management import call_command

from jmt.customs.models import GatewayConfig
from jmt.filings.models import Filing
from jmt.merchants.models import Merchant

pytestmark = pytest.mark.django_db


def test_the_demo_merchant_has_three_filings_done_and_the_dxp_id_in_review(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JMT_DEMO_PASSWORD = "Demo-2026!"
    call_command("seed_demo", stdout=None)
    call_command("seed_demo", stdout=None)  # idempotent
    crystal = Merchant.objects.get(name="东海晶莹水晶")
    states = dict(Filing.objects.filter(merchant=crystal).values_list("filing_type", "state"))
    assert states == {
        "customs-registration": "completed",
        "eport-card": "completed",
        "enterprise-record": "completed",
        "dxp-id": "reviewing",
    }
    assert GatewayConfig.objects.get(merchant=crystal).ebc_code == "3207960A01"
