"""Chinese names of the audited acts of 跨境物流 (L1, L2, LA) and the keys they record."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "favourite_add": "设为常用渠道",
    "favourite_remove": "取消常用渠道",
    "shipment_create": "下单发货",
    "shipment_switch": "更换物流渠道",
    "carrier_create": "新增物流渠道",
    "carrier_update": "修改物流渠道",
    "shipment_mark": "标记物流订单处理状态",
    "tracking_no_set": "录入承运商运单号",
    "tracking_sheet_apply": "按表格录入运单号",
    "shipments_export": "导出物流订单",
    "agreement_upload": "上传物流合作协议",
    "agreement_download": "下载物流合作协议",
}
RECORDED_KEYS = {
    "carrier": "物流渠道",
    "rows": "录入行数",
    "format": "导出格式",
    "original_name": "文件名",
    "content_type": "文件类型",
    "size": "大小（字节）",
    "sha256": "文件摘要",
}

AUDITED_TYPES = ("logistics.Favourite", "logistics.Shipment", "logistics.Carrier", "logistics.AgreementFile")


def register() -> None:
    labels.register(
        actions=ACTIONS,
        fields={t: dict(RECORDED_KEYS) for t in AUDITED_TYPES},
    )
