"""Demo data of customs for ``manage.py seed_demo``: an ok 点点通 configuration (simulator) and one batch."""

from __future__ import annotations

from django.utils import timezone

from jmt.customs.models import Batch, GatewayConfig
from jmt.customs.services.batches import batch_defaults
from jmt.customs.services.gateway import run_check
from jmt.merchants.models import Merchant

DEMO_BATCH = "2026年3月 第1批"


def seed_customs_gateway(merchant: Merchant) -> GatewayConfig:
    """Idempotent: the configuration and the batch are created once, then left as people changed them."""
    config = GatewayConfig.objects.filter(merchant=merchant).first()
    if config is None:
        config = GatewayConfig(
            merchant=merchant,
            base_url="https://ddt.example.cn/api",
            app_key="jmt-donghai-demo",
            ebc_code="3207960A01",
            ebc_name=merchant.name or "东海晶莹水晶有限公司",
            agent_code="3207960B01",
            agent_name="连云港捷晶报关有限公司",
            customs_code="2305",
            port_code="2305",
            dxp_id="DXPENT0000012345",
            callback_url="http://127.0.0.1:8000/api/v1/customs/gateway/callback",
        )
        config.set_secret("demo-secret-2026")
        result = run_check(config)
        config.check_status = "ok" if result.ok else "failed"
        config.check_message = result.message
        config.checked_at = timezone.now()
        config.save()
    if not Batch.objects.filter(merchant=merchant).exists():
        Batch.objects.create(merchant=merchant, name=DEMO_BATCH, **batch_defaults(merchant, config))
    return config
