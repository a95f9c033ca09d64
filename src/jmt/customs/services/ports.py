"""The port code table (港口代码表, ``customs.PortCode``): import the official table, edit a row, set a
country's main port, enable or disable a port. Back office only; every write is audited and drops the
cached table (``codes.ports_changed``) at once and again when its transaction commits.

An import replaces the whole table in one transaction, and only after every row passed: a bad row
refuses the file (``CUSTOMS_PORT_ROWS_INVALID``, naming the rows) and the table stays as it was.
Columns, found by their header in the first rows: 代码, 名称, 国家(地区)代码, 默认主港 (是/否; may be
left out, then no country has a main port).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from python_calamine import CalamineError, CalamineWorkbook

from jmt.audit.services import record, record_event, snapshot
from jmt.core.auth import Actor
from jmt.customs.codes import ports_changed, table
from jmt.customs.errors import CustomsError
from jmt.customs.models import PortCode, PortSource
from jmt.customs.services import validation as v

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 10
MAX_REPORTED_ERRORS = 100
POD_CODE = re.compile(r"^[0-9A-Z]{3,4}$")

# Header (spaces dropped, full-width brackets made half-width) → column.
HEADERS = {
    "代码": "code",
    "港口代码": "code",
    "名称": "name",
    "中文名称": "name",
    "港口名称": "name",
    "国家(地区)代码": "country",
    "国别(地区)代码": "country",
    "国家代码": "country",
    "国别代码": "country",
    "默认主港": "main",
    "主港": "main",
}
LABELS = {"code": "代码", "name": "名称", "country": "国家(地区)代码", "main": "默认主港"}
REQUIRED_COLUMNS = ("code", "name", "country")
YES = {"是", "1", "Y", "YES", "TRUE", "√", "✓"}
NO = {"", "否", "0", "N", "NO", "FALSE"}
FIELDS = ("code", "name", "country", "is_main", "enabled")
TEMPLATE_HEADERS = ("代码", "名称", "国家(地区)代码", "默认主港")


@dataclass(frozen=True)
class PortRow:
    row: int  # the line of the file (1 = the first line)
    code: str
    name: str
    country: str
    is_main: bool


def _header(cell: Any) -> str:
    return "".join(_text(cell).split()).replace("（", "(").replace("）", ")")


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _check_size(content: bytes) -> None:
    if len(content) > MAX_FILE_BYTES:
        raise CustomsError.port_file_invalid(f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB")


def _xlsx_cells(content: bytes) -> list[list[Any]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise CustomsError.port_file_invalid("文件解压后过大")
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        return [list(row) for row in sheet.to_python(skip_empty_area=False)]
    except (zipfile.BadZipFile, CalamineError, ValueError, IndexError) as exc:
        raise CustomsError.port_file_invalid("不是可读取的 .xlsx 工作簿") from exc


def _csv_cells(content: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            return [[] if line and line[0].startswith("#") else line for line in csv.reader(io.StringIO(text))]
        except csv.Error as exc:
            raise CustomsError.port_file_invalid("CSV 格式有误") from exc
    raise CustomsError.port_file_invalid("CSV 的编码既不是 UTF-8 也不是 GB18030")


def read_cells(content: bytes) -> list[list[Any]]:
    """Every line of the file's first sheet (an .xlsx, told by its zip signature) or of the CSV."""
    _check_size(content)
    return _xlsx_cells(content) if content[:4] == b"PK\x03\x04" else _csv_cells(content)


def _columns(cells: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """(index of the header line, column → position)."""
    for index, line in enumerate(cells[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for position, cell in enumerate(line):
            column = HEADERS.get(_header(cell))
            if column and column not in found:
                found[column] = position
        if "code" in found:
            missing = [LABELS[c] for c in REQUIRED_COLUMNS if c not in found]
            if missing:
                raise CustomsError.port_columns_missing(missing)
            return index, found
    raise CustomsError.port_columns_missing([LABELS[c] for c in REQUIRED_COLUMNS])


def parse(content: bytes) -> list[PortRow]:
    """Every data row of the file, checked; any problem refuses the whole file with the rows named."""
    cells = read_cells(content)
    header_at, columns = _columns(cells)
    countries = table("countries").lookup()
    rows: list[PortRow] = []
    errors: list[dict[str, Any]] = []
    codes_at: dict[str, int] = {}
    main_at: dict[str, int] = {}

    def cell(line: list[Any], column: str) -> str:
        position = columns.get(column)
        return _text(line[position]) if position is not None and position < len(line) else ""

    for index in range(header_at + 1, len(cells)):
        line, number = cells[index], index + 1
        if not any(_text(value) for value in line):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            raise CustomsError.port_file_invalid(f"数据行超过 {MAX_ROWS} 行")
        code, name = cell(line, "code").upper(), cell(line, "name")
        country_text, main_text = cell(line, "country"), cell(line, "main").upper()
        country = countries.get(country_text) or countries.get(country_text.split("-")[0].strip(), "")
        problems = []
        if not POD_CODE.match(code):
            problems.append(f"代码「{code}」应为 3–4 位大写字母或数字" if code else "代码为空")
        elif code in codes_at:
            problems.append(f"代码 {code} 与第 {codes_at[code]} 行重复")
        if not name:
            problems.append("名称为空")
        elif len(name) > 100:
            problems.append("名称超过 100 个字")
        if not country:
            problems.append(
                f"国家(地区)代码「{country_text}」不在海关国别代码表中" if country_text else "国家(地区)代码为空"
            )
        if main_text not in YES | NO:
            problems.append(f"默认主港「{main_text}」应填 是 或 否")
        is_main = main_text in YES
        if is_main and country in main_at:
            problems.append(f"国家(地区) {country} 已在第 {main_at[country]} 行设为默认主港，每个国家(地区)只能有一个")
        if problems:
            errors.append({"row": number, "code": code, "message": "：" + "；".join(problems)})
            continue
        codes_at[code] = number
        if is_main:
            main_at[country] = number
        rows.append(PortRow(row=number, code=code, name=name, country=country, is_main=is_main))
    if errors:
        raise CustomsError.port_rows_invalid(errors[:MAX_REPORTED_ERRORS])
    if not rows:
        raise CustomsError.port_empty()
    return rows


def template() -> bytes:
    """The CSV the back office fills in (or the official table saved with these headers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(TEMPLATE_HEADERS)
    writer.writerow(["ULAX", "洛杉矶", "502", "是"])
    writer.writerow(["ULGB", "长滩", "502", "否"])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _changed() -> None:
    ports_changed()
    transaction.on_commit(ports_changed)


def _table_counts() -> dict[str, int]:
    return {
        "rows": PortCode.objects.count(),
        "mains": PortCode.objects.filter(is_main=True).count(),
        "sample_rows": PortCode.objects.filter(source=PortSource.SAMPLE).count(),
    }


def port_table_import(*, actor: Actor, file_name: str, content: bytes) -> dict[str, int]:
    """Replace the whole table by the file's rows (all checked first); returns the new counts."""
    rows = parse(content)
    with transaction.atomic():
        before = _table_counts()
        PortCode.objects.all().delete()
        PortCode.objects.bulk_create(
            PortCode(code=r.code, name=r.name, country=r.country, is_main=r.is_main, source=PortSource.OFFICIAL)
            for r in rows
        )
        after = _table_counts()
        record_event(
            actor=actor,
            module="customs",
            action="port_table_import",
            object_type=PortCode._meta.label,
            object_repr=file_name,
            changes={
                **{key: [before[key], after[key]] for key in before if before[key] != after[key]},
                "file_name": [None, file_name],
            },
        )
        _changed()
    return after


def _validate_edit(values: dict[str, Any]) -> tuple[str, str]:
    name = str(values.get("name") or "").strip()
    country_text = str(values.get("country") or "").strip()
    country = table("countries").lookup().get(country_text, "")
    problems = v.collect(
        {
            "name": v.required(name, "中文名称") or ("" if len(name) <= 100 else "中文名称不能超过 100 个字"),
            "country": "" if country else "国家(地区)代码不在海关国别代码表中",
        }
    )
    if problems:
        raise v.validation_error(problems)
    return name, country


def port_update(*, actor: Actor, port: PortCode, values: dict[str, Any]) -> PortCode:
    """Change a port's name or country. Moving it to another country drops its 默认主港 flag."""
    name, country = _validate_edit(values)
    with transaction.atomic():
        port = PortCode.objects.select_for_update().get(pk=port.pk)
        before = snapshot(port, FIELDS)
        if country != port.country:
            port.is_main = False
        port.name, port.country = name, country
        port.save()
        record(
            actor=actor, module="customs", action="port_update", obj=port, before=before, after=snapshot(port, FIELDS)
        )
        _changed()
    return port


def port_set_main(*, actor: Actor, port: PortCode) -> PortCode:
    """Make ``port`` its country's main port (the one the country had before stops being it)."""
    with transaction.atomic():
        mains = list(
            PortCode.objects.select_for_update().filter(country=port.country, is_main=True).exclude(pk=port.pk)
        )
        port = PortCode.objects.select_for_update().get(pk=port.pk)
        if not port.enabled:
            raise CustomsError.port_disabled(port.code)
        if port.is_main:
            return port
        for previous in mains:
            before = snapshot(previous, FIELDS)
            previous.is_main = False
            previous.save(update_fields=["is_main", "updated_at"])
            record(
                actor=actor,
                module="customs",
                action="port_set_main",
                obj=previous,
                before=before,
                after=snapshot(previous, FIELDS),
            )
        before = snapshot(port, FIELDS)
        port.is_main = True
        port.save(update_fields=["is_main", "updated_at"])
        record(
            actor=actor, module="customs", action="port_set_main", obj=port, before=before, after=snapshot(port, FIELDS)
        )
        _changed()
    return port


def port_set_enabled(*, actor: Actor, port: PortCode, enabled: bool) -> PortCode:
    """Enable or disable a port. A disabled port is no 指运港 and no main port: its flag is dropped."""
    with transaction.atomic():
        port = PortCode.objects.select_for_update().get(pk=port.pk)
        if port.enabled == enabled:
            return port
        before = snapshot(port, FIELDS)
        port.enabled = enabled
        if not enabled:
            port.is_main = False
        port.save(update_fields=["enabled", "is_main", "updated_at"])
        record(
            actor=actor,
            module="customs",
            action="port_enable" if enabled else "port_disable",
            obj=port,
            before=before,
            after=snapshot(port, FIELDS),
        )
        _changed()
    return port
