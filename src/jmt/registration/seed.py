"""Demo data for 注册与入驻管理: one 已注册企业信息补充 application waiting in 材料初审, so the back-office
queue is not empty in the demo. Idempotent: nothing happens when its merchant already exists."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.documents.models import Document
from jmt.documents.services import document_upload
from jmt.merchants.models import MemberRole, Membership, Merchant
from jmt.registration import services

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

    def upload(kind: str, name: str, color: str) -> Document:
        data = _png(color, f"{kind.upper()} (demo)")
        return document_upload(actor=actor, kind=kind, file=SimpleUploadedFile(name, data, content_type="image/png"))

    licence = upload("business_licence", "营业执照.png", "#fdf6e3")
    licence.ocr_result = {
        "fields": [{"key": k, "label": label, "value": v} for k, label, v in LICENCE_FIELDS],
        "lines": [],
        "elapsed_ms": 0,
        "recognised_at": licence.created_at.isoformat(),
    }
    licence.ocr_at = licence.created_at
    licence.save(update_fields=["ocr_result", "ocr_at"])
    steps: dict[str, dict[str, Any]] = {
        "licence": {
            "licence_document": licence.pk,
            **{("legal_person" if k == "legal_representative" else k): v for k, _, v in LICENCE_FIELDS},
        },
        "id_card": {
            "id_card_front_document": upload("id_card_front", "身份证人像面.png", "#e6f4ff").pk,
            "id_card_back_document": upload("id_card_back", "身份证国徽面.png", "#f6ffed").pk,
            "legal_person_id_number": "320722198805061234",
            "legal_person_id_valid": "2018.03.01-2038.03.01",
        },
        "bank": {
            "bank_permit_document": upload("bank_permit", "开户许可证.png", "#fff0f6").pk,
            "bank_name": "中国建设银行东海支行",
            "bank_account": "32050166360009876543",
        },
        "supplement": {
            "name_en": "Lianyungang Jingpin Crystal Co., Ltd.",
            "contact_name": "陈晶品",
            "contact_phone": ADMIN_PHONE,
        },
    }
    app = services.application_create(actor=actor, kind="existing")
    for step, values in steps.items():
        services.application_save_step(actor=actor, application_id=app.pk, step=step, values=values)
    services.application_submit(actor=actor, application_id=app.pk)
    return merchant
