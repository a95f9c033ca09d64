"""The element order of each CEB entity, exactly as the XSD's sequences declare it.

Python attributes are the snake_case of these names (``fCurrency`` → ``f_currency``, ``POD`` → ``pod``).
``REQUIRED`` names the elements with ``minOccurs=1``; optional ones are left out when empty.
"""

from __future__ import annotations

import re

ORDER_HEAD = (
    "guid", "appType", "appTime", "appStatus", "orderType", "orderNo", "ebpCode", "ebpName", "ebcCode",
    "ebcName", "goodsValue", "freight", "currency", "note",
)  # fmt: skip
ORDER_LIST = (
    "gnum", "itemNo", "itemName", "itemDescribe", "barCode", "unit", "currency", "qty", "price", "totalPrice",
    "note",
)  # fmt: skip
LOGISTICS = (
    "guid", "appType", "appTime", "appStatus", "logisticsCode", "logisticsName", "logisticsNo", "freight",
    "insuredFee", "currency", "grossWeight", "packNo", "goodsInfo", "ebcCode", "ebcName", "ebcTelephone", "note",
)  # fmt: skip
INVENTORY_HEAD = (
    "guid", "appType", "appTime", "appStatus", "customsCode", "ebpCode", "ebpName", "orderNo", "logisticsCode",
    "logisticsName", "logisticsNo", "copNo", "preNo", "invtNo", "ieFlag", "portCode", "ieDate", "statisticsFlag",
    "agentCode", "agentName", "ebcCode", "ebcName", "ownerCode", "ownerName", "iacCode", "iacName", "emsNo",
    "tradeMode", "trafMode", "trafName", "voyageNo", "billNo", "totalPackageNo", "loctNo", "licenseNo", "country",
    "POD", "freight", "fCurrency", "fFlag", "insuredFee", "iCurrency", "iFlag", "wrapType", "packNo", "grossWeight",
    "netWeight", "note",
)  # fmt: skip
INVENTORY_LIST = (
    "gnum", "itemNo", "itemRecordNo", "itemName", "gcode", "gname", "gmodel", "barCode", "country", "currency",
    "qty", "qty1", "qty2", "unit", "unit1", "unit2", "price", "totalPrice", "note",
)  # fmt: skip
INVT_CANCEL = (
    "guid", "appType", "appTime", "appStatus", "customsCode", "copNo", "preNo", "invtNo", "reason", "agentCode",
    "agentName", "ebcCode", "ebcName", "note",
)  # fmt: skip
WAYBILL_HEAD = (
    "guid", "appType", "appTime", "appStatus", "customsCode", "copNo", "preNo", "agentCode", "agentName", "loctNo",
    "trafMode", "trafName", "voyageNo", "billNo", "domesticTrafNo", "grossWeight", "logisticsCode",
    "logisticsName", "msgCount", "msgSeqNo", "note",
)  # fmt: skip
WAYBILL_LIST = ("gnum", "totalPackageNo", "logisticsNo", "invtNo", "note")
SUMMARY_HEAD = (
    "guid", "appType", "appTime", "appStatus", "customsCode", "copNo", "preNo", "sumNo", "agentCode", "agentName",
    "ebcCode", "ebcName", "declAgentCode", "declAgentName", "startTime", "endTime", "loctNo", "summaryFlag",
    "itemNameFlag", "msgCount", "msgSeqNo", "note",
)  # fmt: skip
SUMMARY_LIST = ("invtNo",)
BASE_TRANSFER = ("copCode", "copName", "dxpMode", "dxpId", "note")

OPTIONAL: frozenset[str] = frozenset(
    {
        "note", "itemDescribe", "barCode@order", "ebcCode@logistics", "ebcName@logistics", "ebcTelephone",
        "preNo", "invtNo@inventory", "iacCode", "iacName", "emsNo", "trafName@inventory", "voyageNo@inventory",
        "billNo@inventory", "totalPackageNo", "loctNo", "licenseNo", "itemRecordNo", "itemName@inventory", "qty2",
        "unit2", "domesticTrafNo", "invtNo@waybill", "sumNo", "startTime", "endTime",
    }
)  # fmt: skip


def is_optional(name: str, entity: str) -> bool:
    return name in OPTIONAL or f"{name}@{entity}" in OPTIONAL


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake(name: str) -> str:
    """``orderNo`` → ``order_no``, ``fCurrency`` → ``f_currency``, ``POD`` → ``pod``, ``qty1`` → ``qty1``."""
    return _CAMEL.sub("_", name).lower()
