"""Error codes of customs (9610): refusals of the API, and the per-cell codes of e-order imports."""

from __future__ import annotations

from typing import Any

from jmt.core.errors import ApiError

# --- refusals of the API (``{code, message, details}``) ---------------------------------------------

ERROR_CODES: dict[str, str] = {
    "CUSTOMS_MERCHANT_REQUIRED": "请先选择要办理报关的商户",
    "CUSTOMS_MODULE_CLOSED": "完成工商注册并核准通过后才能办理出口报关",
    "CUSTOMS_IMPORT_FILE_INVALID": "文件不是可读取的 Excel（.xlsx）工作簿",
    "CUSTOMS_IMPORT_FILE_TOO_LARGE": "文件过大（details.max_bytes）",
    "CUSTOMS_IMPORT_TOO_MANY_ROWS": "数据行过多（details.max_rows）",
    "CUSTOMS_IMPORT_EMPTY": "工作簿中没有数据行",
    "CUSTOMS_IMPORT_SHEET_TOO_LARGE": "工作表声明的范围过大（details.rows × details.columns）",
    "CUSTOMS_IMPORT_UNPACKED_TOO_LARGE": "工作簿解压后过大或压缩比异常（details.part）",
    "CUSTOMS_IMPORT_UNSAFE": "工作簿读取时超出内存或时间限制",
    "CUSTOMS_IMPORT_COLUMNS_MISSING": "缺少必需的列（details.columns）",
    "CUSTOMS_NOTHING_TO_DECLARE": "没有可申报的订单",
    "CUSTOMS_GATEWAY_SIGNATURE_INVALID": "点点通回调签名校验失败",
    "CUSTOMS_RECEIPT_INVALID": "回执报文无法解析",
    "CUSTOMS_GATEWAY_NOT_CONFIGURED": "尚未配置点点通接口（或已停用），请联系捷晶管理员配置点点通接口",
    "CUSTOMS_GATEWAY_CHECK_FAILED": "点点通接口检测未通过，请联系捷晶管理员",
    "CUSTOMS_BATCH_LOCKED": "批次已有申报单证，申报信息不能再修改（details.fields）",
    "CUSTOMS_BATCH_INVALID": "批次的申报信息不完整或有误（details.fields）",
    "CUSTOMS_BATCH_EMPTY": "批次中还没有电子订单",
    "CUSTOMS_IMPORT_DECLARED": "已申报的导入不能再修改",
    "CUSTOMS_IMPORT_COLUMN_UNKNOWN": "没有这一列（details.columns）",
    "CUSTOMS_MANIFEST_NOT_READY": "这个批次还没有可以关联的已放行清单",
    "CUSTOMS_MANIFEST_ALREADY_FILED": "这个批次已放行的运单都已在清单总分单中（details.bill_nos）",
    "CUSTOMS_POD_MISSING": "目的国没有默认指运港，请在批次中选择指运港（details.countries）",
    "CUSTOMS_POD_NOT_ENABLED": "指运港不在港口代码表中或已停用（details.pods）",
    "CUSTOMS_PORT_FILE_INVALID": "文件不是可读取的港口代码表（CSV 或 .xlsx）",
    "CUSTOMS_PORT_COLUMNS_MISSING": "港口代码表缺少必需的列（details.columns）",
    "CUSTOMS_PORT_EMPTY": "港口代码表中没有数据行",
    "CUSTOMS_PORT_ROWS_INVALID": "港口代码表有错误的行，整张表未导入（details.rows）",
    "CUSTOMS_PORT_DISABLED": "已停用的港口不能设为默认主港",
    "CUSTOMS_BATCH_STATE_AUTOMATIC": "批次状态随单证自动变化，不能手动修改",
    "CUSTOMS_IMPORT_ALREADY_DECLARED": "这次导入已经申报过（details.batch_id）",
    "CUSTOMS_SUMMARY_NOTHING": "这个月没有可汇总的结关清单",
    "CUSTOMS_INVT_NO_UNKNOWN": "找不到这个清单编号",
    "CUSTOMS_CANCEL_NOT_ALLOWED": "清单当前状态不能撤销（details.status）",
    "CUSTOMS_CANCEL_PENDING": "这票清单已有进行中的撤销申请",
    "CUSTOMS_CANCEL_NOT_WITHDRAWABLE": "撤销申请已发往海关，不能再收回",
}


class CustomsError:
    """Factories for this app's refusals, one stable code each."""

    @staticmethod
    def merchant_required() -> ApiError:
        return ApiError("CUSTOMS_MERCHANT_REQUIRED", ERROR_CODES["CUSTOMS_MERCHANT_REQUIRED"], status=403)

    @staticmethod
    def module_closed() -> ApiError:
        return ApiError("CUSTOMS_MODULE_CLOSED", ERROR_CODES["CUSTOMS_MODULE_CLOSED"], status=403)

    @staticmethod
    def import_file_invalid(reason: str = "") -> ApiError:
        details: dict[str, Any] = {"reason": reason} if reason else {}
        return ApiError(
            "CUSTOMS_IMPORT_FILE_INVALID",
            "无法读取该文件，请上传由模板填写的 .xlsx 工作簿",
            status=422,
            details=details,
        )

    @staticmethod
    def import_file_too_large(max_bytes: int) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_FILE_TOO_LARGE",
            f"文件过大，单个文件不能超过 {max_bytes // (1024 * 1024)} MB",
            status=413,
            details={"max_bytes": max_bytes},
        )

    @staticmethod
    def import_too_many_rows(max_rows: int) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_TOO_MANY_ROWS",
            f"数据行过多，单个文件最多 {max_rows} 行，请拆分后上传",
            status=422,
            details={"max_rows": max_rows},
        )

    @staticmethod
    def import_sheet_too_large(rows: int, columns: int, max_rows: int, max_columns: int) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_SHEET_TOO_LARGE",
            f"工作表声明的数据范围过大（{rows} 行 × {columns} 列，最多 {max_rows} 行、{max_columns} 列），"
            "可能含有大量空行、空列或远处的单元格；请把订单复制到新的模板中另存后再上传",
            status=422,
            details={"rows": rows, "columns": columns, "max_rows": max_rows, "max_columns": max_columns},
        )

    @staticmethod
    def import_unpacked_too_large(part: str, size: int, max_bytes: int) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_UNPACKED_TOO_LARGE",
            "工作簿解压后的内容过大或压缩比异常，不像是正常的电子订单文件；请用模板填写后另存为 .xlsx 再上传",
            status=422,
            details={"part": part[:100], "size": size, "max_bytes": max_bytes},
        )

    @staticmethod
    def import_unsafe(reason: str) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_UNSAFE",
            "读取这个工作簿超出了安全限制（内存或时间），已停止读取；请检查文件中是否有大量空行、空列或异常数据，"
            "把订单复制到新的模板中另存后再上传",
            status=422,
            details={"reason": reason[:100]},
        )

    @staticmethod
    def import_empty() -> ApiError:
        return ApiError("CUSTOMS_IMPORT_EMPTY", "工作簿中没有数据行，请在「电子订单」表中从第 2 行起填写", status=422)

    @staticmethod
    def import_columns_missing(columns: list[str]) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_COLUMNS_MISSING",
            f"缺少必需的列：{'、'.join(columns)}。请下载最新模板填写",
            status=422,
            details={"columns": columns},
        )

    @staticmethod
    def nothing_to_declare() -> ApiError:
        return ApiError("CUSTOMS_NOTHING_TO_DECLARE", "没有可申报的订单：请先修正标红的错误", status=409)

    @staticmethod
    def signature_invalid() -> ApiError:
        return ApiError("CUSTOMS_GATEWAY_SIGNATURE_INVALID", "签名校验失败", status=401)

    @staticmethod
    def receipt_invalid(reason: str) -> ApiError:
        return ApiError("CUSTOMS_RECEIPT_INVALID", "回执报文无法解析", status=400, details={"reason": reason})

    @staticmethod
    def gateway_not_configured(disabled: bool = False) -> ApiError:
        what = "本商户的点点通接口已停用" if disabled else "本商户尚未配置点点通接口"
        return ApiError(
            "CUSTOMS_GATEWAY_NOT_CONFIGURED",
            f"{what}，暂不能申报。请联系捷晶管理员配置点点通接口",
            status=409,
            details={"disabled": disabled},
        )

    @staticmethod
    def gateway_check_failed(reason: str) -> ApiError:
        return ApiError(
            "CUSTOMS_GATEWAY_CHECK_FAILED",
            f"点点通接口检测未通过：{reason}，请联系捷晶管理员",
            status=409,
            details={"reason": reason},
        )

    @staticmethod
    def batch_locked() -> ApiError:
        return ApiError(
            "CUSTOMS_BATCH_LOCKED",
            "批次已有申报单证，海关代码、口岸、运输方式等申报信息不能再修改；如需不同的申报信息，请新建批次",
            status=409,
        )

    @staticmethod
    def batch_invalid(fields: dict[str, str]) -> ApiError:
        return ApiError(
            "CUSTOMS_BATCH_INVALID",
            "批次的申报信息不完整或有误：" + "；".join(fields.values()),
            status=422,
            details={"fields": fields},
        )

    @staticmethod
    def batch_empty() -> ApiError:
        return ApiError(
            "CUSTOMS_BATCH_EMPTY",
            "批次中还没有电子订单：请先在「电子订单报送」中导入订单并选择本批次申报",
            status=409,
        )

    @staticmethod
    def import_declared() -> ApiError:
        return ApiError("CUSTOMS_IMPORT_DECLARED", "这份导入已经申报，不能再修改；如需更正请用变更申报", status=409)

    @staticmethod
    def import_column_unknown(columns: list[str]) -> ApiError:
        return ApiError(
            "CUSTOMS_IMPORT_COLUMN_UNKNOWN",
            f"没有这些列：{'、'.join(columns)}",
            status=422,
            details={"columns": columns, "fields": {c: "没有这一列" for c in columns}},
        )

    @staticmethod
    def import_already_declared(batch_id: int | None, batch_name: str, orders: int) -> ApiError:
        where = f"到批次「{batch_name}」" if batch_name else ""
        return ApiError(
            "CUSTOMS_IMPORT_ALREADY_DECLARED",
            f"这次导入已经申报{where}（{orders} 票订单），不会重复申报；申报进度请在「申报状态」查看",
            status=409,
            details={"batch_id": batch_id, "orders": orders},
        )

    @staticmethod
    def batch_state_automatic() -> ApiError:
        return ApiError(
            "CUSTOMS_BATCH_STATE_AUTOMATIC",
            "批次状态随单证自动变化（提交申报、海关放行与结关时更新），不能手动修改",
            status=409,
        )

    @staticmethod
    def pod_missing(countries: list[str]) -> ApiError:
        from jmt.customs.codes import table

        names = "、".join(table("countries").by_code.get(code, code) for code in countries)
        return ApiError(
            "CUSTOMS_POD_MISSING",
            f"目的国 {names} 在港口代码表中没有默认指运港：请在批次的「指运港」中选择港口后再申报",
            status=409,
            details={"countries": countries},
        )

    @staticmethod
    def pod_not_enabled(pods: list[str]) -> ApiError:
        return ApiError(
            "CUSTOMS_POD_NOT_ENABLED",
            f"指运港 {'、'.join(pods)} 不在港口代码表中或已停用：请在批次的「指运港」中重新选择后再申报",
            status=409,
            details={"pods": pods},
        )

    @staticmethod
    def port_file_invalid(reason: str) -> ApiError:
        return ApiError(
            "CUSTOMS_PORT_FILE_INVALID",
            f"无法读取港口代码表：{reason}。请上传 CSV（UTF-8 或 GB18030）或 .xlsx 文件",
            status=422,
            details={"reason": reason},
        )

    @staticmethod
    def port_columns_missing(columns: list[str]) -> ApiError:
        return ApiError(
            "CUSTOMS_PORT_COLUMNS_MISSING",
            f"港口代码表缺少列：{'、'.join(columns)}（表头应为 代码、名称、国家(地区)代码、默认主港）",
            status=422,
            details={"columns": columns},
        )

    @staticmethod
    def port_empty() -> ApiError:
        return ApiError("CUSTOMS_PORT_EMPTY", "港口代码表中没有数据行，未导入", status=422)

    @staticmethod
    def port_rows_invalid(rows: list[dict[str, Any]]) -> ApiError:
        first = rows[0]
        more = f"等 {len(rows)} 处错误" if len(rows) > 1 else ""
        return ApiError(
            "CUSTOMS_PORT_ROWS_INVALID",
            f"第 {first['row']} 行{first['message']}{more}；整张表未导入，原有港口代码不变",
            status=422,
            details={"rows": rows},
        )

    @staticmethod
    def port_disabled(code: str) -> ApiError:
        return ApiError(
            "CUSTOMS_PORT_DISABLED",
            f"港口 {code} 已停用，不能设为默认主港：请先启用",
            status=409,
            details={"code": code},
        )

    @staticmethod
    def manifest_already_filed(bill_nos: list[str]) -> ApiError:
        bills = "、".join(bill_nos) if bill_nos else ""
        return ApiError(
            "CUSTOMS_MANIFEST_ALREADY_FILED",
            f"这个批次已放行的运单都已在提运单号 {bills} 的清单总分单中，没有新的运单需要关联；"
            "有新的清单放行后可再提交（同一提运单号按变更申报）",
            status=409,
            details={"bill_nos": bill_nos},
        )

    @staticmethod
    def manifest_not_ready() -> ApiError:
        return ApiError(
            "CUSTOMS_MANIFEST_NOT_READY",
            "这个批次还没有可以关联的已放行清单：清单放行后再提交总分单",
            status=409,
        )

    @staticmethod
    def summary_nothing(month: str) -> ApiError:
        return ApiError(
            "CUSTOMS_SUMMARY_NOTHING",
            f"{month} 没有可汇总的结关清单（须为 B 类汇总申报、已结关、未被汇总过）",
            status=409,
            details={"month": month},
        )

    @staticmethod
    def invt_no_unknown(invt_no: str) -> ApiError:
        return ApiError(
            "CUSTOMS_INVT_NO_UNKNOWN",
            f"找不到清单编号 {invt_no}：请核对编号（清单审结后才有编号）",
            status=422,
            details={"fields": {"invt_no": "找不到这个清单编号"}},
        )

    @staticmethod
    def cancel_not_allowed(status: str, label: str) -> ApiError:
        return ApiError(
            "CUSTOMS_CANCEL_NOT_ALLOWED",
            f"清单当前为「{label}」，不能撤销：只有已审结、尚未结关的清单可以撤销",
            status=409,
            details={"status": status},
        )

    @staticmethod
    def cancel_pending() -> ApiError:
        return ApiError("CUSTOMS_CANCEL_PENDING", "这票清单已有进行中的撤销申请，请在列表中查看进度", status=409)

    @staticmethod
    def cancel_not_withdrawable(label: str) -> ApiError:
        return ApiError(
            "CUSTOMS_CANCEL_NOT_WITHDRAWABLE",
            f"撤销申请当前为「{label}」，已发往海关，不能再收回；海关退回时清单按原状态继续",
            status=409,
        )


# --- per-cell codes of an e-order import (``errors[].code``) ----------------------------------------

CELL_ERROR_CODES: dict[str, str] = {
    "REQUIRED": "必填项为空",
    "TOO_LONG": "内容超过海关报文允许的长度",
    "NUMBER_INVALID": "不是有效的数字",
    "DECIMAL_COMMA": "小数请用小数点（.），不要用逗号：如 25.50；逗号只能作千位分隔（如 1,234.50）",
    "NUMBER_NOT_POSITIVE": "必须大于 0",
    "NUMBER_NEGATIVE": "不能为负数",
    "INTEGER_INVALID": "必须是正整数",
    "HS_CODE_INVALID": "HS 编码必须是 10 位数字",
    "UNIT_UNKNOWN": "计量单位不在海关计量单位代码表中",
    "CURRENCY_UNKNOWN": "币制不在海关货币代码表中",
    "COUNTRY_UNKNOWN": "国家（地区）不在海关国别代码表中",
    "ENTERPRISE_CODE_INVALID": "企业代码应为 10 位海关编码或 18 位统一社会信用代码",
    "DATE_INVALID": "日期无法识别",
    "TOTAL_MISMATCH": "数量 × 单价 与总价不符",
    "NET_OVER_GROSS": "净重大于毛重",
    "DUPLICATE_IN_FILE": "同一订单的同一商品在文件中重复出现",
    "WAYBILL_REUSED_IN_FILE": "同一运单号在文件中用于多个订单",
    "ORDER_FIELDS_INCONSISTENT": "同一订单的多行之间，订单级信息不一致",
    "ORDER_NO_DUPLICATED": "同一订单编号用于运单号不同的两个订单",
    "FORMULA_NO_VALUE": "公式没有计算结果，请在 Excel 中保存后再上传",
    "CHARACTER_UNSUPPORTED": "含有海关报文不支持的字符（如表情符号）",
    "ORDER_EXISTS": "该订单编号已申报过",
    "WAYBILL_EXISTS": "该运单号已申报过",
    "TOO_MANY_LINES": "一个订单最多 100 个商品行（海关报文上限）",
}
