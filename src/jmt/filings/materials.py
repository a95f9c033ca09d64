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

import xlsxwriter  # type: ignore[import-untyped]

from jmt.core.documents import generated_note, letter
from jmt.filings.spec import FilingType, TemplateSpec

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def load(file: str) -> dict[str, Any]:
    return json.loads((TEMPLATES / file).read_text(encoding="utf-8"))


def render(ft: FilingType, spec: TemplateSpec, values: dict[str, Any]) -> bytes:
    """The template in its format, each field filled from ``values`` (blank when unknown)."""
    layout = load(spec.file)
    if spec.format == "docx":
        return _docx(ft, layout, values)
    return _xlsx(ft, spec, layout, values)


def _docx(ft: FilingType, layout: dict[str, Any], values: dict[str, Any]) -> bytes:
    return letter(layout, lambda name: _display(ft, name, values.get(name)))


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
    sheet.write(row + 1, 0, generated_note(), note)
    book.close()
    return buffer.getvalue()


def _display(ft: FilingType, name: str, raw: Any) -> str:
    spec = ft.field(name)
    if raw in (None, ""):
        return ""
    if spec is not None and spec.type == "document":
        return "已上传"
    return str(raw)
