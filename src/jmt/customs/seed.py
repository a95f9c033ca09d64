"""Demo data of customs for ``manage.py seed_demo``: an ok 点点通 configuration (simulator) and one batch."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from decimal import Decimal

from django.utils import timezone

from jmt.customs.models import (
    Batch,
    DocStatus,
    GatewayConfig,
    Inventory,
    InventoryLine,
    Logistics,
    Message,
    Order,
    OrderLine,
    SummaryApply,
    SummaryApplyLine,
    SummaryResult,
)
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


# (month, 报关单号, goods, unit price in USD, quantity per order, orders) — 汇总 done, CEB792 received.
DEMO_SUMMARISED = (
    ("2025-03", "230520250000301234", "天然紫水晶手链", "25.50", 40, 3),
    ("2026-01", "230520260000101587", "天然白水晶球摆件", "86.00", 12, 2),
    ("2026-02", "230520260000201944", "天然粉晶手串", "18.80", 60, 3),
    ("2026-03", "230520260000302116", "天然黄水晶原石", "42.00", 25, 2),
    ("2026-04", "230520260000402380", "天然紫水晶洞", "120.00", 6, 2),
    ("2026-05", "230520260000502651", "水晶项链", "33.00", 30, 3),
    ("2026-06", "230520260000602873", "天然茶晶手链", "21.50", 50, 2),
)
DEMO_SIMPLIFIED_MONTH = "2026-02"  # 简化申报 (A) exports: shown to the refund module as not claimable


def _demo_inventory(
    batch: Batch, month: str, serial: str, goods: str, price: Decimal, qty: int, flag: str
) -> Inventory:
    year, mon = (int(x) for x in month.split("-"))
    order = Order.objects.create(
        merchant=batch.merchant,
        batch=batch,
        order_no=f"DEMO{serial}",
        ebp_code=batch.ebp_code,
        ebp_name=batch.ebp_name,
        ebc_code=batch.ebc_code,
        ebc_name=batch.ebc_name,
        goods_value=price * qty,
        freight=Decimal(0),
        currency="502",
        status=DocStatus.CLOSED,
    )
    OrderLine.objects.create(
        order=order,
        gnum=1,
        item_no="SKU-001",
        item_name=goods,
        unit="007",
        currency="502",
        qty=qty,
        price=price,
        total_price=price * qty,
    )
    logistics = Logistics.objects.create(
        merchant=batch.merchant,
        batch=batch,
        logistics_code="3207960L01",
        logistics_name="东海国际快递",
        logistics_no=f"LNDEMO{serial}",
        currency="502",
        gross_weight=Decimal("1.2"),
        pack_no=1,
        goods_info=goods,
        status=DocStatus.CLOSED,
    )
    inventory = Inventory.objects.create(
        merchant=batch.merchant,
        batch=batch,
        order=order,
        logistics=logistics,
        customs_code=batch.customs_code or "2305",
        ebp_code=order.ebp_code,
        ebp_name=order.ebp_name,
        order_no=order.order_no,
        logistics_code=logistics.logistics_code,
        logistics_name=logistics.logistics_name,
        logistics_no=logistics.logistics_no,
        cop_no=f"COPDEMO{serial}",
        invt_no=f"2305{year}E{serial}",
        port_code=batch.port_code or "2305",
        ie_date=date(year, mon, 12),
        statistics_flag=flag,
        agent_code=batch.agent_code,
        agent_name=batch.agent_name,
        ebc_code=batch.ebc_code,
        ebc_name=batch.ebc_name,
        owner_code=batch.owner_code,
        owner_name=batch.owner_name,
        traf_mode="5",
        country="502",
        pod="ULAX",
        f_currency="502",
        i_currency="502",
        wrap_type="2",
        pack_no=1,
        gross_weight=Decimal("1.2"),
        net_weight=Decimal("1.0"),
        status=DocStatus.CLOSED,
    )
    InventoryLine.objects.create(
        inventory=inventory,
        gnum=1,
        item_no="SKU-001",
        item_name=goods,
        gcode="7116200000",
        gname=goods,
        gmodel="半宝石|天然水晶|无品牌",
        country="502",
        currency="502",
        qty=qty,
        qty1=Decimal("0.5"),
        unit="007",
        unit1="035",
        price=price,
        total_price=price * qty,
    )
    return inventory


def seed_customs_summarised(merchant: Merchant) -> None:
    """Demo exports that went all the way through 汇总: 结关 inventories, their 汇总申请 and the CEB792 with its
    报关单号 (what 出口退税 claims from), plus a month of 简化申报 exports. Idempotent (keyed by 报关单号)."""
    batch = Batch.objects.filter(merchant=merchant).order_by("pk").first()
    if batch is None:
        return
    for index, (month, entry_id, goods, price, qty, orders) in enumerate(DEMO_SUMMARISED, start=1):
        if SummaryResult.objects.filter(entry_id=entry_id).exists():
            continue
        invt_nos = [
            _demo_inventory(batch, month, f"{index:02d}{n:08d}", goods, Decimal(price), qty, "B").invt_no
            for n in range(1, orders + 1)
        ]
        summary = SummaryApply.objects.create(
            merchant=merchant,
            customs_code=batch.customs_code or "2305",
            cop_no=f"SUMDEMO{index:04d}",
            sum_no=f"2305{month.replace('-', '')}S{index:05d}",
            agent_code=batch.agent_code,
            agent_name=batch.agent_name,
            ebc_code=batch.ebc_code,
            ebc_name=batch.ebc_name,
            decl_agent_code=batch.agent_code,
            decl_agent_name=batch.agent_name,
            start_time=month.replace("-", "") + "01000000",
            entry_id=entry_id,
            status=DocStatus.CLOSED,
        )
        SummaryApplyLine.objects.bulk_create(SummaryApplyLine(summary=summary, invt_no=no) for no in invt_nos)
        xml = f"<CEB792Message><entryId>{entry_id}</entryId></CEB792Message>"
        message = Message.objects.create(
            direction="in",
            message_type="CEB792",
            merchant=merchant,
            entity_count=1,
            xml=xml,
            sha256=hashlib.sha256(xml.encode()).hexdigest(),
        )
        SummaryResult.objects.create(
            summary=summary,
            received_in=message,
            guid=str(uuid.uuid4()).upper(),
            customs_code=summary.customs_code,
            sum_no=summary.sum_no,
            op_date=f"{month.replace('-', '')}20100000000",
            decl_seq_no=f"D{entry_id[-12:]}",
            entry_id=entry_id,
            dec_state="10",
            agent_code=batch.agent_code,
            agent_name=batch.agent_name,
            ebc_code=batch.ebc_code,
            ebc_name=batch.ebc_name,
            decl_agent_code=batch.agent_code,
            decl_agent_name=batch.agent_name,
            gross_weight=Decimal("3.6"),
            net_weight=Decimal("3.0"),
            lines=[{"invtNo": no, "gnum": 1, "gcode": "7116200000"} for no in invt_nos],
        )
    if not Inventory.objects.filter(merchant=merchant, statistics_flag="A").exists():
        for n in range(1, 3):
            _demo_inventory(batch, DEMO_SIMPLIFIED_MONTH, f"90{n:08d}", "水晶小挂件", Decimal("9.90"), 20, "A")
