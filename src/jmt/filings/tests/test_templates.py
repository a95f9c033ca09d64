"""Material templates: xlsx rendered from the JSON layouts in the repository, pre-filled."""

import io
from urllib.parse import quote

import docx
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


def paragraphs(content: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]


def test_a_letter_template_downloads_as_docx_with_a_chinese_filename(api: Api, merchant_admin, profiled_merchant):
    response = api.as_user(merchant_admin).get("/filings/types/eport-card/templates/authorisation")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == f"attachment; filename*=UTF-8''{quote('授权委托书')}.docx"


def test_a_docx_template_opens_in_word_and_is_pre_filled_from_the_profile(api: Api, merchant_admin, profiled_merchant):
    lines = paragraphs(api.as_user(merchant_admin).get("/filings/types/eport-card/templates/authorisation").content)
    assert lines[0] == "授权委托书"
    assert "企业名称：东海晶莹水晶有限公司" in lines
    assert "统一社会信用代码：91320722MA1XYK1234" in lines
    assert "法定代表人：林晶莹" in lines


def test_a_docx_template_follows_the_filings_current_values(api: Api, merchant_admin, profiled_merchant):
    me = api.as_user(merchant_admin)
    filing = start(me, "dxp-id")
    put(me, f"/filings/filings/{filing['id']}", {"values": {"customs_code": "3207960ABC"}})
    lines = paragraphs(me.get("/filings/types/dxp-id/templates/commitment").content)
    assert "海关注册编码：3207960ABC" in lines
    assert "一、仅通过申请的接入方式传输本企业的跨境电商业务报文" in lines


def test_the_type_page_tells_each_templates_format(api: Api, merchant_admin, profiled_merchant):
    templates = api.as_user(merchant_admin).get("/filings/types/dxp-id").json()["type"]["templates"]
    assert [(t["key"], t["format"]) for t in templates] == [("application", "xlsx"), ("commitment", "docx")]


def test_an_unknown_template_is_a_404_with_a_code(api: Api, merchant_admin, profiled_merchant):
    response = api.as_user(merchant_admin).get("/filings/types/dxp-id/templates/nope")
    assert response.status_code == 404
    assert response.json()["code"] == "FILING_TEMPLATE_UNKNOWN"
