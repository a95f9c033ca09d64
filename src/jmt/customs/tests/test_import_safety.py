"""Issue 9 item 4: hostile workbooks are refused before parsing or fail in the reader's own process;
the web process answers 422 with a Chinese message and keeps serving. Both hostile files are made here."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
import xlsxwriter  # type: ignore[import-untyped]
from django.core.files.uploadedfile import SimpleUploadedFile

from jmt.customs.excel import safety
from jmt.customs.models import OrderImport
from jmt.customs.tests.workbooks import good_row, workbook

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _upload(api, content: bytes):
    headers = {"Authorization": f"Bearer {api.token}"} if api.token else {}
    data = {"file": SimpleUploadedFile("orders.xlsx", content, content_type=XLSX)}
    return api.client.post("/api/v1/customs/orders/imports", data, headers=headers)


def far_corner_workbook() -> bytes:
    """Cells A1 and XFD1048576: under 2 KB zipped, declares A1:XFD1048576."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("电子订单")
    sheet.write(0, 0, "订单编号*")
    sheet.write(1048575, 16383, "x")
    book.close()
    return buffer.getvalue()


def _rewrite(content: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return out.getvalue()


def zip_bomb_workbook(megabytes: int = 64) -> bytes:
    """A normal workbook whose sheet part inflates to ``megabytes`` of padding (about 1000:1)."""
    padding = b" " * (megabytes * 1024 * 1024)

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b"<sheetData>", padding + b"<sheetData>", 1)
        return data

    return _rewrite(workbook([good_row(1)]), change)


def _error(response) -> tuple[int, str, str]:
    body = response.json()
    assert "code" in body, body
    return response.status_code, body["code"], body["message"]


def test_a_declared_dimension_of_the_whole_sheet_is_refused_before_parsing(admin_api):
    content = far_corner_workbook()
    assert len(content) < 8 * 1024
    status, code, message = _error(_upload(admin_api, content))
    assert (status, code) == (422, "CUSTOMS_IMPORT_SHEET_TOO_LARGE")
    assert "1048576 行 × 16384 列" in message


def test_without_the_dimension_the_reader_process_fails_not_the_server(admin_api):
    content = _rewrite(far_corner_workbook(), lambda name, data: re.sub(rb"<dimension[^>]*/>", b"", data))
    status, code, message = _error(_upload(admin_api, content))
    assert (status, code) == (422, "CUSTOMS_IMPORT_UNSAFE")
    assert "安全限制" in message
    # and the server keeps serving
    assert _upload(admin_api, workbook([good_row(1)])).status_code == 201


def test_a_zip_bomb_is_refused_by_its_uncompressed_size_unopened(admin_api):
    content = zip_bomb_workbook()
    assert len(content) < 1024 * 1024
    status, code, message = _error(_upload(admin_api, content))
    assert (status, code) == (422, "CUSTOMS_IMPORT_UNPACKED_TOO_LARGE")
    assert "压缩比异常" in message
    assert not OrderImport.objects.exists()


def test_the_reader_runs_under_a_memory_and_time_limit(admin_api, settings):
    # Too little memory for 3,000 rows: the reader fails (or stalls and is stopped), the request answers.
    settings.CUSTOMS_IMPORT_PARSE_MEMORY_BYTES = 24 * 1024 * 1024
    settings.CUSTOMS_IMPORT_PARSE_TIMEOUT_SECONDS = 5
    status, code, _ = _error(_upload(admin_api, workbook([good_row(n) for n in range(1, 3001)])))
    assert (status, code) == (422, "CUSTOMS_IMPORT_UNSAFE")
    settings.CUSTOMS_IMPORT_PARSE_MEMORY_BYTES = safety.MEMORY_BYTES
    assert _upload(admin_api, workbook([good_row(1)])).status_code == 201


def test_rows_are_read_with_a_hard_limit(admin_api, settings):
    settings.CUSTOMS_IMPORT_MAX_ROWS = 3
    sheet = safety.read_sheet(workbook([good_row(n) for n in range(1, 40)]), max_rows=3)
    assert len(list(sheet.rows)) <= 3 + safety.HEADER_SEARCH_ROWS + 1
    status, code, _ = _error(_upload(admin_api, workbook([good_row(n) for n in range(1, 6)])))
    assert (status, code) == (422, "CUSTOMS_IMPORT_TOO_MANY_ROWS")


def test_a_file_that_is_not_a_zip_is_refused_as_unreadable(admin_api):
    status, code, _ = _error(_upload(admin_api, b"PK\x03\x04 not really a workbook"))
    assert (status, code) == (422, "CUSTOMS_IMPORT_FILE_INVALID")


def test_date_cells_cross_from_the_reader_process_intact(admin_api):
    import datetime as dt

    import openpyxl  # type: ignore[import-untyped]

    from jmt.customs.excel.columns import COLUMNS, header_text
    from jmt.customs.models import ImportRow

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "电子订单"
    sheet.append([header_text(column) for column in COLUMNS])
    sheet.append([good_row(1, ieDate=dt.datetime(2026, 3, 18)).get(column.key) for column in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    response = _upload(admin_api, buffer.getvalue())
    assert response.status_code == 201, response.content
    assert ImportRow.objects.get(order_import_id=response.json()["id"]).data["ieDate"] == "2026-03-18"


def test_the_error_file_falls_back_to_a_rebuilt_sheet_when_marking_fails(admin_api, settings):
    report = _upload(admin_api, workbook([good_row(1, gcode="7116")])).json()
    settings.CUSTOMS_IMPORT_PARSE_MEMORY_BYTES = 16 * 1024 * 1024  # openpyxl cannot even start
    response = admin_api.get(f"/customs/orders/imports/{report['id']}/error-file")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        comments = "".join(archive.read(n).decode() for n in archive.namelist() if "comments" in n)
    assert "HS 编码必须是 10 位数字" in comments
