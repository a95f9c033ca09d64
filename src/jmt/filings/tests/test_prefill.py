"""Every field comes pre-filled from where it already is: the profile, the vault, earlier filings."""

import pytest

from conftest import Api
from jmt.documents.models import Document
from jmt.filings.tests.conftest import accept, approve, complete_missing, make_document, put, start, submit
from jmt.filings.tests.test_graphs import MISSING, signed_forms

pytestmark = pytest.mark.django_db


def test_a_new_filing_is_filled_from_the_merchant_profile(api: Api, merchant_admin, profiled_merchant):
    data = start(api.as_user(merchant_admin), "customs-registration")["data"]
    assert data["name"] == "东海晶莹水晶有限公司"
    assert data["credit_code"] == "91320722MA1XYK1234"
    assert data["name_en"] == "Donghai Jingying Crystal Co., Ltd."
    assert data["legal_person_id_number"] == "320722199001011234"
    assert data["contact_phone"] == "13800000003"


def test_licence_and_id_card_come_from_the_vault(api: Api, merchant_admin, profiled_merchant):
    data = start(api.as_user(merchant_admin), "customs-registration")["data"]
    licence = Document.objects.get(merchant=profiled_merchant, kind="business_licence")
    assert data["licence_document"] == licence.pk
    assert data["id_card_front_document"] == Document.objects.get(merchant=profiled_merchant, kind="id_card_front").pk


def test_the_profiles_own_evidence_document_wins_over_a_newer_upload(api: Api, merchant_admin, profiled_merchant):
    confirmed = Document.objects.get(merchant=profiled_merchant, kind="business_licence")
    profiled_merchant.licence_document = confirmed
    profiled_merchant.save()
    make_document(profiled_merchant, "business_licence")  # newer, not confirmed
    data = start(api.as_user(merchant_admin), "dxp-id")["data"]
    assert data["licence_document"] == confirmed.pk


def test_the_page_says_where_each_prefilled_value_came_from(api: Api, merchant_admin, profiled_merchant):
    page = api.as_user(merchant_admin).get("/filings/types/customs-registration").json()
    assert page["filing"] is None
    assert page["origins"]["name"] == "企业资料"
    assert page["origins"]["licence_document"] == "我的资料"
    assert page["prefill"]["unit_type"] == "进出口货物收发货人"  # a choice starts on its first option


def test_a_completed_filings_number_fills_the_later_filings(api: Api, merchant_admin, reviewer, profiled_merchant):
    me, staff = api.as_user(merchant_admin), api.as_user(reviewer)
    d2 = start(me, "customs-registration")
    complete_missing(
        me, d2, {**MISSING["customs-registration"], **signed_forms(profiled_merchant, "customs-registration")}
    )
    submit(me, d2["id"])
    accept(staff, d2)
    approve(staff, d2["id"], {"customs_code": "3207960ABC"})
    d4 = start(me, "dxp-id")
    assert d4["data"]["customs_code"] == "3207960ABC"
    assert d4["origins"]["customs_code"] == "海关企业注册登记"


def test_a_document_of_another_merchant_cannot_be_picked(
    api: Api, merchant_admin, profiled_merchant, other_merchant_user
):
    me = api.as_user(merchant_admin)
    filing = start(me, "dxp-id")
    foreign = make_document(other_merchant_user.current_merchant, "other")
    response = put(me, f"/filings/filings/{filing['id']}", {"values": {"application_document": foreign.pk}})
    assert response.status_code == 422
    assert response.json()["details"]["fields"]["application_document"] == "所选文件不存在，或不属于本商户"


def test_a_bad_format_is_refused_field_by_field_and_nothing_is_saved(api: Api, merchant_admin, profiled_merchant):
    me = api.as_user(merchant_admin)
    filing = start(me, "customs-registration")
    response = put(
        me, f"/filings/filings/{filing['id']}", {"values": {"postcode": "22", "contact_email": "x", "region": "东海县"}}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "FILING_INVALID"
    assert body["details"]["fields"] == {
        "postcode": "邮政编码应为 6 位数字",
        "contact_email": "请填写正确的邮箱，例如 name@example.com",
    }
    assert "region" not in me.get(f"/filings/filings/{filing['id']}").json()["data"]
