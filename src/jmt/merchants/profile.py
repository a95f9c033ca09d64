"""The merchant profile: which fields there are, who may change them, and how OCR values map onto them.

A value is confirmed once (typed in, or read off a document and confirmed) and every later form is
pre-filled from here. Three rules decide who may write a field:

- ``STAFF_ONLY`` fields (the CCB sub-account) are set by 捷晶 in the back office only;
- ``LICENCE`` fields are what the 工商注册 approved: once the merchant is approved they are shown in
  full but changed only by the back office (「如需修改请联系捷晶管理员」);
- every other field is the merchant admins' to keep current.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.documents.models import Document, DocumentKind
from jmt.merchants.errors import ProfileError
from jmt.merchants.models import Merchant, MerchantType

# Every profile field, in display order.
PROFILE_FIELDS: tuple[str, ...] = (
    "name",
    "name_en",
    "merchant_type",
    "credit_code",
    "company_type",
    "address",
    "address_en",
    "established_on",
    "legal_person",
    "legal_person_phone",
    "legal_person_id_number",
    "legal_person_id_valid",
    "contact_name",
    "contact_phone",
    "bank_name",
    "bank_account",
    "ccb_sub_account",
    "licence_document",
    "id_card_front_document",
    "id_card_back_document",
    "bank_permit_document",
)
STAFF_ONLY: frozenset[str] = frozenset({"ccb_sub_account"})
LICENCE: frozenset[str] = frozenset(
    {
        "name",
        "merchant_type",
        "credit_code",
        "company_type",
        "address",
        "established_on",
        "legal_person",
        "legal_person_id_number",
        "legal_person_id_valid",
        "licence_document",
        "id_card_front_document",
        "id_card_back_document",
    }
)
DOCUMENT_FIELDS: dict[str, str] = {
    "licence_document": DocumentKind.BUSINESS_LICENCE,
    "id_card_front_document": DocumentKind.ID_CARD_FRONT,
    "id_card_back_document": DocumentKind.ID_CARD_BACK,
    "bank_permit_document": DocumentKind.BANK_PERMIT,
}

# OCR field key (jmt.documents.ocr) → profile field, per document kind.
OCR_TO_PROFILE: dict[str, dict[str, str]] = {
    DocumentKind.BUSINESS_LICENCE: {
        "credit_code": "credit_code",
        "name": "name",
        "company_type": "company_type",
        "legal_representative": "legal_person",
        "address": "address",
        "established_on": "established_on",
    },
    DocumentKind.ID_CARD_FRONT: {"name": "legal_person", "id_number": "legal_person_id_number"},
    DocumentKind.ID_CARD_BACK: {"valid_period": "legal_person_id_valid"},
    DocumentKind.BANK_PERMIT: {"bank": "bank_name", "account_number": "bank_account"},
}
DOCUMENT_FIELD_OF_KIND: dict[str, str] = {kind: field for field, kind in DOCUMENT_FIELDS.items()}

CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
# A CCB account number: digits only (12–25 of them), optionally grouped by single spaces or hyphens.
CCB_SUB_ACCOUNT = re.compile(r"^\d+(?:[ -]\d+)*$")
CCB_DIGITS = (12, 25)


def ccb_sub_account_valid(value: str) -> bool:
    digits = re.sub(r"[ -]", "", value)
    return bool(CCB_SUB_ACCOUNT.match(value)) and CCB_DIGITS[0] <= len(digits) <= CCB_DIGITS[1]


def profile_locked(merchant: Merchant) -> bool:
    """After approval the licence fields are the back office's to change."""
    return merchant.registration_approved


def editable_fields(merchant: Merchant, *, staff: bool) -> frozenset[str]:
    if staff:
        return frozenset(PROFILE_FIELDS)
    editable = set(PROFILE_FIELDS) - STAFF_ONLY
    if profile_locked(merchant):
        editable -= LICENCE
    return frozenset(editable)


def profile_values(merchant: Merchant) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in PROFILE_FIELDS:
        if field in DOCUMENT_FIELDS:
            values[field] = getattr(merchant, f"{field}_id")
        else:
            value = getattr(merchant, field)
            values[field] = value.isoformat() if isinstance(value, dt.date) else value
    return values


def merchant_type_from(company_type: str) -> str:
    """「个体工商户」 on a licence means 个体户; any other type is a company."""
    if not company_type:
        return ""
    return MerchantType.INDIVIDUAL if "个体" in company_type else MerchantType.COMPANY


def suggestions_from_document(document: Document) -> dict[str, Any]:
    """The profile values a recognised document offers (for the merchant to confirm)."""
    mapping = OCR_TO_PROFILE.get(document.kind, {})
    offered: dict[str, Any] = {}
    for item in (document.ocr_result or {}).get("fields", []):
        target = mapping.get(item.get("key", ""))
        if target and item.get("value"):
            offered[target] = item["value"]
    if "company_type" in offered:
        offered.setdefault("merchant_type", merchant_type_from(offered["company_type"]))
    doc_field = DOCUMENT_FIELD_OF_KIND.get(document.kind)
    if doc_field:
        offered[doc_field] = document.pk
    return offered


def _clean(merchant: Merchant, changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field, raw in changes.items():
        if field in DOCUMENT_FIELDS:
            if raw in (None, ""):
                cleaned[field] = None
                continue
            doc = Document.objects.filter(pk=raw, merchant=merchant).first()
            if doc is None:
                errors[field] = "所选文件不存在，或不属于本商户"
            elif doc.kind != DOCUMENT_FIELDS[field]:
                errors[field] = f"请选择「{DocumentKind(DOCUMENT_FIELDS[field]).label}」类别的文件"
            else:
                cleaned[field] = doc
            continue
        value = "" if raw is None else str(raw).strip()
        if field == "established_on":
            cleaned[field] = _date(value, errors)
            continue
        if field == "credit_code" and value:
            value = value.upper()
            if not CREDIT_CODE.match(value):
                errors[field] = "统一社会信用代码应为 18 位数字或大写字母"
        if field == "legal_person_id_number" and value:
            value = value.upper()
            if not ID_NUMBER.match(value):
                errors[field] = "身份证号应为 18 位，最后一位可为 X"
        if field == "ccb_sub_account" and value and not ccb_sub_account_valid(value):
            raise ProfileError.ccb_sub_account_invalid()
        if field == "merchant_type" and value and value not in MerchantType.values:
            errors[field] = "企业类型只能是个体工商户或有限公司"
        max_length = Merchant._meta.get_field(field).max_length  # type: ignore[union-attr]
        if max_length and len(value) > max_length:
            errors[field] = f"不能超过 {max_length} 个字"
        cleaned[field] = value
    if errors:
        raise ProfileError.invalid(errors)
    return cleaned


def _date(value: str, errors: dict[str, str]) -> dt.date | None:
    if not value:
        return None
    match = re.match(r"^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$", value)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    errors["established_on"] = "成立日期格式应为 2020-01-31"
    return None


@transaction.atomic
def profile_update(*, actor: Actor, merchant: Merchant, changes: dict[str, Any], staff: bool = False) -> Merchant:
    """Write ``changes`` to the profile: unknown fields are refused, fields the actor may not change are
    refused by name (with the 「如需修改请联系捷晶管理员」 hint for locked licence fields), one audit entry."""
    unknown = sorted(set(changes) - set(PROFILE_FIELDS))
    if unknown:
        raise ProfileError.unknown_field(unknown)
    locked = Merchant.objects.select_for_update().get(pk=merchant.pk)
    allowed = editable_fields(locked, staff=staff)
    refused = sorted(set(changes) - allowed)
    if refused:
        if set(refused) & STAFF_ONLY:
            raise ProfileError.staff_only(refused)
        raise ProfileError.locked(refused)
    cleaned = _clean(locked, changes)
    before = snapshot(locked, cleaned)
    for field, value in cleaned.items():
        setattr(locked, field, value)
    if cleaned:
        locked.save(update_fields=list(cleaned))
        record(
            actor=actor,
            module="merchants",
            action="profile_update",
            obj=locked,
            before=before,
            after=snapshot(locked, cleaned),
        )
    return locked
