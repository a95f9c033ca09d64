"""Chinese names of the audited acts of 出口报关 (C1–C7) and the fields they record, for the log."""

from __future__ import annotations

from jmt.audit import labels
from jmt.customs.excel.columns import COLUMNS

ACTIONS = {
    "batch_create": "新建批次",
    "batch_update": "修改批次",
    "batch_submit": "提交批次",
    "gateway_config_create": "新建点点通配置",
    "gateway_config_update": "修改点点通配置",
    "gateway_config_check": "检测点点通配置",
    "gateway_config_prefill": "申报结果带入点点通配置",
    "order_import_create": "导入电子订单",
    "order_import_row_update": "修改导入的订单行",
    "order_import_declare": "申报电子订单",
    "manifest_create": "提交清单总分单",
    "waybill_submit": "发送清单总分单",
    "waybill_change": "变更清单总分单",
    "summary_create": "提交汇总申请",
    "summary_submit": "发送汇总申请单",
    "invt_cancel_create": "提交撤销申请",
    "invt_cancel_submit": "发送撤销申请单",
    "invt_cancel_withdraw": "撤回撤销申请",
    "outbox_retry": "重新发送报文",
    "order_import_row_delete": "在预览中删除导入行",
    "order_import_row_restore": "恢复在预览中删除的导入行",
    "port_table_import": "导入港口代码表",
    "port_update": "修改港口代码",
    "port_set_main": "设置默认主港",
    "port_enable": "启用港口",
    "port_disable": "停用港口",
}

# Keys the customs services write into a log entry's before/after that are not model fields.
RECORDED_KEYS = {
    "waybills": "清单总分单",
    "bill_no": "提运单号",
    "traf_name": "运输工具名称",
    "voyage_no": "航班航次号",
    "logistics_nos": "关联运单数",
    "parts": "报文份数",
    "month": "汇总月份",
    "customs_code": "申报地海关代码",
    "inventories": "清单数",
    "invt_no": "清单编号",
    "reason": "撤销原因",
    "status": "状态",
    "state": "发送状态",
    "orders": "订单数",
    "messages": "报文数",
    "documents": "单证数",
    "row": "行号",
    "errors": "错误数",
    "rows": "总行数",
    "valid_rows": "有效行数",
    "file_name": "文件名",
    "comment": "说明",
    "app_secret_hint": "接入密钥末 4 位",
    "mains": "默认主港数",
    "sample_rows": "示例数据行数",
}

OBJECT_TYPES = (
    "customs.Batch",
    "customs.OrderImport",
    "customs.WayBill",
    "customs.SummaryApply",
    "customs.InvtCancel",
    "customs.Outbox",
    "customs.GatewayConfig",
    "customs.PortCode",
)


def register() -> None:
    fields = {object_type: dict(RECORDED_KEYS) for object_type in OBJECT_TYPES}
    # A changed cell of an imported row is named by its workbook header (物流运单编号, not logisticsNo).
    fields["customs.OrderImport"].update({column.key: column.label for column in COLUMNS})
    labels.register(actions=ACTIONS, fields=fields)
