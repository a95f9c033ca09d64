"""Demo data for 跨境申报: the approved demo merchant has 海关企业注册登记, 电子口岸卡 and 企业备案 done,
its DXP ID application waiting in 捷晶审核 (so the 申报受理 queue has work), and 云加签 not started.
Everything goes through the services, so timelines, messages and the audit log are real. Idempotent."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.documents.services import document_upload
from jmt.filings import registry, services
from jmt.filings.models import Filing
from jmt.merchants.models import Merchant
from jmt.workflow import services as workflow

# What the demo profile does not hold, for the types that ask for it.
COMMON = {"legal_person_phone": "13800000001", "contact_email": "lin@jingying-crystal.cn"}
EXTRA: dict[str, dict[str, Any]] = {
    "customs-registration": {
        "region": "江苏省连云港市东海县",
        "postcode": "222300",
        "contact_email": "lin@jingying-crystal.cn",
    },
    "eport-card": {"issuing_point": "连云港电子口岸制卡中心", "operator_id_number": "320722199003151237"},
    "enterprise-record": {
        "platform": "TikTok Shop",
        "shop_name": "Jingying Crystal UK",
        "shop_url": "https://www.tiktok.com/@jingyingcrystal",
        "contact_email": "lin@jingying-crystal.cn",
    },
    "dxp-id": {"contact_email": "lin@jingying-crystal.cn"},
}
RESULTS = {
    "customs-registration": {"customs_code": "3207960A01", "ciq_code": "3207600118"},
    "eport-card": {"eport_card_no": "8930000068812"},
    "enterprise-record": {"record_no": "LYG-CBEC-2026-0318"},
}


def _signed_scan(actor: Any, title: str) -> int:
    image = Image.new("RGB", (620, 860), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 600, 840), outline="#999999")
    draw.text((40, 40), f"{title} (demo scan, signed)", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    doc = document_upload(
        actor=actor, kind="other", file=SimpleUploadedFile(f"{title}.png", out.getvalue(), content_type="image/png")
    )
    return doc.pk


def _fill(actor: Any, type_key: str) -> Filing:
    ft = registry.get(type_key)
    filing = services.filing_create(actor=actor, type_key=type_key)
    scans = {
        f.name: _signed_scan(actor, f.label)
        for f in ft.fields()
        if f.type == "document" and not f.document_kind and f.required
    }
    common = {k: v for k, v in COMMON.items() if ft.field(k) is not None and not filing.data.get(k)}
    return services.filing_save(actor=actor, filing_id=filing.pk, values={**common, **EXTRA.get(type_key, {}), **scans})


@transaction.atomic
def seed_filings(merchant: Merchant, *, applicant: User, reviewer: User) -> list[Filing]:
    if Filing.objects.filter(merchant=merchant).exists():
        return []
    applicant.current_merchant = merchant
    applicant.save(update_fields=["current_merchant"])
    me, staff = build_actor(applicant), build_actor(reviewer)
    made: list[Filing] = []
    for type_key in ("customs-registration", "eport-card", "enterprise-record"):
        filing = _fill(me, type_key)
        services.filing_submit(actor=me, filing_id=filing.pk)
        workflow.transition(actor=staff, obj=filing, to="handling")
        made.append(services.filing_approve(actor=staff, filing_id=filing.pk, results=RESULTS[type_key]))
    dxp = _fill(me, "dxp-id")
    made.append(services.filing_submit(actor=me, filing_id=dxp.pk))
    return made
