"""Values of a filing form: pre-filled from where they already are, checked against the type's schema.

A draft is checked leniently (only values given, only their format); submitting checks every field.
Messages are Chinese and keyed by field name so the form marks the field.
"""

from __future__ import annotations

import re
from typing import Any

from jmt.documents.models import Document, DocumentKind
from jmt.filings.models import Filing
from jmt.filings.spec import FieldSpec, FilingType
from jmt.merchants.models import Merchant
from jmt.merchants.profile import CREDIT_CODE, ID_NUMBER, profile_values

PHONE = re.compile(r"^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
POSTCODE = re.compile(r"^\d{6}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _empty(value: Any) -> bool:
    return value is None or value == ""


# --- pre-fill ------------------------------------------------------------------------------------


def sources(merchant: Merchant) -> dict[str, Any]:
    """Every value a ``source`` can name, for this merchant: profile, vault, other filings' results."""
    values: dict[str, Any] = {f"profile.{k}": v for k, v in profile_values(merchant).items()}
    for kind in DocumentKind.values:
        doc_id = (
            Document.objects.filter(merchant=merchant, kind=kind)
            .order_by("-created_at", "-id")
            .values_list("pk", flat=True)
            .first()
        )
        if doc_id is not None:
            values[f"vault.{kind}"] = doc_id
    # The profile's own evidence documents win over "the newest of the kind".
    for field, kind in (
        ("licence_document", DocumentKind.BUSINESS_LICENCE),
        ("id_card_front_document", DocumentKind.ID_CARD_FRONT),
        ("id_card_back_document", DocumentKind.ID_CARD_BACK),
        ("bank_permit_document", DocumentKind.BANK_PERMIT),
    ):
        if values.get(f"profile.{field}"):
            values[f"vault.{kind}"] = values[f"profile.{field}"]
    for filing_type, results in Filing.objects.filter(merchant=merchant, state="completed").values_list(
        "filing_type", "results"
    ):
        for key, value in (results or {}).items():
            values[f"filing.{filing_type}.{key}"] = value
    return values


def source_value(spec: FieldSpec, known: dict[str, Any]) -> Any:
    if spec.source.startswith("const."):
        return spec.source.removeprefix("const.")
    if spec.source:
        return known.get(spec.source)
    if spec.type == "choice" and len(spec.choices) >= 1:
        return spec.choices[0]
    return None


def prefill(ft: FilingType, merchant: Merchant) -> dict[str, Any]:
    """The form's starting values: each field from its source (a choice defaults to its first option)."""
    known = sources(merchant)
    out: dict[str, Any] = {}
    for spec in ft.fields():
        value = source_value(spec, known)
        if not _empty(value):
            out[spec.name] = value
    return out


def origins(ft: FilingType, merchant: Merchant) -> dict[str, str]:
    """Per field, where its pre-filled value came from, for the form's 「来自企业资料」 tags."""
    known = sources(merchant)
    out: dict[str, str] = {}
    for spec in ft.fields():
        if not spec.source or _empty(source_value(spec, known)):
            continue
        if spec.source.startswith("profile."):
            out[spec.name] = "企业资料"
        elif spec.source.startswith("vault."):
            out[spec.name] = "我的资料"
        elif spec.source.startswith("filing."):
            from jmt.filings import registry

            out[spec.name] = registry.get(spec.source.split(".")[1]).label
    return out


# --- checking ------------------------------------------------------------------------------------


def _check(spec: FieldSpec, value: Any, merchant: Merchant) -> tuple[Any, str]:
    if spec.type == "document":
        try:
            doc_id = int(value)
        except (TypeError, ValueError):
            return None, "请选择文件"
        doc = Document.objects.filter(pk=doc_id, merchant=merchant).first()
        if doc is None:
            return None, "所选文件不存在，或不属于本商户"
        if spec.document_kind and doc.kind != spec.document_kind:
            return doc_id, f"请选择「{DocumentKind(spec.document_kind).label}」类别的文件"
        return doc_id, ""
    text = str(value).strip()
    if len(text) > spec.max_length:
        return text, f"不能超过 {spec.max_length} 个字"
    if spec.type == "choice" and text not in spec.choices:
        return text, f"请选择：{'、'.join(spec.choices)}"
    if spec.type == "id_number":
        text = text.upper()
        return text, "" if ID_NUMBER.match(text) else "身份证号应为 18 位，最后一位可为 X"
    if spec.type == "credit_code":
        text = text.upper()
        return text, "" if CREDIT_CODE.match(text) else "统一社会信用代码应为 18 位数字或大写字母"
    checks = {
        "phone": (PHONE, "请填写正确的手机号或座机号"),
        "email": (EMAIL, "请填写正确的邮箱，例如 name@example.com"),
        "postcode": (POSTCODE, "邮政编码应为 6 位数字"),
        "url": (URL, "网址应以 http:// 或 https:// 开头"),
        "date": (DATE, "日期格式应为 2020-01-31"),
    }
    if spec.type in checks:
        pattern, message = checks[spec.type]
        return text, "" if pattern.match(text) else message
    return text, ""


def clean(
    ft: FilingType, values: dict[str, Any], merchant: Merchant, *, strict: bool
) -> tuple[dict[str, Any], dict[str, str]]:
    """(cleaned values, errors by field). Unknown fields are refused; lenient mode keeps empties empty."""
    errors: dict[str, str] = {name: "没有这个填写项" for name in values if ft.field(name) is None}
    cleaned: dict[str, Any] = {}
    for spec in ft.fields():
        value = values.get(spec.name)
        if _empty(value):
            cleaned[spec.name] = None if spec.type == "document" else ""
            if strict and spec.required:
                errors[spec.name] = "请上传或选择文件" if spec.type == "document" else f"请填写{spec.label}"
            continue
        cleaned[spec.name], message = _check(spec, value, merchant)
        if message:
            errors[spec.name] = message
    return cleaned, errors


def document_ids(ft: FilingType, data: dict[str, Any]) -> list[int]:
    return [data[f.name] for f in ft.fields() if f.type == "document" and isinstance(data.get(f.name), int)]


def clean_results(ft: FilingType, values: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    errors: dict[str, str] = {name: "没有这个结果项" for name in values if name not in {r.name for r in ft.results}}
    cleaned: dict[str, str] = {}
    for spec in ft.results:
        text = str(values.get(spec.name) or "").strip()
        text = text.upper() if spec.upper else text
        if not text:
            if spec.required:
                errors[spec.name] = f"请填写{spec.label}"
            continue
        if spec.pattern and not re.match(spec.pattern, text):
            errors[spec.name] = f"{spec.label}格式不对：{spec.pattern_help}"
            continue
        cleaned[spec.name] = text
    return cleaned, errors
