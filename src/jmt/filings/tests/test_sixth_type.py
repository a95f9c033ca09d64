"""A made-up sixth filing type is one declaration: the same endpoints, pages' data, queue, notices,
guide and templates serve it, and it is stored in the same table."""

from collections.abc import Iterator

import pytest

from conftest import Api
from jmt.documents.models import Document
from jmt.filings import registry
from jmt.filings.models import Filing
from jmt.filings.spec import FieldSpec, FilingType, ResultSpec, Section, TemplateSpec
from jmt.filings.tests.conftest import accept, approve, put
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db

TAX_RECORD = FilingType(
    key="tax-record",
    feature="D8",
    label="出口退（免）税备案",
    order=60,
    purpose="在主管税务机关办理出口退（免）税备案。",
    why_export="办理出口退税前必须完成退（免）税备案。",
    authority="主管税务机关（电子税务局）",
    duration="约 2 个工作日",
    steps=("核对信息", "捷晶审核", "税务机关备案"),
    requires=("customs-registration",),
    item="enterprise-record",  # uses an existing catalog item's permission codes
    sections=(
        Section(
            "备案信息",
            (
                FieldSpec("name", "企业名称", source="profile.name"),
                FieldSpec("bank_account", "退税账户", source="profile.bank_account"),
                FieldSpec("refund_method", "退税办法", type="choice", choices=("免抵退", "免退")),
                FieldSpec("licence_document", "营业执照", type="document", source="vault.business_licence"),
            ),
        ),
    ),
    results=(ResultSpec("tax_record_no", "备案编号", pattern=r"^\d{6,20}$", pattern_help="6–20 位数字"),),
    templates=(TemplateSpec("form", "退（免）税备案表", "enterprise_record_form.json"),),
)


@pytest.fixture
def sixth_type() -> Iterator[FilingType]:
    registry.register(TAX_RECORD)
    yield TAX_RECORD
    registry.unregister(TAX_RECORD.key)


def test_a_sixth_type_walks_end_to_end_on_the_generic_endpoints(
    api: Api, merchant_admin, reviewer, profiled_merchant, sixth_type
):
    profiled_merchant.bank_account = "6222000011112222"
    profiled_merchant.save()
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)

    page = me.get("/filings/types/tax-record").json()
    assert page["type"]["label"] == "出口退（免）税备案"
    assert page["prefill"]["bank_account"] == "6222000011112222"
    assert any(s["key"] == "tax-record" for s in me.get("/filings/guide").json()["steps"])

    filing = me.post("/filings/filings", {"type": "tax-record"}).json()
    licence = Document.objects.get(merchant=profiled_merchant, kind="business_licence")
    assert filing["data"]["licence_document"] == licence.pk
    assert put(me, f"/filings/filings/{filing['id']}", {"values": {"refund_method": "免退"}}).status_code == 200
    assert me.post(f"/filings/filings/{filing['id']}/submit").json()["state"] == "reviewing"

    queue = staff.get("/admin/filings/filings", type="tax-record").json()
    assert [row["id"] for row in queue["items"]] == [filing["id"]]
    accept(staff, filing)
    done = approve(staff, filing["id"], {"tax_record_no": "320700123456"})
    assert done["state"] == "completed"
    assert done["results"] == [{"name": "tax_record_no", "label": "备案编号", "value": "320700123456"}]

    template = me.get("/filings/types/tax-record/templates/form")
    assert template.status_code == 200
    titles = set(Message.objects.filter(recipient=merchant_admin).values_list("title", flat=True))
    assert "出口退（免）税备案「东海晶莹水晶有限公司」已办结" in titles
    assert Filing.objects.filter(filing_type="tax-record").count() == 1


def test_unregistering_the_sixth_type_removes_it_from_the_guide(api: Api, merchant_admin, profiled_merchant):
    keys = [s["key"] for s in api.as_user(merchant_admin).get("/filings/guide").json()["steps"]]
    assert "tax-record" not in keys
