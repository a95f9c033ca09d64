"""Error codes of 出口退税."""

from __future__ import annotations

from typing import Any

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "REFUNDS_MERCHANT_REQUIRED": "请先选择要办理退税的商户",
    "REFUNDS_MODULE_CLOSED": "工商注册核准后才能办理出口退税",
    "REFUNDS_INVALID": "填写的内容有误，请按提示修改",
    "REFUNDS_NOT_EDITABLE": "退税申报已提交，当前不能修改；审核不通过后可修改重新提交",
    "REFUNDS_DECLARATION_SIMPLIFIED": "简化申报（统计标志 A）的出口不生成报关单，按 9610 规定不能办理出口退税",
    "REFUNDS_DECLARATION_UNKNOWN": "没有找到这张报关单的汇总结果",
    "REFUNDS_DECLARATION_TAKEN": "该报关单已在另一份退税申报中",
    "REFUNDS_CURRENCY_MIXED": "一份退税申报中的报关单币种必须一致",
    "REFUNDS_FILE_NOT_PDF": "请上传 PDF 文件（按文件内容识别，不看扩展名）",
    "REFUNDS_NOT_READY": "申报条件尚未满足，请按清单补齐后再提交",
    "REFUNDS_AMOUNT_REQUIRED": "确认到账需要填写到账的退税金额",
    "REFUNDS_STATUS_FILE_INVALID": "无法读取状态文件，请上传税务机关导出的 xlsx 文件",
    "REFUNDS_STATUS_FILE_ALREADY_TODAY": "今天已经确认过一份状态文件，确定要再导入一份吗？",
    "REFUNDS_STATUS_FILE_CONFIRMED": "这份状态文件的预览已确认过，无需重复确认",
}


class RefundsError:
    @staticmethod
    def _e(code: str, status: int, details: dict[str, Any] | None = None, message: str = "") -> ApiError:
        return ApiError(code, message or ERROR_CODES[code], status=status, details=details)

    @classmethod
    def merchant_required(cls) -> ApiError:
        return cls._e("REFUNDS_MERCHANT_REQUIRED", 403)

    @classmethod
    def module_closed(cls) -> ApiError:
        return cls._e("REFUNDS_MODULE_CLOSED", 403)

    @classmethod
    def invalid(cls, fields: dict[str, str]) -> ApiError:
        return cls._e("REFUNDS_INVALID", 422, {"fields": fields}, message="；".join(fields.values()))

    @classmethod
    def not_editable(cls) -> ApiError:
        return cls._e("REFUNDS_NOT_EDITABLE", 409)

    @classmethod
    def simplified(cls, entry: str) -> ApiError:
        return cls._e("REFUNDS_DECLARATION_SIMPLIFIED", 422, {"entry_id": entry})

    @classmethod
    def unknown_declaration(cls, entry: str) -> ApiError:
        return cls._e("REFUNDS_DECLARATION_UNKNOWN", 422, {"entry_id": entry})

    @classmethod
    def declaration_taken(cls, entry: str, claim_no: str) -> ApiError:
        return cls._e(
            "REFUNDS_DECLARATION_TAKEN",
            409,
            {"entry_id": entry, "claim_no": claim_no},
            message=f"报关单 {entry} 已在退税申报 {claim_no} 中",
        )

    @classmethod
    def currency_mixed(cls) -> ApiError:
        return cls._e("REFUNDS_CURRENCY_MIXED", 422)

    @classmethod
    def not_pdf(cls, name: str) -> ApiError:
        return cls._e("REFUNDS_FILE_NOT_PDF", 422, {"file": name}, message=f"「{name}」不是 PDF 文件，请上传 PDF")

    @classmethod
    def not_ready(cls, missing: list[dict[str, Any]]) -> ApiError:
        return cls._e("REFUNDS_NOT_READY", 422, {"missing": missing})

    @classmethod
    def amount_required(cls) -> ApiError:
        return cls._e(
            "REFUNDS_AMOUNT_REQUIRED", 422, {"fields": {"refund_received": ERROR_CODES["REFUNDS_AMOUNT_REQUIRED"]}}
        )

    @classmethod
    def status_file_invalid(cls, why: str = "") -> ApiError:
        return cls._e("REFUNDS_STATUS_FILE_INVALID", 422, message=why or ERROR_CODES["REFUNDS_STATUS_FILE_INVALID"])

    @classmethod
    def already_today(cls, confirmed: list[str]) -> ApiError:
        return cls._e("REFUNDS_STATUS_FILE_ALREADY_TODAY", 409, {"confirmed_files": confirmed})

    @classmethod
    def status_file_confirmed(cls) -> ApiError:
        return cls._e("REFUNDS_STATUS_FILE_CONFIRMED", 409)
