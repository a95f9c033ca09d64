"""The profile rules of ``jmt.merchants.profile``: validation, the licence lock after approval, the
staff-only CCB sub-account, one audit entry per write."""

import pytest

from jmt.accounts.selectors import build_actor
from jmt.audit.models import OperationLog
from jmt.core.errors import ApiError
from jmt.documents.models import Document, DocumentKind
from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.merchants.profile import LICENCE, STAFF_ONLY, editable_fields, profile_update, profile_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_merchant(other_merchant_user):
    return other_merchant_user.current_merchant


def refused(callable_, **kwargs):
    with pytest.raises(ApiError) as error:
        callable_(**kwargs)
    return error.value


def test_before_approval_the_admin_may_change_licence_fields_but_not_the_ccb_sub_account(new_merchant):
    fields = editable_fields(new_merchant, staff=False)
    assert fields >= LICENCE
    assert not (STAFF_ONLY & fields)


def test_after_approval_licence_fields_are_the_back_offices(crystal_merchant):
    fields = editable_fields(crystal_merchant, staff=False)
    assert not (LICENCE & fields)
    assert {"name_en", "address_en", "contact_name", "bank_account"} <= fields
    assert editable_fields(crystal_merchant, staff=True) >= LICENCE | STAFF_ONLY


def test_a_locked_field_is_refused_with_the_contact_hint(merchant_admin, crystal_merchant):
    error = refused(
        profile_update,
        actor=build_actor(merchant_admin),
        merchant=crystal_merchant,
        changes={"name": "改个名字", "name_en": "Fine"},
    )
    assert (error.status, error.code) == (403, "MERCHANT_PROFILE_LOCKED")
    assert error.details["fields"] == {"name": "如需修改请联系捷晶管理员"}
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.name == "东海晶莹水晶"
    assert crystal_merchant.name_en == ""  # all or nothing


def test_the_ccb_sub_account_is_refused_to_the_merchant_and_written_by_staff(
    merchant_admin, crystal_merchant, superadmin
):
    error = refused(
        profile_update,
        actor=build_actor(merchant_admin),
        merchant=crystal_merchant,
        changes={"ccb_sub_account": "6217000000000001"},
    )
    assert error.code == "MERCHANT_PROFILE_STAFF_ONLY"
    profile_update(
        actor=build_actor(superadmin),
        merchant=crystal_merchant,
        changes={"ccb_sub_account": "6217000000000001", "name": "东海晶莹水晶有限公司"},
        staff=True,
    )
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.ccb_sub_account == "6217000000000001"
    assert crystal_merchant.name == "东海晶莹水晶有限公司"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("credit_code", "1234", "统一社会信用代码应为 18 位数字或大写字母"),
        ("legal_person_id_number", "12345", "身份证号应为 18 位，最后一位可为 X"),
        ("merchant_type", "partnership", "企业类型只能是个体工商户或有限公司"),
        ("established_on", "去年春天", "成立日期格式应为 2020-01-31"),
        ("contact_name", "很" * 65, "不能超过 64 个字"),
    ],
)
def test_invalid_values_are_refused_field_by_field_in_chinese(other_merchant_user, new_merchant, field, value, message):
    error = refused(
        profile_update, actor=build_actor(other_merchant_user), merchant=new_merchant, changes={field: value}
    )
    assert (error.status, error.code) == (422, "MERCHANT_PROFILE_INVALID")
    assert error.details["fields"] == {field: message}


def test_values_are_normalised_and_dates_read_in_chinese_formats(other_merchant_user, new_merchant):
    merchant = profile_update(
        actor=build_actor(other_merchant_user),
        merchant=new_merchant,
        changes={
            "credit_code": "91320722mA1xxxxx0x".upper(),
            "established_on": "2019年3月8日",
            "name_en": "  Lianyungang Crystal  ",
        },
    )
    values = profile_values(merchant)
    assert values["established_on"] == "2019-03-08"
    assert values["name_en"] == "Lianyungang Crystal"


def test_an_unknown_field_is_refused_by_name(other_merchant_user, new_merchant):
    error = refused(
        profile_update,
        actor=build_actor(other_merchant_user),
        merchant=new_merchant,
        changes={"registration_status": "approved"},
    )
    assert error.code == "MERCHANT_PROFILE_UNKNOWN_FIELD"
    new_merchant.refresh_from_db()
    assert new_merchant.registration_status == RegistrationStatus.NOT_STARTED


def test_a_document_of_another_merchant_or_the_wrong_kind_is_refused(
    other_merchant_user, new_merchant, crystal_merchant
):
    foreign = Document.objects.create(
        merchant=crystal_merchant,
        kind=DocumentKind.BUSINESS_LICENCE,
        original_name="a.pdf",
        content_type="application/pdf",
        size=1,
        sha256="x",
        storage_path="a",
    )
    wrong_kind = Document.objects.create(
        merchant=new_merchant,
        kind=DocumentKind.BANK_PERMIT,
        original_name="b.pdf",
        content_type="application/pdf",
        size=1,
        sha256="y",
        storage_path="b",
    )
    error = refused(
        profile_update,
        actor=build_actor(other_merchant_user),
        merchant=new_merchant,
        changes={"licence_document": foreign.pk, "id_card_front_document": wrong_kind.pk},
    )
    assert error.details["fields"] == {
        "licence_document": "所选文件不存在，或不属于本商户",
        "id_card_front_document": "请选择「法人身份证人像面」类别的文件",
    }


def test_one_audit_entry_holds_exactly_what_changed(other_merchant_user, new_merchant):
    profile_update(
        actor=build_actor(other_merchant_user),
        merchant=new_merchant,
        changes={"name_en": "LYG Crystal", "contact_name": ""},
    )
    entry = OperationLog.objects.get(module="merchants", action="profile_update")
    assert entry.actor_id == other_merchant_user.pk
    assert entry.object_id == str(new_merchant.pk)
    assert entry.changes == {"name_en": ["", "LYG Crystal"]}
    assert Merchant.objects.get(pk=new_merchant.pk).name_en == "LYG Crystal"
