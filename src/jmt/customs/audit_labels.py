"""Chinese names of the audited acts of batches (C1) and the 点点通 configuration (C6), for the log."""

from __future__ import annotations

from jmt.audit import labels


def register() -> None:
    labels.register(
        actions={
            "batch_create": "新建批次",
            "batch_update": "修改批次",
            "batch_submit": "提交批次",
            "gateway_config_create": "新建点点通配置",
            "gateway_config_update": "修改点点通配置",
            "gateway_config_check": "检测点点通配置",
            "order_import_row_delete": "在预览中删除导入行",
            "order_import_row_restore": "恢复在预览中删除的导入行",
        },
        fields={
            "customs.GatewayConfig": {"app_secret_hint": "App Secret 末 4 位"},
        },
    )
