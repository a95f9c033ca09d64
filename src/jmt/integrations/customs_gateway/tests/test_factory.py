from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.customs_gateway.dianduantong import DianDuanTongGateway
from jmt.integrations.customs_gateway.factory import get_gateway
from jmt.integrations.customs_gateway.simulator import Simulator


def test_the_simulator_is_the_default(settings):
    settings.CUSTOMS_GATEWAY_BACKEND = "simulator"
    assert isinstance(get_gateway(), Simulator)


def test_the_real_adapter_needs_its_credentials(settings):
    settings.CUSTOMS_GATEWAY_BACKEND = "dianduantong"
    settings.CUSTOMS_GATEWAY_BASE_URL = "https://ddt.example.cn/api"
    settings.CUSTOMS_GATEWAY_APP_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="CUSTOMS_GATEWAY_APP_KEY"):
        get_gateway()
    settings.CUSTOMS_GATEWAY_APP_KEY = "k"
    settings.CUSTOMS_GATEWAY_APP_SECRET = "s"
    assert isinstance(get_gateway(), DianDuanTongGateway)


def test_an_unknown_backend_is_refused(settings):
    settings.CUSTOMS_GATEWAY_BACKEND = "fax"
    with pytest.raises(ImproperlyConfigured):
        get_gateway()
