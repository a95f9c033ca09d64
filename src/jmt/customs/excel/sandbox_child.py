"""Read one sheet of a workbook (or mark the error workbook) in a child process, under an
address-space limit.

Reading: ``python sandbox_child.py <sheet> <max_rows> <memory_bytes>`` with the workbook on stdin;
writes ``marshal`` data to stdout: ``{"sheet", "start", "rows": [(row_no, cells), …], "truncated",
"tagged"}`` or ``{"error", "detail"}``. Imports nothing but the standard library and python-calamine,
so a hostile workbook that makes calamine allocate without bound kills this process, not the web
server. Dates and times travel as tagged ISO strings (marshal carries only plain types).

Marking: ``--annotate <memory_bytes>`` (see ``safety.annotate``); writes the .xlsx bytes.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import marshal
import resource
import sys
from typing import Any

PLAIN = (str, float, int, bool, type(None))


def _plain(cell: Any) -> Any:
    if isinstance(cell, PLAIN):
        return cell
    if isinstance(cell, dt.datetime):
        return ("datetime", cell.isoformat())
    if isinstance(cell, dt.date):
        return ("date", cell.isoformat())
    if isinstance(cell, dt.time):
        return ("time", cell.isoformat())
    if isinstance(cell, dt.timedelta):
        return ("timedelta", cell.total_seconds())
    return str(cell)


def read(content: bytes, preferred: str, max_rows: int) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        names = workbook.sheet_names
        name = preferred if preferred in names else names[0]
        sheet = workbook.get_sheet_by_name(name)
    except Exception as exc:  # calamine's own error types for zip / xml damage
        return {"error": "invalid", "detail": f"{exc.__class__.__name__}: {exc}"[:200]}
    start = sheet.start or (0, 0)
    rows: list[tuple[int, list[Any]]] = []
    truncated = False
    for row_no, cells in enumerate(sheet.iter_rows(), start=start[0] + 1):
        if not any(cells):  # nothing but empty cells (and zeros): not a data row
            continue
        if len(rows) >= max_rows:
            truncated = True
            break
        rows.append((row_no, cells))
    return {"sheet": name, "start": [start[0], start[1]], "rows": rows, "truncated": truncated, "tagged": False}


def dump(result: dict[str, Any]) -> bytes:
    """``marshal`` the result; dates and times (when there are any) as tagged ISO strings."""
    try:
        return marshal.dumps(result)
    except ValueError:
        result["rows"] = [(row_no, [_plain(cell) for cell in cells]) for row_no, cells in result["rows"]]
        result["tagged"] = True
        return marshal.dumps(result)


def annotate(request: dict[str, Any]) -> bytes:
    """The error workbook: openpyxl holds the whole workbook in memory, so it loads it here too."""
    sys.path.insert(0, str(request["src"]))
    from jmt.customs.excel.annotate import annotate_workbook

    rows: list[tuple[int, dict[str, Any], list[dict[str, str]]]] = [
        (row_no, {}, errors) for row_no, errors in request["rows"]
    ]
    return annotate_workbook(request["source"], request["layout"], rows, request["deleted"])


def main() -> None:
    if sys.argv[1] == "--annotate":
        memory = int(sys.argv[2])
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        request = marshal.loads(sys.stdin.buffer.read())  # noqa: S302 - written by the web process
        sys.stdout.buffer.write(annotate(request))
        sys.stdout.buffer.flush()
        return
    preferred, max_rows, memory = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    content = sys.stdin.buffer.read()
    gc.disable()  # millions of cells, no cycles: the collector would only slow the reading down
    try:
        payload = dump(read(content, preferred, max_rows))
    except MemoryError:
        payload = marshal.dumps({"error": "memory", "detail": "MemoryError"})
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
