"""The downloadable e-order template (XlsxWriter): data sheet with drop-downs, instructions, codes."""

from __future__ import annotations

import io

import xlsxwriter  # type: ignore[import-untyped]

from jmt.customs.codes import table
from jmt.customs.excel.columns import COLUMNS, EXAMPLE_PREFIX, SHEET_CODES, SHEET_DATA, SHEET_HELP, header_text

TEMPLATE_ROWS = 100_000  # how far down the drop-downs reach
CODE_LISTS = {"unit": ("units", 0), "currency": ("currencies", 1), "country": ("countries", 2)}
KIND_TEXT = {
    "text": "文本",
    "id": "文本（不含空格）",
    "enterprise": "10 位或 18 位代码",
    "hs": "10 位数字",
    "decimal": "数字（小数点，超过 5 位小数四舍五入）",
    "int": "正整数",
    "unit": "计量单位代码",
    "currency": "货币代码",
    "country": "国别代码",
    "date": "日期",
}


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def build_template() -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    header = book.add_format(
        {"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF", "border": 1, "text_wrap": True}
    )
    required = book.add_format(
        {"bold": True, "bg_color": "#C00000", "font_color": "#FFFFFF", "border": 1, "text_wrap": True}
    )
    example = book.add_format({"italic": True, "font_color": "#7F7F7F", "num_format": "@"})
    as_text = book.add_format({"num_format": "@"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    bold = book.add_format({"bold": True})

    data = book.add_worksheet(SHEET_DATA)
    help_sheet = book.add_worksheet(SHEET_HELP)
    codes = book.add_worksheet(SHEET_CODES)

    # --- code lists for the drop-downs -------------------------------------------------------
    ranges: dict[str, str] = {}
    for kind, (name, col) in CODE_LISTS.items():
        labels = table(name).labels()
        codes.write(0, col, {"units": "计量单位", "currencies": "币制", "countries": "国别（地区）"}[name], bold)
        for row, label in enumerate(labels, start=1):
            codes.write_string(row, col, label)
        letter = _column_letter(col)
        ranges[kind] = f"='{SHEET_CODES}'!${letter}$2:${letter}${len(labels) + 1}"
        codes.set_column(col, col, 22)
    codes.write(0, 4, "来源：《海关业务代码集》节选，见 src/jmt/customs/codes/README.md")

    # --- the data sheet ------------------------------------------------------------------------
    for col, column in enumerate(COLUMNS):
        data.write_string(0, col, header_text(column), required if column.required else header)
        data.set_column(
            col,
            col,
            max(12, len(column.label) * 2 + 4),
            as_text if column.kind in {"id", "hs", "enterprise", "unit", "currency", "country"} else None,
        )
        if column.help:
            data.write_comment(0, col, column.help, {"x_scale": 2, "y_scale": 1.2})
        value = column.example
        if column.key == "orderNo":
            value = f"{EXAMPLE_PREFIX}-{column.example}"
        if value:
            data.write_string(1, col, value, example)
        if column.kind in CODE_LISTS:
            data.data_validation(
                1,
                col,
                TEMPLATE_ROWS,
                col,
                {
                    "validate": "list",
                    "source": ranges[column.kind],
                    "error_type": "warning",
                    "error_title": column.label,
                    "error_message": "请从下拉列表中选择海关代码",
                },
            )
    data.freeze_panes(1, 1)
    data.set_row(0, 32)

    # --- instructions ----------------------------------------------------------------------------
    help_sheet.set_column(0, 0, 16)
    help_sheet.set_column(1, 1, 16)
    help_sheet.set_column(2, 2, 10)
    help_sheet.set_column(3, 3, 18)
    help_sheet.set_column(4, 4, 14)
    help_sheet.set_column(5, 5, 70)
    notes = [
        "填写说明",
        "1. 在「电子订单」表中从第 2 行起每行填写一个商品；一个订单有多个商品时，每个商品一行，订单编号相同，"
        "订单级信息（币制、目的国、运单、重量、件数等）各行一致。",
        f"2. 第 2 行是示例（订单编号以「{EXAMPLE_PREFIX}」开头的行不会导入），可直接删除或覆盖。",
        "3. 计量单位、币制、国家请从下拉列表选择；也可以只填代码（如 035）或名称（如 千克）。",
        "4. 全角数字、多余空格、以文本保存的数字、Excel 日期序号都会自动识别，不算错误。",
        "5. 数字：小数请用小数点（.），如 25.50；逗号只能作千位分隔（如 1,234.50），写成 25,50 会被退回。"
        "超过 5 位小数的数字（无论单元格是数字还是文本）一律四舍五入到 5 位小数。",
        "6. 同一订单的第 2 个及以后的商品行，订单级信息（电商平台、币制、目的国、物流、重量、件数、出口日期）"
        "可以留空，自动沿用该订单第 1 行；填写了就必须与第 1 行一致。电商平台代码、名称留空时使用上传时所选批次的"
        "电商平台（未选批次时使用点点通配置中的电商平台）。",
        "7. 表头上方可以有标题行；只包含空格的行会被忽略。公式单元格请在 Excel 中保存后再上传（需要有计算结果）。"
        "名称中的中文标点按原样保留；表情符号等海关报文不支持的字符会被退回。",
        "8. 一个订单最多 100 个商品行；单个文件最多 20 万行。上传后逐格校验，出错的单元格标红并说明原因，"
        "可下载标注后的文件修改后重新上传。",
    ]
    for row, note in enumerate(notes):
        help_sheet.write(row, 0, note, bold if row == 0 else None)
    top = len(notes) + 1
    for col, title in enumerate(("列名", "海关报文字段", "是否必填", "格式", "用于报文", "说明")):
        help_sheet.write(top, col, title, header)
    for row, column in enumerate(COLUMNS, start=top + 1):
        help_sheet.write(row, 0, column.label)
        help_sheet.write(row, 1, column.key)
        help_sheet.write(row, 2, "必填" if column.required else "选填")
        help_sheet.write(
            row,
            3,
            KIND_TEXT[column.kind]
            + (f"，≤{column.max_length} 字" if column.max_length and column.kind in {"text", "id"} else ""),
        )
        help_sheet.write(row, 4, "CEB" + column.feeds.replace("/", "/CEB"))
        help_sheet.write(row, 5, column.help, wrap)
    book.close()
    return buffer.getvalue()
