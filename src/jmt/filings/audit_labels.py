"""Chinese names of the audited acts of 跨境申报 and the fields they record, for the log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "filing_create": "开始办理申报",
    "filing_save": "保存申报草稿",
    "filing_request_changes": "退回申报修改（逐项意见）",
    "filing_record_results": "记录申报办结结果",
}

FIELDS = {
    "filing_type": "申报类型",
    "title": "名称",
    "state": "状态",
    "data": "填报内容",
    "change_requests": "修改意见",
    "results": "办结结果",
}


def register() -> None:
    labels.register(actions=ACTIONS, fields={"filings.Filing": FIELDS})
