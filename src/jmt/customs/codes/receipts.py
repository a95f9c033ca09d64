"""Every receipt code in plain Chinese: what it is called, what it means, and what to do next.

Keyed by document kind (``order``, ``logistics``, ``inventory``, ``waybill``, ``summary``, ``cancel``)
and the receipt's ``returnStatus`` (DOMAIN.md §1; 海关跨境电商出口统一版 回执状态). A code the table
does not know falls back to customs' own ``returnInfo`` with a next step that fits its sign: negative
codes are processing errors, positive ones are progress. Our own states before customs answers
(待申报, 排队发送, …) are explained too, so every status the merchant sees has the same three parts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KIND_LABELS: dict[str, str] = {
    "order": "电子订单",
    "logistics": "物流运单",
    "inventory": "出口申报清单",
    "waybill": "清单总分单",
    "summary": "汇总申请单",
    "cancel": "撤销申请单",
    "payment": "收款单",
}


@dataclass(frozen=True)
class Explanation:
    label: str  # the short tag text
    meaning: str  # what happened, in one sentence
    next_step: str  # what the merchant does now (or 「无需操作」)
    tone: str  # success | processing | warning | error | default (an antd Tag colour)

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _e(label: str, meaning: str, next_step: str, tone: str) -> Explanation:
    return Explanation(label, meaning, next_step, tone)


WAIT = "无需操作，系统会自动跟进下一条回执"

# Codes every kind shares (电子口岸 steps, the customs refusal), worded per kind below where it differs.
_COMMON: dict[str, Explanation] = {
    "1": _e("电子口岸已暂存", "报文已在电子口岸暂存，尚未向海关申报", WAIT, "processing"),
    "2": _e("电子口岸申报中", "电子口岸已收到报文，正在向海关申报", WAIT, "processing"),
    "3": _e("发送海关成功", "电子口岸已把报文发送给海关，等待海关处理", WAIT, "processing"),
    "4": _e(
        "发送海关失败",
        "电子口岸未能把报文发送给海关",
        "请稍后在本页重新申报；多次失败请联系平台客服核对传输配置",
        "error",
    ),
    "100": _e(
        "海关退单",
        "海关审核未通过，退回了这份单证",
        "按退单原因修改数据后重新申报（订单编号不变时需用变更申报）",
        "error",
    ),
    "120": _e("海关入库", "海关已接收并入库", WAIT, "success"),
}

TABLES: dict[str, dict[str, Explanation]] = {
    "order": {
        **_COMMON,
        "120": _e("海关入库", "电子订单已被海关接收入库，可以与运单、清单对碰", WAIT, "success"),
        "-301010": _e(
            "订单已存在",
            "海关已有这个订单编号（此前已申报过），按已申报处理",
            "无需重复申报；如需修改订单请用变更申报",
            "warning",
        ),
        "-301011": _e(
            "订单的清单已申报",
            "这个订单对应的出口清单已经申报，不能再改订单",
            "如需修改，先对清单提交撤销申请单，撤销成功后再重新申报",
            "warning",
        ),
    },
    "logistics": {
        **_COMMON,
        "120": _e("海关入库", "物流运单已被海关接收入库，可以与订单、清单对碰", WAIT, "success"),
        "-504015": _e(
            "运单已存在",
            "海关已有这个物流运单编号（此前已申报过），按已申报处理",
            "无需重复申报；运单号填错时请更换运单号后重新申报",
            "warning",
        ),
    },
    "inventory": {
        **_COMMON,
        "120": _e("海关入库", "出口清单已入库，正在与电子订单、物流运单对碰（三单对碰）", WAIT, "processing"),
        "300": _e("人工审核", "海关正在人工审核这票清单", "请保持电话畅通，海关如需补充资料会联系申报企业", "warning"),
        "399": _e(
            "海关审结",
            "海关已审结，清单取得了清单编号",
            "等待放行；如需取消这票出口，现在仍可提交撤销申请单",
            "processing",
        ),
        "500": _e("查验", "海关要求对货物进行查验", "请配合监管场所安排查验，查验完成后会继续放行", "warning"),
        "800": _e(
            "放行",
            "海关已放行，货物可以装运出境",
            "同批清单全部放行后，请提交清单总分单（运输工具、航次、提运单号）",
            "success",
        ),
        "899": _e(
            "结关",
            "货物已离境，清单已结关",
            "每月 15 日前把上月结关的清单做汇总申报，取得报关单号用于出口退税",
            "success",
        ),
        "-301011": _e(
            "清单已申报",
            "这个订单的出口清单此前已经申报过",
            "无需重复申报；请在订单状态中查看原清单的进度",
            "warning",
        ),
    },
    "waybill": {
        **_COMMON,
        "120": _e(
            "海关入库",
            "清单总分单已被海关接收，运单与提运单已关联",
            "无需操作；货物结关后可做汇总申报",
            "success",
        ),
        "100": _e(
            "海关退单",
            "海关退回了这份清单总分单",
            "核对运输工具名称、航班航次号、提运单号，确认所列运单都已放行后重新提交",
            "error",
        ),
    },
    "summary": {
        **_COMMON,
        "120": _e(
            "海关入库",
            "汇总申请单已被海关接收，取得汇总申请编号，等待汇总结果",
            "无需操作，海关生成报关单后会发回汇总结果（含报关单号）",
            "processing",
        ),
        "100": _e(
            "海关退单",
            "海关退回了这份汇总申请单",
            "按退单原因核对清单（须全部已结关、未被汇总过）后重新提交",
            "error",
        ),
        "792": _e(
            "已生成报关单",
            "海关已按汇总申请生成报关单，报关单号已保存",
            "用报关单号办理出口退税（出口退税 → 退税申报）",
            "success",
        ),
    },
    "cancel": {
        **_COMMON,
        "120": _e("海关入库", "撤销申请单已被海关接收，等待审核", WAIT, "processing"),
        "399": _e(
            "撤销成功",
            "海关同意撤销，原出口清单已作废",
            "如仍需出口这批货物，请用新的订单编号重新申报",
            "success",
        ),
        "100": _e(
            "撤销被退回",
            "海关不同意这次撤销",
            "按退回原因补充说明后可重新提交；清单仍按原状态继续",
            "error",
        ),
        "-623005": _e(
            "清单状态不允许撤销",
            "这票清单当前的状态不能撤销（通常已结关或已汇总，或尚未审结）",
            "已结关的清单无法撤销；如需处理请联系申报地海关",
            "error",
        ),
        "-623009": _e(
            "已有撤销申请",
            "这票清单已经提交过撤销申请单",
            "无需重复提交，请在列表中查看原撤销申请的进度",
            "warning",
        ),
    },
    "payment": dict(_COMMON),
}

# CEB900: the message failed customs' format check.
FORMAT_FAILURE = _e(
    "报文格式错误",
    "报文未通过海关格式校验，整份报文被退回",
    "请联系平台客服处理，数据本身无需修改",
    "error",
)

# Our own states, before (or beside) any receipt.
LOCAL: dict[str, Explanation] = {
    "draft": _e("待申报", "数据已生成，还没有发送", "在本页点击申报；清单会在订单和运单入库后自动申报", "default"),
    "queued": _e("排队发送", "报文已生成并通过海关格式校验，正在排队发送", "无需操作，几秒内会发出", "processing"),
    "sent": _e("已发送至点点通", "报文已交给点点通，等待海关回执", WAIT, "processing"),
    "needs_attention": _e(
        "发送失败",
        "多次发送都没有成功，已停止自动重试",
        "平台运营会检查点点通连接并重新发送；也可联系客服",
        "error",
    ),
    "exists": _e("已申报过", "海关已有这个编号，按已申报处理", "无需重复申报", "warning"),
    "error": _e("处理异常", "海关处理时报告了错误", "按回执说明修改后重新申报，或联系客服", "error"),
    "cancelled": _e("已撤销", "这票清单已被海关撤销，不再出口", "如仍需出口，请用新的订单编号重新申报", "default"),
    "withdrawn": _e("已不再撤销", "您已放弃这次撤销，清单按原状态继续", "无需操作", "default"),
}


# A status that follows a receipt, by the receipt code it stands for (the reverse of
# ``jmt.customs.services.receipts.STATUS_BY_CODE``): a document that reached it without a stored code
# (imported, or moved by the back office) is explained by that code, never shown as the raw status.
CODE_BY_STATUS: dict[str, str] = {
    "staged": "1",
    "declaring": "2",
    "sent_to_customs": "3",
    "customs_send_failed": "4",
    "rejected": "100",
    "stored": "120",
    "manual_review": "300",
    "cleared": "399",
    "inspection": "500",
    "released": "800",
    "closed": "899",
}


def explain(kind: str, code: str, info: str = "") -> Explanation:
    """The explanation of receipt ``code`` for a document of ``kind``; ``info`` is customs' returnInfo."""
    code = (code or "").strip()
    table = TABLES.get(kind, _COMMON)
    found = table.get(code) or _COMMON.get(code)
    if found is not None:
        if code in ("100", "4") and info:
            return Explanation(found.label, f"{found.meaning}：{info}", found.next_step, found.tone)
        return found
    detail = info.strip() or "海关未给出说明"
    if code.startswith("-"):
        return _e(
            "处理异常",
            f"海关处理时报错（代码 {code}）：{detail}",
            "按海关说明修改后重新申报；看不懂这条说明时请联系客服",
            "error",
        )
    return _e(detail[:20] if info else f"状态 {code}", f"海关回执（代码 {code}）：{detail}", WAIT, "processing")


def explain_document(kind: str, doc: Any) -> Explanation:
    """What a document's current status means: its last receipt when customs answered, else our state."""
    status = str(getattr(doc, "status", "") or "")
    if status in ("cancelled", "withdrawn"):
        return LOCAL[status]
    code = str(getattr(doc, "return_status", "") or "")
    info = str(getattr(doc, "return_info", "") or "")
    if status == "error" and code in ("-1", "") and "格式" in info:
        return Explanation(FORMAT_FAILURE.label, info or FORMAT_FAILURE.meaning, FORMAT_FAILURE.next_step, "error")
    if code:
        return explain(kind, code, info)
    if status in CODE_BY_STATUS:
        return explain(kind, CODE_BY_STATUS[status], info)
    return LOCAL.get(status) or _e("未知", "", WAIT, "default")


def explain_receipt(kind: str, message_type: str, code: str, info: str) -> Explanation:
    if message_type == "CEB900":
        return Explanation(
            FORMAT_FAILURE.label, f"{FORMAT_FAILURE.meaning}：{info}" if info else FORMAT_FAILURE.meaning,
            FORMAT_FAILURE.next_step, "error",
        )  # fmt: skip
    return explain(kind, code, info)
