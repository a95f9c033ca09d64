# ruff: noqa: E501 - a data table, one column a line
"""The e-order workbook's columns: what CEB303, CEB505 and CEB603 need per line.

``level="order"``: the value belongs to the order (or its waybill / inventory head) and must be the
same on every line of one order. ``kind`` picks the normaliser and the checks.
"""

from __future__ import annotations

from dataclasses import dataclass

SHEET_DATA = "电子订单"
SHEET_HELP = "填写说明"
SHEET_CODES = "代码表"
EXAMPLE_PREFIX = "示例"
MAX_LINES_PER_ORDER = 100


@dataclass(frozen=True)
class Column:
    key: str  # the CEB field it feeds (XSD name)
    label: str  # the header in the workbook
    kind: str  # text, id, enterprise, hs, decimal, int, unit, currency, country, date
    required: bool
    level: str  # order | line
    max_length: int = 0
    feeds: str = ""  # which messages use it
    help: str = ""
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("orderNo", "订单编号", "id", True, "order", 60, "303/603", "电商平台的原始订单号；一个订单多个商品时每个商品占一行，订单编号相同", "DH20260318001"),
    Column("ebpCode", "电商平台代码", "enterprise", False, "order", 18, "303/603", "电商平台的海关注册编码（10 位）或统一社会信用代码（18 位）；留空则使用批次中的平台", "3207960P01"),
    Column("ebpName", "电商平台名称", "text", False, "order", 100, "303/603", "留空则使用批次中的平台名称", "东海水晶跨境商城"),
    Column("itemNo", "企业商品货号", "id", True, "line", 20, "303/603", "企业自定义的商品编号", "AME-BR-08"),
    Column("itemName", "企业商品名称", "text", True, "line", 250, "303/603", "店铺里的商品名称", "8mm 紫水晶手链"),
    Column("gname", "申报品名", "text", True, "line", 250, "603", "向海关申报的中文品名", "天然紫水晶手链"),
    Column("gcode", "HS编码", "hs", True, "line", 10, "603", "10 位海关商品编码，如 7116200000（半宝石制品）", "7116200000"),
    Column("gmodel", "规格型号", "text", True, "line", 250, "603", "申报要素，用 | 分隔，如 手链|半宝石|天然紫水晶|无品牌", "手链|半宝石|天然紫水晶|无品牌"),
    Column("barCode", "条形码", "text", False, "line", 50, "303/603", "没有可留空（报文中填 无）", ""),
    Column("qty", "申报数量", "decimal", True, "line", 0, "303/603", "按申报计量单位的数量", "2"),
    Column("unit", "申报计量单位", "unit", True, "line", 3, "303/603", "从下拉列表选择，如 007-个", "007-个"),
    Column("qty1", "法定数量", "decimal", True, "line", 0, "603", "按法定计量单位的数量，如 7116200000 按千克", "0.05"),
    Column("unit1", "法定计量单位", "unit", True, "line", 3, "603", "从下拉列表选择，如 035-千克", "035-千克"),
    Column("price", "单价", "decimal", True, "line", 0, "303/603", "成交单价", "25.5"),
    Column("totalPrice", "总价", "decimal", True, "line", 0, "303/603", "= 申报数量 × 单价（允许 0.01 的舍入差）", "51"),
    Column("currency", "币制", "currency", True, "order", 3, "303/505/603", "从下拉列表选择，如 502-美元 USD", "502-美元 USD"),
    Column("country", "最终目的国", "country", True, "order", 3, "603", "从下拉列表选择，如 502-美国", "502-美国"),
    Column("logisticsCode", "物流企业代码", "enterprise", True, "order", 18, "505/603", "物流企业的海关注册编码或统一社会信用代码", "3207960L01"),
    Column("logisticsName", "物流企业名称", "text", True, "order", 100, "505/603", "", "东海国际快递"),
    Column("logisticsNo", "物流运单编号", "id", True, "order", 32, "505/603", "一个订单一个运单号", "SF1234567890"),
    Column("freight", "运费", "decimal", False, "order", 0, "303/505/603", "没有填 0", "0"),
    Column("grossWeight", "毛重(千克)", "decimal", True, "order", 0, "505/603", "整票包裹的毛重", "0.35"),
    Column("netWeight", "净重(千克)", "decimal", True, "order", 0, "603", "不大于毛重", "0.3"),
    Column("packNo", "件数", "int", True, "order", 0, "505/603", "包裹数", "1"),
    Column("ieDate", "出口日期", "date", False, "order", 0, "603", "留空为上传当天；可填 2026-03-18", "2026-03-18"),
    Column("note", "备注", "text", False, "line", 1000, "303", "", ""),
)  # fmt: skip
BY_KEY: dict[str, Column] = {column.key: column for column in COLUMNS}
ORDER_LEVEL: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.level == "order")
# Columns that must be present in an uploaded workbook (others have defaults or may be blank).
REQUIRED_HEADERS: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)


def header_text(column: Column) -> str:
    return f"{column.label}*" if column.required else column.label
