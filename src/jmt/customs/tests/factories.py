"""Builders of customs test data: a 东海 crystal seller's batch, orders, waybills and inventories."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from jmt.customs.models import (
    Batch,
    CheckStatus,
    GatewayConfig,
    Inventory,
    InventoryLine,
    InvtCancel,
    Logistics,
    Order,
    OrderLine,
    SummaryApply,
    SummaryApplyLine,
    WayBill,
    WayBillLine,
)
from jmt.merchants.models import Merchant

_serial = itertools.count(1)

EBC_CODE = "3207960A01"  # a 10-character customs code (东海)
PLATFORM_CODE = "3207960P01"
CARRIER_CODE = "3207960L01"


def make_gateway_config(merchant: Merchant, *, secret: str = "s3cret-ab12", **overrides: Any) -> GatewayConfig:
    """An enabled 点点通 configuration whose check passed (the simulator accepts these credentials)."""
    values: dict[str, Any] = {
        "base_url": "https://ddt.example.cn/api",
        "app_key": "ddt-merchant-app",
        "ebc_code": EBC_CODE,
        "ebc_name": "东海晶莹水晶有限公司",
        "agent_code": "3207960B01",
        "agent_name": "连云港捷晶报关有限公司",
        "customs_code": "2305",
        "port_code": "2305",
        "dxp_id": "DXPENT0000012345",
        "check_status": CheckStatus.OK,
        "check_message": "连接正常，密钥有效",
        "checked_at": timezone.now(),
    }
    values.update(overrides)
    config = GatewayConfig(merchant=merchant, **values)
    config.set_secret(secret)
    config.save()
    return config


def make_batch(merchant: Merchant, *, gateway: bool = True, **overrides: Any) -> Batch:
    """A batch; unless ``gateway=False`` its merchant also gets an ok 点点通 configuration (if it has none)."""
    if gateway and not GatewayConfig.objects.filter(merchant=merchant).exists():
        make_gateway_config(merchant)
    values: dict[str, Any] = {
        "merchant": merchant,
        "name": "2026年3月 第1批",
        "customs_code": "2305",  # 连云港海关 area code, illustrative
        "port_code": "2305",
        "traf_mode": "5",
        "statistics_flag": "B",
        "ebp_code": PLATFORM_CODE,
        "ebp_name": "东海水晶跨境商城",
        "ebc_code": EBC_CODE,
        "ebc_name": "东海晶莹水晶有限公司",
        "agent_code": "3207960B01",
        "agent_name": "连云港捷晶报关有限公司",
        "owner_code": EBC_CODE,
        "owner_name": "东海晶莹水晶有限公司",
        "pod": "ULAX",  # 指运港: a port of the port code table (customs.PortCode, sample rows), not the country
        "cop_code": "3207960B01",
        "cop_name": "连云港捷晶报关有限公司",
        "dxp_id": "DXPENT0000012345",
    }
    values.update(overrides)
    return Batch.objects.create(**values)


def make_order(batch: Batch, *, lines: int = 1, order_no: str = "", **overrides: Any) -> Order:
    number = order_no or f"DH2026{next(_serial):08d}"
    price = Decimal("25.50")
    order = Order.objects.create(
        merchant=batch.merchant,
        batch=batch,
        order_no=number,
        ebp_code=batch.ebp_code,
        ebp_name=batch.ebp_name,
        ebc_code=batch.ebc_code,
        ebc_name=batch.ebc_name,
        goods_value=overrides.pop("goods_value", price * 2 * lines),
        freight=Decimal("0"),
        currency="502",
        **overrides,
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            gnum=gnum,
            item_no=f"SKU-{gnum:03d}",
            item_name="紫水晶手链",
            unit="007",
            currency="502",
            qty=Decimal(2),
            price=price,
            total_price=price * 2,
        )
        for gnum in range(1, lines + 1)
    )
    return order


def make_logistics(batch: Batch, *, logistics_no: str = "", **overrides: Any) -> Logistics:
    values: dict[str, Any] = {
        "merchant": batch.merchant,
        "batch": batch,
        "logistics_code": CARRIER_CODE,
        "logistics_name": "东海国际快递",
        "logistics_no": logistics_no or f"LN{next(_serial):010d}",
        "currency": "502",
        "gross_weight": Decimal("0.350"),
        "pack_no": 1,
        "goods_info": "紫水晶手链",
    }
    values.update(overrides)
    return Logistics.objects.create(**values)


def make_inventory(order: Order, logistics: Logistics, **overrides: Any) -> Inventory:
    batch = order.batch
    assert batch is not None
    values: dict[str, Any] = {
        "merchant": order.merchant,
        "batch": batch,
        "order": order,
        "logistics": logistics,
        "customs_code": batch.customs_code,
        "ebp_code": order.ebp_code,
        "ebp_name": order.ebp_name,
        "order_no": order.order_no,
        "logistics_code": logistics.logistics_code,
        "logistics_name": logistics.logistics_name,
        "logistics_no": logistics.logistics_no,
        "cop_no": f"COP{next(_serial):010d}",
        "port_code": batch.port_code,
        "ie_date": date(2026, 3, 18),
        "statistics_flag": batch.statistics_flag,
        "agent_code": batch.agent_code,
        "agent_name": batch.agent_name,
        "ebc_code": batch.ebc_code,
        "ebc_name": batch.ebc_name,
        "owner_code": batch.owner_code,
        "owner_name": batch.owner_name,
        "traf_mode": batch.traf_mode,
        "country": "502",
        "pod": batch.pod,
        "f_currency": "502",
        "i_currency": "502",
        "wrap_type": batch.wrap_type,
        "pack_no": 1,
        "gross_weight": Decimal("0.350"),
        "net_weight": Decimal("0.300"),
    }
    gcode = overrides.pop("gcode", "7116200000")
    values.update(overrides)
    inventory = Inventory.objects.create(**values)
    for line in order.lines.all():
        InventoryLine.objects.create(
            inventory=inventory,
            gnum=line.gnum,
            item_no=line.item_no,
            item_name=line.item_name,
            gcode=gcode,
            gname="天然紫水晶手链",
            gmodel="手链|半宝石|天然紫水晶|无品牌",
            country="502",
            currency=line.currency,
            qty=line.qty,
            qty1=Decimal("0.05"),
            unit=line.unit,
            unit1="035",
            price=line.price,
            total_price=line.total_price,
        )
    return inventory


def make_shipment(batch: Batch, **order_overrides: Any) -> tuple[Order, Logistics, Inventory]:
    order = make_order(batch, **order_overrides)
    logistics = make_logistics(batch)
    return order, logistics, make_inventory(order, logistics)


def make_waybill(batch: Batch, logistics_nos: list[str], **overrides: Any) -> WayBill:
    waybill = WayBill.objects.create(
        merchant=batch.merchant,
        batch=batch,
        customs_code=batch.customs_code,
        cop_no=overrides.pop("cop_no", f"WB{next(_serial):010d}"),
        agent_code=batch.agent_code,
        agent_name=batch.agent_name,
        traf_mode=batch.traf_mode,
        traf_name="CA1234",
        voyage_no="20260320",
        bill_no="999-12345678",
        gross_weight=Decimal("12.5"),
        logistics_code=CARRIER_CODE,
        logistics_name="东海国际快递",
        **overrides,
    )
    WayBillLine.objects.bulk_create(
        WayBillLine(waybill=waybill, gnum=index, logistics_no=no) for index, no in enumerate(logistics_nos, start=1)
    )
    return waybill


def make_summary(batch: Batch, invt_nos: list[str], **overrides: Any) -> SummaryApply:
    summary = SummaryApply.objects.create(
        merchant=batch.merchant,
        customs_code=batch.customs_code,
        cop_no=overrides.pop("cop_no", f"SUM{next(_serial):010d}"),
        agent_code=batch.agent_code,
        agent_name=batch.agent_name,
        ebc_code=batch.ebc_code,
        ebc_name=batch.ebc_name,
        decl_agent_code=batch.agent_code,
        decl_agent_name=batch.agent_name,
        **overrides,
    )
    SummaryApplyLine.objects.bulk_create(SummaryApplyLine(summary=summary, invt_no=no) for no in invt_nos)
    return summary


def make_cancel(inventory: Inventory, **overrides: Any) -> InvtCancel:
    values: dict[str, Any] = {
        "merchant": inventory.merchant,
        "inventory": inventory,
        "customs_code": inventory.customs_code,
        "cop_no": f"CXL{next(_serial):010d}",
        "invt_no": inventory.invt_no or "230520260E000000001",
        "reason": "买家取消订单，货物未出境",
        "agent_code": inventory.agent_code,
        "agent_name": inventory.agent_name,
        "ebc_code": inventory.ebc_code,
        "ebc_name": inventory.ebc_name,
    }
    values.update(overrides)
    return InvtCancel.objects.create(**values)
