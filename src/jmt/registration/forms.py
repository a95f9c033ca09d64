"""What each kind of application asks for, step by step, and how its values are checked.

A draft step is checked leniently (only the values given, only their format); submitting checks
every step in full. Messages are Chinese and keyed ``"<step>.<field>"`` so the wizard can mark the
field and jump back to its step. The same specs say how an approved application's values become
the merchant profile (``profile_changes``) and how the profile pre-fills a new form (``defaults``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from jmt.documents.models import Document, DocumentKind
from jmt.merchants.models import Merchant, MerchantType
from jmt.merchants.profile import CREDIT_CODE, ID_NUMBER
from jmt.registration.models import ApplicationKind

PHONE = re.compile(r"^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    required: bool = True
    type: str = "text"  # text | id_number | phone | credit_code | money | count | date | names | people | document
    document_kind: str = ""  # for type "document": the vault category ("" = any)
    max_length: int = 200
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    fields: tuple[Field, ...]


def _doc(name: str, label: str, kind: str, required: bool = True) -> Field:
    return Field(name, label, required=required, type="document", document_kind=kind)


INDIVIDUAL_FORMS = ("店", "行", "坊", "馆", "中心", "工作室", "经营部")
COMPANY_FORMS = ("有限公司", "有限责任公司")


def _name_step(forms: tuple[str, ...]) -> Step:
    return Step(
        "name",
        "名称",
        (
            Field("region", "行政区划", max_length=40),
            Field("trade_name", "字号", max_length=20),
            Field("industry", "行业表述", max_length=40),
            Field("org_form", "组织形式", choices=forms, max_length=20),
            Field("alt_names", "备选名称", required=False, type="names"),
        ),
    )


STEPS: dict[str, tuple[Step, ...]] = {
    ApplicationKind.NEW_INDIVIDUAL: (
        _name_step(INDIVIDUAL_FORMS),
        Step(
            "operator",
            "经营者",
            (
                Field("operator_name", "经营者姓名", max_length=64),
                Field("operator_id_number", "经营者身份证号", type="id_number"),
                Field("operator_phone", "经营者手机号", type="phone"),
                _doc("id_card_front", "身份证人像面", DocumentKind.ID_CARD_FRONT),
                _doc("id_card_back", "身份证国徽面", DocumentKind.ID_CARD_BACK),
            ),
        ),
        Step(
            "business",
            "经营信息",
            (
                Field("address", "经营场所地址", max_length=255),
                Field("scope", "经营范围", max_length=1000),
                Field("funding", "资金数额（万元）", required=False, type="money"),
                Field("employees", "从业人数", required=False, type="count"),
            ),
        ),
        Step(
            "materials",
            "材料上传",
            (
                _doc("premises_proof", "经营场所证明", ""),
                _doc("other_material", "其他材料", "", required=False),
            ),
        ),
    ),
    ApplicationKind.NEW_COMPANY: (
        _name_step(COMPANY_FORMS),
        Step(
            "legal",
            "法定代表人",
            (
                Field("legal_person", "法定代表人姓名", max_length=64),
                Field("legal_person_id_number", "法定代表人身份证号", type="id_number"),
                Field("legal_person_phone", "法定代表人手机号", type="phone"),
                _doc("id_card_front", "身份证人像面", DocumentKind.ID_CARD_FRONT),
                _doc("id_card_back", "身份证国徽面", DocumentKind.ID_CARD_BACK),
            ),
        ),
        Step(
            "business",
            "经营信息",
            (
                Field("address", "住所（经营场所）", max_length=255),
                Field("scope", "经营范围", max_length=1000),
                Field("registered_capital", "注册资本（万元）", type="money"),
            ),
        ),
        Step(
            "members",
            "股东与监事",
            (
                Field("shareholders", "股东", type="people"),
                Field("supervisor_name", "监事姓名", max_length=64),
                Field("supervisor_id_number", "监事身份证号", type="id_number"),
            ),
        ),
        Step(
            "materials",
            "材料上传",
            (
                _doc("premises_proof", "经营场所证明", ""),
                _doc("articles", "公司章程", "", required=False),
            ),
        ),
    ),
    ApplicationKind.EXISTING: (
        Step(
            "licence",
            "营业执照",
            (
                _doc("licence_document", "营业执照", DocumentKind.BUSINESS_LICENCE),
                Field("name", "企业名称", max_length=128),
                Field("credit_code", "统一社会信用代码", type="credit_code"),
                Field("company_type", "类型", max_length=100),
                Field("legal_person", "法定代表人 / 经营者", max_length=64),
                Field("address", "住所 / 经营场所", max_length=255),
                Field("established_on", "成立日期", required=False, type="date"),
            ),
        ),
        Step(
            "id_card",
            "法人身份证",
            (
                _doc("id_card_front_document", "身份证人像面", DocumentKind.ID_CARD_FRONT),
                _doc("id_card_back_document", "身份证国徽面", DocumentKind.ID_CARD_BACK),
                Field("legal_person_id_number", "法人身份证号", type="id_number"),
                Field("legal_person_id_valid", "身份证有效期限", required=False, max_length=40),
            ),
        ),
        Step(
            "bank",
            "开户许可证",
            (
                _doc("bank_permit_document", "开户许可证", DocumentKind.BANK_PERMIT),
                Field("bank_name", "开户银行", max_length=100),
                Field("bank_account", "银行账号", max_length=40),
            ),
        ),
        Step(
            "supplement",
            "补充信息",
            (
                Field("name_en", "英文名称", required=False),
                Field("address_en", "英文地址", required=False, max_length=255),
                Field("contact_name", "联系人姓名", max_length=64),
                Field("contact_phone", "联系人电话", type="phone"),
                Field("legal_person_phone", "法人联系电话", required=False, type="phone"),
            ),
        ),
    ),
}


def steps_of(kind: str) -> tuple[Step, ...]:
    return STEPS[kind]


def step_index(kind: str, key: str) -> int | None:
    return next((i for i, s in enumerate(STEPS[kind]) if s.key == key), None)


def document_ids(kind: str, data: dict[str, Any]) -> list[int]:
    """Every vault document the application names, in step order."""
    ids: list[int] = []
    for step in STEPS[kind]:
        for field in step.fields:
            value = (data.get(step.key) or {}).get(field.name)
            if field.type == "document" and isinstance(value, int):
                ids.append(value)
    return ids


# --- checking values ---------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _check(field: Field, value: Any, merchant: Merchant) -> tuple[Any, str]:
    """The cleaned value and an error message ("" when fine)."""
    if field.type == "document":
        try:
            doc_id = int(value)
        except (TypeError, ValueError):
            return None, "请选择文件"
        doc = Document.objects.filter(pk=doc_id, merchant=merchant).first()
        if doc is None:
            return None, "所选文件不存在，或不属于本商户"
        if field.document_kind and doc.kind != field.document_kind:
            return None, f"请选择「{DocumentKind(field.document_kind).label}」类别的文件"
        return doc_id, ""
    if field.type == "names":
        if not isinstance(value, list):
            return [], "格式不正确"
        names = [str(v).strip() for v in value if str(v).strip()]
        if len(names) > 3:
            return names, "备选名称最多 3 个"
        return names, ""
    if field.type == "people":
        return _people(value)
    text = str(value).strip()
    if len(text) > field.max_length:
        return text, f"不能超过 {field.max_length} 个字"
    if field.choices and text not in field.choices:
        return text, f"请选择：{'、'.join(field.choices)}"
    if field.type == "id_number":
        text = text.upper()
        return text, "" if ID_NUMBER.match(text) else "身份证号应为 18 位，最后一位可为 X"
    if field.type == "credit_code":
        text = text.upper()
        return text, "" if CREDIT_CODE.match(text) else "统一社会信用代码应为 18 位数字或大写字母"
    if field.type == "phone":
        return text, "" if PHONE.match(text) else "请填写正确的手机号或座机号"
    if field.type == "date":
        return text, "" if DATE.match(text) else "日期格式应为 2020-01-31"
    if field.type in ("money", "count"):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text, "请填写数字"
        if number <= 0 or (field.type == "count" and number != number.to_integral_value()):
            return text, "请填写大于 0 的数" if field.type == "money" else "请填写正整数"
        return (format(number.normalize(), "f") if field.type == "money" else int(number)), ""
    return text, ""


def _people(value: Any) -> tuple[list[dict[str, str]], str]:
    if not isinstance(value, list):
        return [], "格式不正确"
    people: list[dict[str, str]] = []
    for i, raw in enumerate(value, start=1):
        if not isinstance(raw, dict):
            return people, f"第 {i} 位股东格式不正确"
        name = str(raw.get("name") or "").strip()
        id_number = str(raw.get("id_number") or "").strip().upper()
        amount = str(raw.get("amount") or "").strip()
        if not name:
            return people, f"请填写第 {i} 位股东的姓名"
        if not ID_NUMBER.match(id_number):
            return people, f"第 {i} 位股东的身份证号应为 18 位"
        try:
            if Decimal(amount) <= 0:
                raise InvalidOperation
        except InvalidOperation:
            return people, f"请填写第 {i} 位股东的认缴出资额（万元）"
        people.append({"name": name, "id_number": id_number, "amount": amount})
    return people, ""


def clean_step(
    *, kind: str, step: Step, values: dict[str, Any], merchant: Merchant, strict: bool
) -> tuple[dict[str, Any], dict[str, str]]:
    """(cleaned values, errors keyed "step.field"). Lenient: empty values are kept empty; strict: a
    required empty value is an error."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in step.fields:
        value = values.get(field.name)
        key = f"{step.key}.{field.name}"
        if _empty(value):
            cleaned[field.name] = [] if field.type in ("names", "people") else None if field.type == "document" else ""
            if strict and field.required:
                errors[key] = "请上传或选择文件" if field.type == "document" else f"请填写{field.label}"
            continue
        cleaned[field.name], message = _check(field, value, merchant)
        if message:
            errors[key] = message
    return cleaned, errors


def full_name(kind: str, data: dict[str, Any]) -> str:
    """The name being registered (行政区划 + 字号 + 行业 + 组织形式), or the licence name of R2."""
    if kind == ApplicationKind.EXISTING:
        return str((data.get("licence") or {}).get("name") or "")
    name = data.get("name") or {}
    return "".join(str(name.get(k) or "") for k in ("region", "trade_name", "industry", "org_form"))


# --- from and to the merchant profile ------------------------------------------------------------

# (step, field) of an R1 form ← profile field.
NEW_FROM_PROFILE: dict[str, dict[str, tuple[str, str]]] = {
    ApplicationKind.NEW_INDIVIDUAL: {
        "legal_person": ("operator", "operator_name"),
        "legal_person_id_number": ("operator", "operator_id_number"),
        "legal_person_phone": ("operator", "operator_phone"),
        "id_card_front_document": ("operator", "id_card_front"),
        "id_card_back_document": ("operator", "id_card_back"),
        "address": ("business", "address"),
    },
    ApplicationKind.NEW_COMPANY: {
        "legal_person": ("legal", "legal_person"),
        "legal_person_id_number": ("legal", "legal_person_id_number"),
        "legal_person_phone": ("legal", "legal_person_phone"),
        "id_card_front_document": ("legal", "id_card_front"),
        "id_card_back_document": ("legal", "id_card_back"),
        "address": ("business", "address"),
    },
}


def defaults(kind: str, profile: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Pre-filled step values from profile values (already merged with OCR suggestions)."""
    out: dict[str, dict[str, Any]] = {}
    if kind == ApplicationKind.EXISTING:
        for step in STEPS[kind]:
            for field in step.fields:
                value = profile.get(field.name)
                if not _empty(value):
                    out.setdefault(step.key, {})[field.name] = value
        return out
    for profile_field, (step_key, field_name) in NEW_FROM_PROFILE[kind].items():
        value = profile.get(profile_field)
        if not _empty(value):
            out.setdefault(step_key, {})[field_name] = value
    return out


def profile_changes(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The profile values an approved application confirms."""
    changes: dict[str, Any] = {}
    if kind == ApplicationKind.EXISTING:
        for step in STEPS[kind]:
            for field in step.fields:
                value = (data.get(step.key) or {}).get(field.name)
                if not _empty(value):
                    changes[field.name] = value
        company_type = str(changes.get("company_type") or "")
        if company_type:
            changes["merchant_type"] = MerchantType.INDIVIDUAL if "个体" in company_type else MerchantType.COMPANY
        return changes
    individual = kind == ApplicationKind.NEW_INDIVIDUAL
    changes["name"] = full_name(kind, data)
    changes["merchant_type"] = MerchantType.INDIVIDUAL if individual else MerchantType.COMPANY
    changes["company_type"] = "个体工商户" if individual else "有限责任公司"
    for profile_field, (step_key, field_name) in NEW_FROM_PROFILE[kind].items():
        value = (data.get(step_key) or {}).get(field_name)
        if not _empty(value):
            changes[profile_field] = value
    return {k: v for k, v in changes.items() if not _empty(v)}
