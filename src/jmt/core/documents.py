"""Pre-filled documents the merchant downloads, prints, checks, signs and stamps: the shared pieces.

A layout (kept as JSON beside the app that owns it) is a title, rows — a ``section`` heading, a
``label`` with a ``field`` to fill, or a ``label`` with a fixed ``text`` — notes and signature lines.
:func:`letter` renders one as a docx letter; each app renders its xlsx forms itself (their sheets
differ) but ends them with the same :func:`generated_note`. :func:`attachment` is the download response.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import docx
from django.http import HttpResponse
from django.utils import timezone
from docx.document import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
BLANK = "\u3000" * 10  # an empty field, underlined for the pen


def generated_note() -> str:
    return f"生成日期：{timezone.localdate().isoformat()}（晶贸通预填，请核对）"


def letter(
    layout: Mapping[str, Any], value: Callable[[str], str], *, after_rows: Callable[[Docx], None] | None = None
) -> bytes:
    """A letter: centred title, a bold line per section, ``label：value`` lines (``value(field)``, blank
    when empty), what ``after_rows`` adds, notes, signature lines and the generated note."""
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
        elif "field" in item:
            line = document.add_paragraph()
            line.add_run(f"{item['label']}：")
            line.add_run(value(item["field"]) or BLANK).underline = True
        else:
            # Numbered clauses (一, 二 …) read as 「一、…」; other fixed lines as 「事项：…」.
            separator = "、" if len(item["label"]) == 1 else "："
            document.add_paragraph(f"{item['label']}{separator}{item.get('text', '')}")
    if after_rows is not None:
        after_rows(document)
    for note in layout.get("notes", []):
        document.add_paragraph(note)
    for signature in layout.get("signatures", []):
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_before = Pt(18)
        line.add_run(f"{signature}：" + "\u3000" * 8)
    document.add_paragraph().add_run(generated_note()).font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def attachment(content: bytes, *, title: str, file_format: str) -> HttpResponse:
    """The rendered file as a download named ``<title>.<format>``, never cached."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(title)}.{file_format}"
    response["Cache-Control"] = "private, no-store"
    return response
