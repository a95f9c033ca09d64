"""Demo data for 注册与入驻管理: one 已注册企业信息补充 application waiting in 材料初审, so the back-office
queue is not empty in the demo, and the approved demo merchant's real application taken through the
whole flow (材料填报 → 材料初审 → 现场核验 → 核准通过), so its 注册进度看板 shows it. Idempotent."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.documents.models import Document
from jmt.documents.services import document_upload
from jmt.merchants.models import MemberRole, Membership, Merchant, RegistrationStatus
from jmt.registration import services
from jmt.registration.models import Application
from jmt.workflow import services as workflow

MERCHANT_NAME = "连云港晶品水晶有限公司"
ADMIN_PHONE = "13800000005"

LICENCE_FIELDS = [
    ("credit_code", "统一社会信用代码", "91320722MA27JP5X3Q"),
    ("name", "名称", MERCHANT_NAME),
    ("company_type", "类型", "有限责任公司(自然人投资或控股)"),
    ("legal_representative", "法定代表人", "陈晶品"),
    ("address", "住所", "江苏省连云港市东海县水晶城 3 号楼 128 室"),
    ("established_on", "成立日期", "2021-06-18"),
]


def _png(color: str, label: str) -> bytes:
    image = Image.new("RGB", (640, 420), color)
    ImageDraw.Draw(image).text((24, 24), label, fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _upload(actor: Any, kind: str, name: str, color: str) -> Document:
    data = _png(color, f"{kind.upper()} (demo)")
    return document_upload(actor=actor, kind=kind, file=SimpleUploadedFile(name, data, content_type="image/png"))


def _existing_steps(actor: Any, licence_fields: list[tuple[str, str, str]], extra: dict[str, Any]) -> dict[str, Any]:
    """The four steps of a 已注册企业信息补充 application, with demo scans (the licence already read by OCR)."""
    licence = _upload(actor, "business_licence", "营业执照.png", "#fdf6e3")
    licence.ocr_result = {
        "fields": [{"key": k, "label": label, "value": v} for k, label, v in licence_fields],
        "lines": [],
        "elapsed_ms": 0,
        "recognised_at": licence.created_at.isoformat(),
    }
    licence.ocr_at = licence.created_at
    licence.save(update_fields=["ocr_result", "ocr_at"])
    return {
        "licence": {
            "licence_document": licence.pk,
            **{("legal_person" if k == "legal_representative" else k): v for k, _, v in licence_fields},
        },
        "id_card": {
            "id_card_front_document": _upload(actor, "id_card_front", "身份证人像面.png", "#e6f4ff").pk,
            "id_card_back_document": _upload(actor, "id_card_back", "身份证国徽面.png", "#f6ffed").pk,
            "legal_person_id_number": extra["legal_person_id_number"],
            "legal_person_id_valid": "2018.03.01-2038.03.01",
        },
        "bank": {
            "bank_permit_document": _upload(actor, "bank_permit", "开户许可证.png", "#fff0f6").pk,
            "bank_name": extra["bank_name"],
            "bank_account": extra["bank_account"],
        },
        "supplement": {
            "name_en": extra["name_en"],
            "contact_name": extra["contact_name"],
            "contact_phone": extra["contact_phone"],
        },
    }


def _submitted(actor: Any, steps: dict[str, dict[str, Any]]) -> Application:
    app = services.application_create(actor=actor, kind="existing")
    for step, values in steps.items():
        services.application_save_step(actor=actor, application_id=app.pk, step=step, values=values)
    services.application_submit(actor=actor, application_id=app.pk)
    app.refresh_from_db()
    return app


@transaction.atomic
def seed_approved_application(merchant: Merchant, applicant: User, reviewer: User) -> Application | None:
    """Give an approved merchant with no application a real one, submitted by ``applicant`` and taken
    through 初审 and 现场核验 to 核准通过 by ``reviewer``. Nothing happens when it already has one."""
    if Application.objects.filter(merchant=merchant, state="approved").exists():
        return None
    # The flow opens the merchant by itself: start from 「办理中」 and let 核准通过 set it back.
    Merchant.objects.filter(pk=merchant.pk).update(registration_status=RegistrationStatus.NOT_STARTED)
    applicant.current_merchant = merchant
    applicant.save(update_fields=["current_merchant"])
    actor = build_actor(applicant)
    fields = [
        ("credit_code", "统一社会信用代码", merchant.credit_code or "91320722MA1XYK1234"),
        ("name", "名称", merchant.name),
        ("company_type", "类型", merchant.company_type or "有限责任公司(自然人独资)"),
        ("legal_representative", "法定代表人", merchant.legal_person or applicant.name),
        ("address", "住所", merchant.address or "江苏省连云港市东海县水晶城"),
        ("established_on", "成立日期", (merchant.established_on or date(2019, 3, 15)).isoformat()),
    ]
    extra = {
        "legal_person_id_number": "320722199003151237",
        "bank_name": merchant.bank_name or "中国建设银行东海支行",
        "bank_account": merchant.bank_account or "32050163360000001234",
        "name_en": merchant.name_en or "Donghai Crystal Co., Ltd.",
        "contact_name": merchant.contact_name or applicant.name,
        "contact_phone": merchant.contact_phone or applicant.phone,
    }
    app = _submitted(actor, _existing_steps(actor, fields, extra))
    staff = build_actor(reviewer)
    workflow.transition(actor=staff, obj=app, to="onsite")
    workflow.transition(actor=staff, obj=app, to="approved")
    app.refresh_from_db()
    return app


@transaction.atomic
def seed_registration() -> Merchant | None:
    if Merchant.objects.filter(name=MERCHANT_NAME).exists():
        return None
    merchant = Merchant.objects.create(name=MERCHANT_NAME)
    user, _ = User.objects.get_or_create(phone=ADMIN_PHONE, defaults={"username": ADMIN_PHONE, "name": "陈晶品"})
    Membership.objects.get_or_create(user=user, merchant=merchant, defaults={"role": MemberRole.ADMIN})
    user.current_merchant = merchant
    user.save()
    actor = build_actor(user)
    extra = {
        "legal_person_id_number": "320722198805061234",
        "bank_name": "中国建设银行东海支行",
        "bank_account": "32050166360009876543",
        "name_en": "Lianyungang Jingpin Crystal Co., Ltd.",
        "contact_name": "陈晶品",
        "contact_phone": ADMIN_PHONE,
    }
    _submitted(actor, _existing_steps(actor, LICENCE_FIELDS, extra))
    return merchant
