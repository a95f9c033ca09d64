"""水晶行业专项 over HTTP: hints edited in the back office, the assistant, templates and reminders."""

import io
import json

import docx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from conftest import make_role, make_staff, queries_of
from jmt.audit.models import OperationLog
from jmt.crystal.models import CrystalHint
from jmt.customs.models import ImportRow, OrderImport
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.merchants.models import Membership

pytestmark = pytest.mark.django_db


def put(api, user, path, body):
    client = api.as_user(user)
    return client.client.put(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {client.token}"},
    )


def make_import(merchant, rows):
    order_import = OrderImport.objects.create(merchant=merchant, file_name="订单.xlsx", sha256="0" * 64)
    for n, (gcode, gmodel) in enumerate(rows, start=2):
        ImportRow.objects.create(order_import=order_import, row_no=n, data={"gcode": gcode, "gmodel": gmodel})
    return order_import


def test_merchants_see_the_default_hints_with_their_places(api, merchant_admin):
    hints = {h["key"]: h for h in api.as_user(merchant_admin).get("/crystal/hints").json()}
    assert {"fragile", "invoice", "culture"} <= set(hints)
    assert {"place": "shipment_goods", "field": "goods", "label": "发货单货品 · 货品"} in hints["fragile"]["placements"]


def test_a_hint_edited_in_the_back_office_is_what_merchants_see_and_is_audited(api, superadmin, merchant_admin):
    response = put(
        api, superadmin, "/admin/crystal/hints/fragile", {"title": "易碎品", "body": "新文案", "enabled": True}
    )
    assert response.status_code == 200
    assert response.json()["edited"] is True
    shown = {h["key"]: h for h in api.as_user(merchant_admin).get("/crystal/hints").json()}
    assert shown["fragile"]["body"] == "新文案"
    log = OperationLog.objects.get(action="crystal_hint_update")
    assert log.changes["body"][1] == "新文案"


def test_a_hidden_hint_is_not_shown_to_merchants(api, superadmin, merchant_admin):
    put(api, superadmin, "/admin/crystal/hints/culture", {"title": "文化属性说明", "body": "x", "enabled": False})
    assert "culture" not in {h["key"] for h in api.as_user(merchant_admin).get("/crystal/hints").json()}


def test_an_empty_hint_is_refused_in_chinese_and_nothing_is_written(api, superadmin):
    response = put(api, superadmin, "/admin/crystal/hints/invoice", {"title": " ", "body": "", "enabled": True})
    assert response.status_code == 422
    assert response.json()["code"] == "CRYSTAL_HINT_INVALID"
    assert response.json()["details"]["fields"] == {"title": "请填写标题", "body": "请填写提示文案"}
    assert not CrystalHint.objects.exists()
    assert not OperationLog.objects.filter(action="crystal_hint_update").exists()


def test_an_unknown_hint_is_404(api, superadmin):
    response = put(api, superadmin, "/admin/crystal/hints/nope", {"title": "a", "body": "b", "enabled": True})
    assert response.status_code == 404
    assert response.json()["code"] == "CRYSTAL_HINT_UNKNOWN"


def test_staff_with_view_only_cannot_edit_hints(api):
    reader = make_staff("yunying", roles=[make_role("运营", ["content:crystal:view"])])
    assert api.as_user(reader).get("/admin/crystal/hints").status_code == 200
    response = put(api, reader, "/admin/crystal/hints/fragile", {"title": "a", "body": "b", "enabled": True})
    assert response.status_code == 403


def test_merchant_users_cannot_reach_the_hint_editor(api, merchant_admin):
    assert api.as_user(merchant_admin).get("/admin/crystal/hints").status_code == 404


def test_the_assistant_answers_a_member_too(api, merchant_member):
    response = api.as_user(merchant_member).get(
        "/crystal/assistant/advice", material="natural", working="article", kind="bracelet"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["declared_name"] == "天然水晶手链"
    assert body["candidates"][0]["code"] == "7116200000"
    assert body["candidates"][0]["gmodel_example"].startswith("天然水晶手链|无品牌|")


def test_an_unknown_answer_is_a_validation_error(api, merchant_admin):
    response = api.as_user(merchant_admin).get("/crystal/assistant/advice", material="plastic", working="rough")
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_the_invoice_template_is_prefilled_from_the_merchant_profile(api, merchant_admin, crystal_merchant):
    crystal_merchant.name_en = "Donghai Jingying Crystal Co., Ltd."
    crystal_merchant.save()
    response = api.as_user(merchant_admin).get("/crystal/templates/commercial_invoice")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "东海晶莹水晶" in cells
    assert "Donghai Jingying Crystal Co., Ltd." in cells


def test_the_elements_sheet_carries_the_assistants_answer(api, merchant_admin):
    response = api.as_user(merchant_admin).get(
        "/crystal/templates/declaration_elements", material="natural", working="article", kind="ball"
    )
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "天然水晶球" in text
    assert "7116200000" in text
    assert [row.cells[1].text for row in document.tables[0].rows][1:] == [
        "品名", "品牌类型", "出口享惠情况", "种类", "材质", "GTIN", "CAS", "其他"
    ]  # fmt: skip


def test_an_unknown_template_is_404(api, merchant_admin):
    response = api.as_user(merchant_admin).get("/crystal/templates/nope")
    assert response.status_code == 404
    assert response.json()["code"] == "CRYSTAL_TEMPLATE_UNKNOWN"


def test_an_import_with_7116_goods_reminds_of_the_declaration_elements(api, merchant_admin, crystal_merchant):
    order_import = make_import(
        crystal_merchant,
        [("7116200000", "手链|半宝石|天然紫水晶|无品牌"), ("7116200000", "|".join("x" * 8)), ("6911101000", "")],
    )
    [reminder] = api.as_user(merchant_admin).get(f"/crystal/reminders/imports/{order_import.pk}").json()
    assert reminder["key"] == "7116"
    assert reminder["elements"][:3] == ["品名", "品牌类型", "出口享惠情况"]
    assert (reminder["lines"], reminder["incomplete_count"], reminder["incomplete"]) == (2, 1, ["第 2 行"])


def test_an_import_without_crystal_codes_has_no_reminder(api, merchant_admin, crystal_merchant):
    order_import = make_import(crystal_merchant, [("6911101000", "")])
    assert api.as_user(merchant_admin).get(f"/crystal/reminders/imports/{order_import.pk}").json() == []


def test_another_merchants_import_is_404(api, other_merchant_user, crystal_merchant):
    order_import = make_import(crystal_merchant, [("7116200000", "")])
    other = Membership.objects.get(user=other_merchant_user).merchant
    other.registration_status = "approved"
    other.save()
    assert api.as_user(other_merchant_user).get(f"/crystal/reminders/imports/{order_import.pk}").status_code == 404


def test_a_batch_with_7116_goods_reminds_of_the_elements(api, merchant_admin, crystal_merchant):
    batch = make_batch(crystal_merchant)
    make_shipment(batch)
    [reminder] = api.as_user(merchant_admin).get(f"/crystal/reminders/batches/{batch.pk}").json()
    assert reminder["key"] == "7116"
    assert reminder["codes"] == ["7116200000"]
    assert reminder["incomplete_count"] == 1


def test_batch_reminders_and_hints_cost_the_same_queries_however_many_lines_and_editors(
    api, superadmin, merchant_admin, crystal_merchant
):
    me = api.as_user(merchant_admin)
    batch = make_batch(crystal_merchant)
    make_shipment(batch)
    put(api, superadmin, "/admin/crystal/hints/fragile", {"title": "易碎品", "body": "包好", "enabled": True})
    few = (
        queries_of(lambda: me.get(f"/crystal/reminders/batches/{batch.pk}")),
        queries_of(lambda: me.get("/crystal/hints")),
    )
    for _ in range(6):
        make_shipment(batch)
    for index, key in enumerate(("invoice", "culture", "elements")):
        editor = make_staff(
            f"yunying{index}", roles=[make_role(f"运营{index}", ["content:crystal:edit"], data_scope="all_write")]
        )
        put(api, editor, f"/admin/crystal/hints/{key}", {"title": f"提示{index}", "body": "改过", "enabled": True})
    many = (
        queries_of(lambda: me.get(f"/crystal/reminders/batches/{batch.pk}")),
        queries_of(lambda: me.get("/crystal/hints")),
    )
    assert many == few
    [reminder] = me.get(f"/crystal/reminders/batches/{batch.pk}").json()
    assert reminder["lines"] == 7


def test_another_merchants_batch_is_404(api, other_merchant_user, crystal_merchant):
    batch = make_batch(crystal_merchant)
    other = Membership.objects.get(user=other_merchant_user).merchant
    other.registration_status = "approved"
    other.save()
    assert api.as_user(other_merchant_user).get(f"/crystal/reminders/batches/{batch.pk}").status_code == 404
