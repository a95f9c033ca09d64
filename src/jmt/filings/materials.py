"""Material templates, kept in the repository as ``templates/<name>.json`` and pre-filled.

A template is a title, rows that are either a section heading (``{"section": "…"}``) or a labelled
value (``{"label": "…", "field": "<form field>"}`` or a fixed ``"text"``), notes, and signature lines.
The same layout renders to the template's format: an xlsx sheet for forms (申请表, 信息表) or a docx
letter for 承诺书 / 授权委托书. The result is what the merchant prints, checks, signs and stamps, then
uploads.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import docx
import xlsxwriter  # type: ignore[import-untyped]
from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from jmt.filings.spec import FilingType, TemplateSpec

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def load(file: str) -> dict[str, Any]:
    return json.loads((TEMPLATES / file).read_text(encoding="utf-8"))


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(ft: FilingType, spec: TemplateSpec, values: dict[str, Any]) -> bytes:
    """The template in its format, each field filled from ``values`` (blank when unknown)."""
    layout = load(spec.file)
    if spec.format == "docx":
        return _docx(ft, layout, values)
    return _xlsx(ft, spec, layout, values)


def _generated_note() -> str:
    return f"生成日期：{timezone.localdate().isoformat()}（晶贸通预填，请核对）"


def _docx(ft: FilingType, layout: dict[str, Any], values: dict[str, Any]) -> bytes:
    """A letter: centred title, a bold line per section, ``label：value`` lines, notes, signature lines."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(layout["title"])
    run.bold = True
    run.font.size = Pt(18)
    for item in layout["rows"]:
        if "section" in item:
            document.add_paragraph().add_run(item["section"]).bold = True
            continue
        line = document.add_paragraph()
        if "field" in item:
            line.add_run(f"{item['label']}：")
            value = _display(ft, item["field"], values.get(item["field"]))
            line.add_run(value or "\u3000" * 10).underline = True
        else:
            # Numbered clauses (一, 二 …) read as 「一、…」; other fixed lines as 「事项：…」.
            separator = "、" if len(item["label"]) == 1 else "："
            line.add_run(f"{item['label']}{separator}{item.get('text', '')}")
    for note in layout.get("notes", []):
        document.add_paragraph(note)
    for signature in layout.get("signatures", []):
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_before = Pt(18)
        line.add_run(f"{signature}：" + "\u3000" * 8)
    document.add_paragraph().add_run(_generated_note()).font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(ft: FilingType, spec: TemplateSpec, layout: dict[str, Any], values: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(layout.get("sheet", spec.title)[:31])
    title = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    section = book.add_format({"bold": True, "bg_color": "#E8F1FB", "border": 1})
    label = book.add_format({"bold": True, "border": 1, "bg_color": "#F5F5F5", "text_wrap": True, "valign": "vcenter"})
    value = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    note = book.add_format({"font_color": "#595959", "text_wrap": True})
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 60)
    sheet.merge_range(0, 0, 0, 1, layout["title"], title)
    sheet.set_row(0, 32)
    row = 2
    for item in layout["rows"]:
        if "section" in item:
            sheet.merge_range(row, 0, row, 1, item["section"], section)
        else:
            text = item.get("text", "")
            if "field" in item:
                text = _display(ft, item["field"], values.get(item["field"]))
            sheet.write(row, 0, item["label"], label)
            sheet.write_string(row, 1, text, value)
            sheet.set_row(row, 22)
        row += 1
    row += 1
    for line in layout.get("notes", []):
        sheet.merge_range(row, 0, row, 1, line, note)
        sheet.set_row(row, 30)
        row += 1
    row += 1
    for line in layout.get("signatures", []):
        sheet.write(row, 0, line, label)
        sheet.write(row, 1, "", value)
        sheet.set_row(row, 36)
        row += 1
    sheet.write(row + 1, 0, _generated_note(), note)
    book.close()
    return buffer.getvalue()


def _display(ft: FilingType, name: str, raw: Any) -> str:
    spec = ft.field(name)
    if raw in (None, ""):
        return ""
    if spec is not None and spec.type == "document":
        return "已上传"
    return str(raw)
