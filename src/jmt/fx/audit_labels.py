"""Chinese names of the audited acts of 收结汇 and the values they record, for the operation log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "settlement_request": "提交结汇申请",
    "settlement_complete": "完成结汇",
    "alert_create": "新建汇率提醒",
    "alert_pause": "暂停汇率提醒",
    "alert_resume": "恢复汇率提醒",
    "alert_delete": "删除汇率提醒",
    "balance_import_upload": "上传子账户余额表",
    "balance_import_apply": "导入子账户余额",
    "ledger_balance_update": "记账：余额更新",
    "ledger_freeze": "记账：结汇冻结",
    "ledger_unfreeze": "记账：解除冻结",
    "ledger_settlement": "记账：结汇",
}

RECORDED_KEYS = {
    "balance": "余额（美元）",
    "frozen": "冻结金额（美元）",
    "file_name": "文件名",
    "rows": "总行数",
    "valid_rows": "可导入行数",
    "changed_rows": "余额变动行数",
    "status": "状态",
}


def register() -> None:
    fields = {t: dict(RECORDED_KEYS) for t in ("fx.LedgerEntry", "fx.BalanceImport")}
    labels.register(actions=ACTIONS, fields=fields)
