"""The customs (9610) tables, one module per concept."""

from jmt.customs.models.batch import Batch, BatchStatus
from jmt.customs.models.common import PRE_RECEIPT_STATUSES, AppType, DocStatus, StatisticsFlag, new_guid
from jmt.customs.models.documents import (
    Inventory,
    InventoryLine,
    InvtCancel,
    Logistics,
    Order,
    OrderLine,
    SummaryApply,
    SummaryApplyLine,
    SummaryResult,
    WayBill,
    WayBillLine,
)
from jmt.customs.models.gateway import CheckStatus, GatewayConfig
from jmt.customs.models.imports import ImportRow, ImportStatus, OrderImport
from jmt.customs.models.messages import Direction, Message, Outbox, OutboxState, Receipt
from jmt.customs.models.notices import CustomsNotice
from jmt.customs.models.ports import PortCode, PortSource

__all__ = [
    "PRE_RECEIPT_STATUSES",
    "AppType",
    "Batch",
    "BatchStatus",
    "CheckStatus",
    "CustomsNotice",
    "Direction",
    "DocStatus",
    "GatewayConfig",
    "ImportRow",
    "ImportStatus",
    "Inventory",
    "InventoryLine",
    "InvtCancel",
    "Logistics",
    "Message",
    "Order",
    "OrderImport",
    "OrderLine",
    "Outbox",
    "OutboxState",
    "PortCode",
    "PortSource",
    "Receipt",
    "StatisticsFlag",
    "SummaryApply",
    "SummaryApplyLine",
    "SummaryResult",
    "WayBill",
    "WayBillLine",
    "new_guid",
]
