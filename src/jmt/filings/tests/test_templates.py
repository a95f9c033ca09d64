"""Material templates: xlsx rendered from the JSON layouts in the repository, pre-filled."""

import io

import pytest
from python_calamine import CalamineWorkbook

from conftest import Api
from jmt.filings import materials, registry
from jmt.filings.tests.conftest import put, start

pytestmark = pytest.mark.django_db


def cells(content: bytes) -> dict[str, str]:
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    return {str(r[0]): str(r[1]) for r in rows if len(r) > 1 and r[0]}


def test_every_declared_template_file_exists_and_names_only_real_fields():
    for ft in registry.all_types():
        for spec in ft.templates:
            layout = materials.load(spec.file)
            for row in layout["rows"]:
                if "field" in row:
                    assert ft.field(row["field"]) is not None, (ft.key, row["field"])


def test_a_template_before_starting_is_filled_from_the_profile(api: Api, merchant_admin, profiled_merchant):
    response = api.as_user(merchant_admin).get("/filings/types/customs-registration/templates/record-form")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    values = cells(response.content)
    assert values["统一社会信用代码"] == "91320722MA1XYK1234"
    assert values["企业中文名称"] == "东海晶莹水晶有限公司"


def test_a_template_follows_the_filings_current_values(api: Api, merchant_admin, profiled_merchant):
    me = api.as_user(merchant_admin)
    filing = start(me, "dxp-id")
    put(me, f"/filings/filings/{filing['id']}", {"values": {"transport": "AS2", "server_ip": "10.0.0.8"}})
    values = cells(me.get("/filings/types/dxp-id/templates/application").content)
    assert (values["传输方式"], values["接入服务器 IP"]) == ("AS2", "10.0.0.8")


def test_an_unknown_template_is_a_404_with_a_code(api: Api, merchant_admin, profiled_merchant):
    response = api.as_user(merchant_admin).get("/filings/types/dxp-id/templates/nope")
    assert response.status_code == 404
    assert response.json()["code"] == "FILING_TEMPLATE_UNKNOWN"
