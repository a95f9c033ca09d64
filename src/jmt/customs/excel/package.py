"""Look inside an .xlsx package (a zip of XML parts) with the standard library only, without
building the sheet: where each sheet's part is, its declared dimension, the parts' uncompressed
sizes, and formula cells that carry no cached value."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', re.S)
_SHEET_RID_FIRST = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"', re.S)
_REL = re.compile(rb"<Relationship\b[^>]*?>", re.S)
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]+)</(?:\w+:)?v>")
CHUNK = 1 << 16


@dataclass(frozen=True)
class Dimension:
    rows: int
    columns: int


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def column_index(letters: str) -> int:
    """A → 0, XFD → 16383."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member holding it, in workbook order."""
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets: dict[str, str] = {}
    for match in _REL.finditer(rels):
        attrs = {k.decode(): v.decode() for k, v in _ATTR.findall(match.group(0))}
        target = attrs.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[attrs.get("Id", "")] = path
    sheets: dict[str, str] = {}
    found = [(name, rid) for name, rid in _SHEET.findall(workbook)] or [
        (name, rid) for rid, name in _SHEET_RID_FIRST.findall(workbook)
    ]
    for name, rid in found:
        path = targets.get(rid.decode())
        if path:
            sheets[_unescape(name)] = path
    return sheets


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        yield chunk


def declared_dimension(archive: zipfile.ZipFile, part: str, *, head_bytes: int = 1 << 16) -> Dimension | None:
    """The sheet's ``<dimension ref="A1:Z300"/>`` (read from the first bytes of the part), if declared."""
    with archive.open(part) as stream:
        head = stream.read(head_bytes)
    match = _DIMENSION.search(head)
    if not match:
        return None
    first_col, first_row, last_col, last_row = match.groups()
    end_col = last_col or first_col
    end_row = last_row or first_row
    if not end_col or not end_row:
        return None
    return Dimension(rows=int(end_row), columns=column_index(end_col.decode()) + 1)


def formula_cells_without_value(archive: zipfile.ZipFile, part: str) -> set[tuple[int, int]]:
    """(Excel row number, column index) of every formula cell with no cached value — a workbook made
    by a program and never saved in Excel. Streams the part; quick when it holds no formula."""
    found: set[tuple[int, int]] = set()
    buffer = b""
    with archive.open(part) as stream:
        for chunk in _chunks(stream):
            buffer += chunk
            cut = buffer.rfind(b"row>")  # a row boundary: no cell spans it
            if cut < 0:
                continue
            cut += 4
            _scan(buffer[:cut], found)
            buffer = buffer[cut:]
    _scan(buffer, found)
    return found


def _scan(text: bytes, found: set[tuple[int, int]]) -> None:
    if b"<f" not in text and b":f" not in text:
        return
    for match in _CELL.finditer(text):
        body = match.group(3)
        if not body or (b"<f" not in body and b":f" not in body):
            continue
        if _VALUE.search(body):
            continue
        ref = _REF.search(match.group(1))
        if ref:
            found.add((int(ref.group(2)), column_index(ref.group(1).decode())))
