"""Error codes of 收结汇."""

from __future__ import annotations

from decimal import Decimal

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "FX_INVALID": "填写的内容有误，请按提示修改",
    "FX_NO_ACCOUNT": "尚未开通外汇子账户余额，请等待捷晶上传子账户余额后再申请结汇",
    "FX_AMOUNT_EXCEEDS_AVAILABLE": "结汇金额超过可用余额",
    "FX_PROFILE_INCOMPLETE": "结汇收款信息不完整，请先在「我的 · 商户资料」中补充",
    "FX_NOT_PENDING": "该结汇申请已处理，不能重复操作",
    "FX_COMPLETION_MISSING": "完成结汇需要填写实际结算汇率和结汇到账金额，请在「结汇管理」中办理",
    "FX_BALANCE_INSUFFICIENT": "账户余额不足以完成该笔结汇，请先核对子账户余额",
    "FX_CURRENCY_UNSUPPORTED": "不支持该币种",
    "FX_RATES_UNAVAILABLE": "暂时无法获取汇率，请稍后再试",
    "FX_IMPORT_FILE_INVALID": "无法读取上传的余额表，请上传 .xlsx 格式的 Excel 文件",
    "FX_IMPORT_HEADERS_MISSING": "余额表缺少必需的列",
    "FX_IMPORT_TOO_MANY_ROWS": "余额表行数超过上限",
    "FX_IMPORT_ALREADY_APPLIED": "该余额表已导入，不能重复导入",
    "FX_IMPORT_NOTHING_TO_APPLY": "余额表中没有可导入的行",
}


def _usd(value: Decimal) -> str:
    return f"${value:,.2f}"


class FxError:
    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return ApiError("FX_INVALID", ERROR_CODES["FX_INVALID"], status=422, details={"fields": fields})

    @staticmethod
    def no_account() -> ApiError:
        return ApiError("FX_NO_ACCOUNT", ERROR_CODES["FX_NO_ACCOUNT"], status=409)

    @staticmethod
    def exceeds_available(*, amount: Decimal, balance: Decimal, frozen: Decimal, available: Decimal) -> ApiError:
        return ApiError(
            "FX_AMOUNT_EXCEEDS_AVAILABLE",
            f"结汇金额 {_usd(amount)} 超过可用余额 {_usd(available)}（账户余额 {_usd(balance)}，"
            f"结汇中 {_usd(frozen)}）",
            status=422,
            details={
                "fields": {"amount": f"不能超过可用余额 {_usd(available)}"},
                "amount": str(amount),
                "balance": str(balance),
                "frozen": str(frozen),
                "available": str(available),
            },
        )

    @staticmethod
    def profile_incomplete(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "FX_PROFILE_INCOMPLETE", ERROR_CODES["FX_PROFILE_INCOMPLETE"], status=422, details={"fields": fields}
        )

    @staticmethod
    def not_pending(state_label: str) -> ApiError:
        return ApiError("FX_NOT_PENDING", f"该结汇申请当前为「{state_label}」，不能再办理", status=409)

    @staticmethod
    def completion_missing() -> ApiError:
        return ApiError("FX_COMPLETION_MISSING", ERROR_CODES["FX_COMPLETION_MISSING"], status=422)

    @staticmethod
    def balance_insufficient(*, amount: Decimal, balance: Decimal) -> ApiError:
        return ApiError(
            "FX_BALANCE_INSUFFICIENT",
            f"账户余额 {_usd(balance)} 不足以完成 {_usd(amount)} 的结汇，请先核对子账户余额",
            status=409,
            details={"amount": str(amount), "balance": str(balance)},
        )

    @staticmethod
    def currency_unsupported(currency: str) -> ApiError:
        return ApiError(
            "FX_CURRENCY_UNSUPPORTED",
            f"不支持币种「{currency}」",
            status=422,
            details={"fields": {"currency": "请选择看板中的币种"}},
        )

    @staticmethod
    def rates_unavailable(reason: str) -> ApiError:
        return ApiError(
            "FX_RATES_UNAVAILABLE", ERROR_CODES["FX_RATES_UNAVAILABLE"], status=503, details={"reason": reason}
        )

    @staticmethod
    def import_file_invalid(reason: str = "") -> ApiError:
        return ApiError(
            "FX_IMPORT_FILE_INVALID", ERROR_CODES["FX_IMPORT_FILE_INVALID"], status=422, details={"reason": reason}
        )

    @staticmethod
    def import_headers_missing(missing: list[str]) -> ApiError:
        return ApiError(
            "FX_IMPORT_HEADERS_MISSING",
            f"余额表缺少必需的列：{'、'.join(missing)}",
            status=422,
            details={"missing": missing},
        )

    @staticmethod
    def import_too_many_rows(limit: int) -> ApiError:
        return ApiError(
            "FX_IMPORT_TOO_MANY_ROWS", f"余额表最多 {limit:,} 行，请分批上传", status=422, details={"limit": limit}
        )

    @staticmethod
    def import_already_applied() -> ApiError:
        return ApiError("FX_IMPORT_ALREADY_APPLIED", ERROR_CODES["FX_IMPORT_ALREADY_APPLIED"], status=409)

    @staticmethod
    def import_nothing_to_apply() -> ApiError:
        return ApiError("FX_IMPORT_NOTHING_TO_APPLY", ERROR_CODES["FX_IMPORT_NOTHING_TO_APPLY"], status=422)
