"""Chinese names of the audited acts of 出口退税 and the keys they record, for the log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "claim_create": "新建退税申报",
    "claim_update": "修改退税申报",
    "claim_fx_confirm": "确认已收汇",
    "claim_received": "登记退税到账金额",
    "offline_step_add": "记录线下办理事项",
    "status_file_upload": "上传退税状态文件",
    "status_file_confirm": "确认导入退税状态文件",
}

RECORDED_KEYS = {
    "entry_ids": "报关单号",
    "files": "申报材料",
    "amount": "退税申报金额",
    "computed_amount": "按报关单计算的金额",
    "amount_reason": "金额调整原因",
    "currency": "币种",
    "fx_note": "收汇说明",
    "refund_received": "到账退税额",
    "received_on": "到账日期",
    "title": "事项",
    "note": "说明",
    "changes": "变更数",
    "unmatched": "无法匹配的行数",
    "applied": "实际变更数",
    "comment": "说明",
}


def register() -> None:
    fields = {t: dict(RECORDED_KEYS) for t in ("refunds.Claim", "refunds.StatusFile")}
    labels.register(actions=ACTIONS, fields=fields)
