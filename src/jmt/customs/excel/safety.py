"""Read uploaded workbooks safely (issue 9 item 4).

Before anything parses the sheet: the package's parts are checked by their uncompressed sizes and
compression ratios (a zip bomb is refused unopened), and the data sheet's declared dimension must fit
the row and column limits (a 1.8 KB file declaring A1:XFD1048576 is refused). Then the sheet is read in
a child process (``sandbox_child.py``) under an address-space limit and a time limit, with a hard limit
on the rows it hands back: whatever a hostile workbook makes the reader allocate, it is that process
that fails, and the web process answers 422.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import marshal
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings

from jmt.customs.errors import CustomsError
from jmt.customs.excel.columns import SHEET_DATA
from jmt.customs.excel.package import declared_dimension, sheet_parts
from jmt.customs.excel.parse import HEADER_SEARCH_ROWS, Sheet, sheet_from_rows

CHILD = Path(__file__).with_name("sandbox_child.py")
MAX_COLUMNS = 256  # the template has 26; room for the merchant's own columns
ROW_SLACK = 1000  # declared rows beyond the row limit still accepted (blank rows, a title, notes)
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all parts together, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MEMORY_BYTES = 2 * 1024 * 1024 * 1024  # the reader's address space
TIMEOUT_SECONDS = 60  # 200,000 rows read in well under 15 s; a reader starved of memory may stall


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def check_package(content: bytes, *, max_rows: int) -> str:
    """Refuse what must not be parsed; returns the name of the data sheet."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CustomsError.import_file_invalid(str(exc)[:200]) from exc
    with archive:
        limit = _setting("CUSTOMS_IMPORT_MAX_UNPACKED_BYTES", MAX_UNPACKED_BYTES)
        total = 0
        for info in archive.infolist():
            total += info.file_size
            ratio_bad = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
            if info.file_size > limit or total > limit or ratio_bad:
                raise CustomsError.import_unpacked_too_large(info.filename, info.file_size, limit)
        try:
            parts = sheet_parts(archive)
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise CustomsError.import_file_invalid("no workbook part") from exc
        if not parts:
            raise CustomsError.import_file_invalid("no sheet")
        name = SHEET_DATA if SHEET_DATA in parts else next(iter(parts))
        try:
            dimension = declared_dimension(archive, parts[name])
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise CustomsError.import_file_invalid("sheet part missing") from exc
    max_declared = max_rows + ROW_SLACK
    if dimension is not None and (dimension.rows > max_declared or dimension.columns > MAX_COLUMNS):
        raise CustomsError.import_sheet_too_large(dimension.rows, dimension.columns, max_declared, MAX_COLUMNS)
    return name


def _cell(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2:
        kind, text = value
        if kind == "datetime":
            return dt.datetime.fromisoformat(text)
        if kind == "date":
            return dt.date.fromisoformat(text)
        if kind == "time":
            return dt.time.fromisoformat(text)
        if kind == "timedelta":
            return dt.timedelta(seconds=text)
    return value


def read_sheet(content: bytes, *, max_rows: int) -> Sheet:
    """The data sheet, checked and then read in a child process (see the module's docstring)."""
    name = check_package(content, max_rows=max_rows)
    memory = _setting("CUSTOMS_IMPORT_PARSE_MEMORY_BYTES", MEMORY_BYTES)
    keep = max_rows + HEADER_SEARCH_ROWS + 1  # enough to tell "too many rows"
    try:
        done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [sys.executable, "-I", str(CHILD), name, str(keep), str(memory)],
            input=content,
            capture_output=True,
            timeout=_setting("CUSTOMS_IMPORT_PARSE_TIMEOUT_SECONDS", TIMEOUT_SECONDS),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CustomsError.import_unsafe("timeout") from exc
    if done.returncode != 0 or not done.stdout:
        raise CustomsError.import_unsafe(f"reader exited with {done.returncode}")
    gc.disable()  # marshal builds millions of small objects, none in a cycle
    try:
        result = marshal.loads(done.stdout)  # noqa: S302 - plain values from our own reader, never code
    except (EOFError, ValueError, TypeError) as exc:
        raise CustomsError.import_unsafe("unreadable reader output") from exc
    finally:
        gc.enable()
    if not isinstance(result, dict):
        raise CustomsError.import_unsafe("unreadable reader output")
    if result.get("error") == "memory":
        raise CustomsError.import_unsafe("memory")
    if result.get("error"):
        raise CustomsError.import_file_invalid(str(result.get("detail", ""))[:200])
    rows = result["rows"]
    if result.get("tagged"):
        rows = [(row_no, [c if type(c) is not tuple else _cell(c) for c in cells]) for row_no, cells in rows]
    return sheet_from_rows(rows, first_col=int(result["start"][1]), name=str(result["sheet"]))


ANNOTATE_TIMEOUT_SECONDS = 300


def annotate(
    source: bytes, layout: dict[str, Any], rows: Iterable[tuple[int, list[dict[str, str]]]], deleted: Iterable[int]
) -> bytes | None:
    """The uploaded workbook with the error marks, made by openpyxl in a child process under the same
    memory limit (openpyxl holds the whole workbook). ``None`` when that fails: the caller rebuilds."""
    request = {
        "src": str(Path(__file__).resolve().parents[3]),
        "source": source,
        "layout": {
            "sheet": str(layout.get("sheet") or ""),
            "header_row": int(layout.get("header_row") or 1),
            "columns": {str(k): str(v) for k, v in dict(layout.get("columns") or {}).items()},
        },
        "rows": [(int(row_no), [dict(e) for e in errors]) for row_no, errors in rows],
        "deleted": [int(n) for n in deleted],
    }
    memory = _setting("CUSTOMS_IMPORT_PARSE_MEMORY_BYTES", MEMORY_BYTES)
    try:
        done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [sys.executable, "-I", str(CHILD), "--annotate", str(memory)],
            input=marshal.dumps(request),
            capture_output=True,
            timeout=_setting("CUSTOMS_IMPORT_ANNOTATE_TIMEOUT_SECONDS", ANNOTATE_TIMEOUT_SECONDS),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0 or not done.stdout.startswith(b"PK"):
        return None
    return done.stdout
