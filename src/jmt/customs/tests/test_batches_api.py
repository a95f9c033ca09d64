"""Batches (C1): pre-filled creation, Chinese validation, the 简化申报 warning, locking, submission
guarded by the 点点通 configuration, the progress overview; scoped and guarded."""

from __future__ import annotations

import json

import pytest

from jmt.audit.models import OperationLog
from jmt.customs.models import Batch, BatchStatus, CheckStatus, DocStatus, Inventory, Order, Outbox
from jmt.customs.tests.factories import make_batch, make_gateway_config, make_shipment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


@pytest.fixture
def configured(crystal_merchant):
    return make_gateway_config(crystal_merchant, ebp_code="3207960P01", ebp_name="东海水晶跨境商城")


def patch(api, path, body):
    return api.client.patch(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


def test_a_new_batch_is_pre_filled_from_the_gateway_configuration(admin_api, configured):
    defaults = admin_api.get("/customs/batches/defaults").json()
    values = defaults["values"]
    assert values["ebc_code"] == "3207960A01"
    assert values["agent_name"] == "连云港捷晶报关有限公司"
    assert (values["customs_code"], values["port_code"], values["dxp_id"]) == ("2305", "2305", "DXPENT0000012345")
    assert values["cop_code"] == values["agent_code"]
    assert values["statistics_flag"] == "B"
    flags = {f["value"]: f for f in defaults["statistics_flags"]}
    assert "不能办理出口退税" in flags["A"]["warning"]
    assert flags["B"]["warning"] == ""
    assert {"value": "5", "label": "5 航空运输", "warning": ""} in defaults["traf_modes"]
    assert defaults["gateway"]["ready"] is True

    created = admin_api.post("/customs/batches", {"name": "2026年3月 第1批"})
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["ebc_code"], body["ebp_code"], body["dxp_id"]) == ("3207960A01", "3207960P01", "DXPENT0000012345")
    assert body["traf_mode_label"] == "航空运输"
    assert body["statistics_flag_warning"] == ""
    batch = Batch.objects.get(pk=body["id"])
    assert batch.created_by is not None
    assert OperationLog.objects.filter(action="batch_create", object_id=str(batch.pk)).exists()


def test_choosing_simplified_declaration_carries_the_tax_refund_warning(admin_api, configured):
    body = admin_api.post("/customs/batches", {"name": "简化申报批次", "statistics_flag": "A"}).json()
    assert body["statistics_flag"] == "A"
    assert body["statistics_flag_warning"] == "简化申报（A）的出口货物不能办理出口退税；需要退税请选择汇总申报（B）"


def test_wrong_codes_are_refused_field_by_field_in_chinese(admin_api, configured):
    response = admin_api.post(
        "/customs/batches",
        {"name": "坏批次", "customs_code": "23A", "port_code": "23", "traf_mode": "7", "ebc_code": "12345"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    fields = response.json()["details"]["fields"]
    assert fields["customs_code"] == "申报地海关代码应为 4 位数字，如 2305"
    assert fields["port_code"] == "出口口岸代码应为 4 位代码，如 2305"
    assert fields["traf_mode"] == "运输方式不在海关运输方式代码表中"
    assert "10 位海关编码" in fields["ebc_code"]
    assert not Batch.objects.exists()


def test_without_configuration_the_merchant_must_type_the_codes(admin_api):
    response = admin_api.post("/customs/batches", {"name": "第一批"})
    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert fields["dxp_id"] == "请填写DXP ID"
    assert fields["agent_code"] == "请填写申报企业代码"


def test_submitting_is_refused_with_what_to_fix_until_the_gateway_passes(admin_api, crystal_merchant):
    batch = make_batch(crystal_merchant, gateway=False)
    make_shipment(batch)
    missing = admin_api.post(f"/customs/batches/{batch.pk}/submit")
    assert (missing.status_code, missing.json()["code"]) == (409, "CUSTOMS_GATEWAY_NOT_CONFIGURED")
    assert "请联系捷晶管理员配置点点通接口" in missing.json()["message"]
    detail = admin_api.get(f"/customs/batches/{batch.pk}").json()
    assert detail["gateway"]["ready"] is False
    config = make_gateway_config(
        crystal_merchant, check_status=CheckStatus.FAILED, check_message="凭证无效：App Secret 错误"
    )
    failing = admin_api.post(f"/customs/batches/{batch.pk}/submit")
    assert (failing.status_code, failing.json()["code"]) == (409, "CUSTOMS_GATEWAY_CHECK_FAILED")
    assert failing.json()["message"] == "点点通接口检测未通过：凭证无效：App Secret 错误，请联系捷晶管理员"
    assert Outbox.objects.count() == 0
    config.check_status = CheckStatus.OK
    config.save()
    submitted = admin_api.post(f"/customs/batches/{batch.pk}/submit")
    assert submitted.status_code == 200
    assert submitted.json() == {"messages": 2, "documents": 2}
    batch.refresh_from_db()
    assert batch.state == BatchStatus.DECLARED


def test_an_empty_batch_cannot_be_submitted(admin_api, configured, crystal_merchant):
    batch = make_batch(crystal_merchant)
    response = admin_api.post(f"/customs/batches/{batch.pk}/submit")
    assert (response.status_code, response.json()["code"]) == (409, "CUSTOMS_BATCH_EMPTY")
    assert "电子订单报送" in response.json()["message"]


def test_declaration_fields_lock_once_the_batch_has_orders_but_the_name_stays_editable(admin_api, crystal_merchant):
    batch = make_batch(crystal_merchant)
    ok = patch(admin_api, f"/customs/batches/{batch.pk}", {"port_code": "2306", "statistics_flag": "A"})
    assert ok.status_code == 200
    assert (ok.json()["port_code"], ok.json()["statistics_flag_warning"] != "") == ("2306", True)
    make_shipment(batch)
    locked = patch(admin_api, f"/customs/batches/{batch.pk}", {"port_code": "2307"})
    assert (locked.status_code, locked.json()["code"]) == (409, "CUSTOMS_BATCH_LOCKED")
    renamed = patch(admin_api, f"/customs/batches/{batch.pk}", {"name": "三月第一批（改名）"})
    assert renamed.status_code == 200
    assert renamed.json()["locked"] is True
    assert OperationLog.objects.filter(action="batch_update").count() == 2


def test_the_overview_counts_each_batchs_documents_and_progress(admin_api, crystal_merchant):
    first = make_batch(crystal_merchant, name="一批")
    second = make_batch(crystal_merchant, name="二批")
    for _ in range(3):
        make_shipment(first)
    make_shipment(second)
    Order.objects.filter(batch=first).update(status=DocStatus.STORED)
    inventories = list(Inventory.objects.filter(batch=first).order_by("pk"))
    Inventory.objects.filter(pk=inventories[0].pk).update(status=DocStatus.CLOSED)
    Inventory.objects.filter(pk=inventories[1].pk).update(status=DocStatus.RELEASED)
    Inventory.objects.filter(pk=inventories[2].pk).update(status=DocStatus.REJECTED)
    overview = admin_api.get("/customs/batches/overview").json()
    boards = {b["batch"]["name"]: b for b in overview["batches"]}
    one = boards["一批"]
    assert one["orders"]["approved"] == 3
    assert one["inventories"]["released"] == 2
    assert one["closed"] == 1
    assert one["needs_attention"] == 1
    assert one["progress"] == round(100 * (3 + 2) / 9)
    assert boards["二批"]["progress"] == 0
    assert overview["totals"]["batches"] == 2
    assert overview["totals"]["orders"] == 4
    assert overview["gateway"]["ready"] is True
    listing = admin_api.get("/customs/batches", page_size=1).json()
    assert (listing["total"], len(listing["items"])) == (2, 1)


def test_another_merchants_batch_is_not_found_and_the_member_only_reads(
    api, other_batch, merchant_member, crystal_merchant
):
    member = api.as_user(merchant_member)
    assert member.get(f"/customs/batches/{other_batch.pk}").status_code == 404
    mine = make_batch(crystal_merchant)
    assert member.get(f"/customs/batches/{mine.pk}").status_code == 200
    refused = member.post("/customs/batches", {"name": "成员不能建"})
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    assert member.post(f"/customs/batches/{mine.pk}/submit").status_code == 403


def test_batch_and_gateway_acts_have_chinese_names_in_the_log():
    from jmt.audit import labels

    assert labels.action_label("batch_create") == "新建批次"
    assert labels.action_label("gateway_config_update") == "修改点点通配置"
