"""Special document templates (商业发票, 装箱单, 申报要素确认单, 材质声明), kept in the repository as
``templates/<key>.json`` and pre-filled from the merchant profile and, where given, the assistant's answer.

A layout is a title, rows (a ``section`` heading, or a ``label`` with a ``field`` to fill or a fixed
``text``), optionally a goods table (``goods`` headers with one ``goods_example`` row) or the answer's
申报要素 (``elements``), notes and signature lines. Forms render to xlsx, letters to docx.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]
from django.utils import timezone
from docx.document import Document as Docx

from jmt.core.documents import generated_note, letter
from jmt.crystal.rules import MATERIAL_LABELS, SETTING_LABELS, WORKING_LABELS, Advice, Answers

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    format: str
    description: str


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template("commercial_invoice", "商业发票", "xlsx", "中英文品名、真实材质、HS 编码与计量单位"),
        Template("packing_list", "装箱单", "xlsx", "逐箱件数、毛重，易碎标识与包装方式"),
        Template("declaration_elements", "申报要素确认单", "docx", "按推荐编码逐项列出申报要素，交报关行核对"),
        Template("material_statement", "商品材质声明", "docx", "如实声明天然、合成或玻璃材质及贵金属镶嵌"),
    )
}


@cache
def layout(key: str) -> dict[str, Any]:
    return json.loads((TEMPLATE_DIR / f"{key}.json").read_text(encoding="utf-8"))


def values_for(profile: dict[str, Any], answers: Answers | None, advice: Advice | None) -> dict[str, str]:
    """What the templates' fields read: the merchant's profile, today, and the answer when given."""
    contact = " ".join(str(profile.get(k) or "") for k in ("contact_name", "contact_phone")).strip()
    values = {k: str(profile.get(k) or "") for k in ("name", "name_en", "address", "address_en", "credit_code")}
    values["contact"] = contact
    values["today"] = timezone.localdate().isoformat()
    if answers is not None and advice is not None:
        first = advice.candidates[0] if advice.candidates else None
        values.update(
            declared_name=advice.declared_name,
            hs_code=(first.code + ("（请报关行确认）" if first.needs_broker else "")) if first else "请报关行归类",
            gmodel=first.gmodel_example if first else "",
            material=MATERIAL_LABELS[answers.material],
            working=WORKING_LABELS[answers.working],
            setting=SETTING_LABELS[answers.setting],
        )
    return values


def render(key: str, values: dict[str, str], advice: Advice | None) -> bytes:
    spec = layout(key)
    return _docx(spec, values, advice) if TEMPLATES[key].format == "docx" else _xlsx(spec, values)


def _docx(spec: dict[str, Any], values: dict[str, str], advice: Advice | None) -> bytes:
    def elements(document: Docx) -> None:
        """The answer's 申报要素: a numbered table of the first candidate's elements, or why there is none."""
        document.add_paragraph().add_run("申报要素").bold = True
        first = advice.candidates[0] if advice and advice.candidates else None
        if first and first.elements:
            table = document.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, ("序号", "要素", "填写（示例，按实际修改）"), strict=True):
                cell.text = text
            for i, element in enumerate(first.elements, start=1):
                cells = table.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = str(i), element.name, element.example
        else:
            document.add_paragraph(first.elements_note if first else "平台资料未给出该商品的编码，请报关行归类后填写")

    return letter(spec, lambda name: values.get(name, ""), after_rows=elements if spec.get("elements") else None)


def _xlsx(spec: dict[str, Any], values: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(spec.get("sheet", spec["title"])[:31])
    headers: list[str] = spec.get("goods", [])
    width = max(len(headers), 2)
    title = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    section = book.add_format({"bold": True, "bg_color": "#F3EEFB", "border": 1})
    label = book.add_format({"bold": True, "border": 1, "bg_color": "#F5F5F5", "text_wrap": True, "valign": "vcenter"})
    value = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    note = book.add_format({"font_color": "#595959", "text_wrap": True})
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, width - 1, 18)
    sheet.merge_range(0, 0, 0, width - 1, spec["title"], title)
    sheet.set_row(0, 32)
    row = 2
    for item in spec["rows"]:
        if "section" in item:
            sheet.merge_range(row, 0, row, width - 1, item["section"], section)
        else:
            text = values.get(item["field"], "") if "field" in item else item.get("text", "")
            sheet.write(row, 0, item["label"], label)
            sheet.merge_range(row, 1, row, width - 1, text, value)
        row += 1
    if headers:
        row += 1
        for col, header in enumerate(headers):
            sheet.write(row, col, header, label)
        for col, example in enumerate(spec.get("goods_example", [])):
            sheet.write_string(row + 1, col, example, value)
        for extra in range(2, 6):
            for col in range(len(headers)):
                sheet.write_blank(row + extra, col, None, value)
        row += 7
    for line in spec.get("notes", []):
        sheet.merge_range(row, 0, row, width - 1, line, note)
        sheet.set_row(row, 30)
        row += 1
    row += 1
    for line in spec.get("signatures", []):
        sheet.write(row, 0, line, label)
        sheet.merge_range(row, 1, row, width - 1, "", value)
        sheet.set_row(row, 36)
        row += 1
    sheet.write(row + 1, 0, generated_note(), note)
    book.close()
    return buffer.getvalue()
