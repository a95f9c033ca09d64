import csv
import io
import re
import zipfile
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from jmt.accounts.models import User
from jmt.audit.models import OperationLog
from jmt.audit.tests.conftest import make_log
from jmt.downloads.models import Download
from jmt.downloads.tests.helpers import ask_export, export_file

pytestmark = pytest.mark.django_db

SH = ZoneInfo("Asia/Shanghai")


PATH = "/admin/audit/operation-logs/export"


def csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "UTF-8 with a BOM, so Excel reads the Chinese"
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(data: bytes, width: int = 10) -> list[list[str]]:
    """The first sheet's cells (XlsxWriter writes inline strings in constant-memory mode; empty cells not at all)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    rows = []
    for row in re.findall(r"<row [^>]*>(.*?)</row>", sheet):
        cells = [""] * width
        for column, cell in re.findall(r'<c r="([A-Z]+)\d+"[^>]*>(.*?)</c>', row):
            cells[ord(column) - ord("A")] = re.sub(r"<[^>]+>", "", cell)
        rows.append(cells)
    return rows


@pytest.fixture
def lin(db):
    return User.objects.create_user(username="13800000001", phone="13800000001", name="林晶莹")


def test_the_csv_export_has_a_chinese_header_and_readable_rows(admin_api, lin, superadmin):
    make_log(
        actor=lin,
        impersonator=superadmin,
        created_at=datetime(2026, 3, 1, 9, 30, tzinfo=SH),
        changes={"name": ["旧名", "新名"]},
    )
    header, row = csv_rows(export_file(admin_api, PATH, format="csv"))
    assert Download.objects.get().file_name.startswith("操作日志-")
    assert Download.objects.get().file_name.endswith(".csv")
    assert header == ["编号", "时间", "账号", "代操作人", "模块", "操作", "对象", "改动内容", "IP", "浏览器标识"]
    assert row[1:] == [
        "2026-03-01 09:30:00",
        "林晶莹（13800000001）",
        "超级管理员（root）",
        "商户",
        "修改",
        "东海晶莹水晶",
        "商户名称：旧名 → 新名",
        "10.0.0.8",
        "Mozilla/5.0 Test",
    ]


def test_the_export_follows_the_list_filters(admin_api, lin):
    make_log(actor=lin, module="accounts", action="register")
    make_log(actor=lin, module="merchants")
    make_log(actor=None, module="merchants")
    rows = csv_rows(export_file(admin_api, PATH, format="csv", module="merchants", actor="林"))
    assert len(rows) == 2
    assert rows[1][2] == "林晶莹（13800000001）"


def test_the_export_of_selected_rows_holds_only_those(admin_api, lin):
    chosen = [make_log(actor=lin).pk for _ in range(3)]
    make_log(actor=lin)
    rows = csv_rows(export_file(admin_api, PATH, format="csv", ids=f"{chosen[0]},{chosen[2]}"))
    assert sorted(int(r[0]) for r in rows[1:]) == [chosen[0], chosen[2]]


def test_selected_ids_must_be_numbers(admin_api):
    response = ask_export(admin_api, PATH, format="csv", ids="1,abc")
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"ids": "请用英文逗号分隔记录编号"}


def test_a_cell_that_would_run_as_a_spreadsheet_formula_is_defused(admin_api):
    make_log(object_repr='=HYPERLINK("http://evil")')
    rows = csv_rows(export_file(admin_api, PATH, format="csv"))
    assert rows[1][6] == '\'=HYPERLINK("http://evil")'


@pytest.mark.parametrize("value", ["=1+1", "+1+1", "-1+1", "@SUM(1,1)"], ids=["equals", "plus", "minus", "at"])
def test_every_formula_prefix_is_kept_safe_in_both_export_formats(admin_api, value):
    make_log(object_repr=value)
    assert csv_rows(export_file(admin_api, PATH, format="csv"))[1][6] == "'" + value
    data = export_file(admin_api, PATH, format="xlsx")
    assert value in [row[6] for row in xlsx_rows(data)[1:]]  # after the CSV export's own log line
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()


def test_the_excel_export_is_a_workbook_with_the_same_rows(admin_api, lin):
    make_log(actor=lin, created_at=datetime(2026, 3, 1, 9, 30, tzinfo=SH))
    make_log(actor=None, created_at=datetime(2026, 3, 2, 9, 30, tzinfo=SH), object_repr="=1+1")
    data = export_file(admin_api, PATH, format="xlsx")
    rows = xlsx_rows(data)
    assert rows[0][:3] == ["编号", "时间", "账号"]
    assert [r[1] for r in rows[1:]] == ["2026-03-02 09:30:00", "2026-03-01 09:30:00"]
    assert rows[1][2] == "系统"
    assert rows[1][6] == "=1+1"  # written as a string cell, never as a formula
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()


def test_an_export_with_no_matching_rows_still_has_its_header(admin_api):
    rows = xlsx_rows(export_file(admin_api, PATH, format="xlsx", module="nothing"))
    assert rows == [["编号", "时间", "账号", "代操作人", "模块", "操作", "对象", "改动内容", "IP", "浏览器标识"]]


def test_an_export_is_itself_recorded_and_left_out_of_its_own_file(admin_api, superadmin):
    make_log()
    rows = csv_rows(export_file(admin_api, PATH, format="csv", module="merchants"))
    entry = OperationLog.objects.get(action="export")
    assert entry.actor == superadmin
    assert entry.changes == {"format": [None, "csv"], "filters": [None, {"module": "merchants"}]}
    assert len(rows) == 2


def test_an_unknown_format_is_refused(admin_api):
    response = ask_export(admin_api, PATH, format="pdf")
    assert response.status_code == 422
    assert not Download.objects.exists()


def test_a_staff_account_without_the_log_permission_cannot_export(api, staff_without_logs):
    response = ask_export(api.as_user(staff_without_logs), PATH, format="csv")
    assert response.status_code == 403
    assert not OperationLog.objects.filter(action="export").exists()
    assert not Download.objects.exists()
