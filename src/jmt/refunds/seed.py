"""Demo data of 出口退税 for ``manage.py seed_demo``: claims of 东海晶莹水晶 in several states, on top of the
summarised declarations of ``customs.seed.seed_customs_summarised``. Idempotent: nothing when it has claims."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.documents.models import Document
from jmt.documents.services import document_upload
from jmt.merchants.models import Merchant
from jmt.refunds import selectors, services
from jmt.refunds.models import Claim
from jmt.workflow import services as workflow

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a title and a few lines (a stand-in for a scanned document)."""
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    big: ImageFont.FreeTypeFont | ImageFont.ImageFont
    small: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        big, small = ImageFont.truetype(FONT, 56), ImageFont.truetype(FONT, 34)
    except OSError:
        big = small = ImageFont.load_default()
    draw.text((100, 120), title, fill="black", font=big)
    for index, line in enumerate(lines):
        draw.text((100, 260 + index * 60), line, fill="#333333", font=small)
    draw.rectangle((80, 90, 1160, 1660), outline="#999999", width=3)
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=150)
    return out.getvalue()


def _upload(actor: Any, name: str, title: str, lines: list[str]) -> Document:
    data = demo_pdf(title, lines)
    return document_upload(
        actor=actor, kind="other", file=SimpleUploadedFile(name, data, content_type="application/pdf")
    )


# (报关单号, final state, 到账退税额 or reason)
PLAN: tuple[tuple[str, str, str], ...] = (
    ("230520260000101587", "received", "1358.20"),
    ("230520260000201944", "refunding", ""),
    ("230520260000302116", "reviewing", ""),
    (
        "230520260000402380",
        "rejected",
        "进项发票品名与报关单商品名称不一致（紫水晶洞 / 水晶摆件），请补充说明或更正发票",
    ),
    ("230520260000502651", "submitted", ""),
    ("230520250000301234", "draft", ""),
)
PATHS = {
    "draft": [],
    "submitted": [],
    "reviewing": ["reviewing"],
    "rejected": ["reviewing", "rejected"],
    "refunding": ["reviewing", "refunding"],
    "received": ["reviewing", "refunding", "received"],
}


@transaction.atomic
def seed_refunds(merchant: Merchant, applicant: User, staff_user: User) -> None:
    if Claim.objects.filter(merchant=merchant).exists():
        return
    applicant.current_merchant = merchant
    applicant.save(update_fields=["current_merchant"])
    actor = build_actor(applicant)
    staff = build_actor(staff_user)
    options = {row["entry_id"]: row for row in selectors.customs_rows(actor) if row["entry_id"]}
    for entry_id, final, extra in PLAN:
        row = options.get(entry_id)
        if row is None:
            continue
        goods, month = row["goods"], row["month"]
        facts = [f"报关单号：{entry_id}", f"出口月份：{month}", f"商品：{goods}", f"金额：USD {row['amount']:.2f}"]
        files = {
            "customs_declaration": [
                _upload(actor, f"报关单-{entry_id}.pdf", "中华人民共和国海关出口货物报关单", facts).pk
            ],
            "purchase_invoice": [_upload(actor, f"进项发票-{month}.pdf", "增值税专用发票（进项）", facts[2:]).pk],
        }
        if final != "draft":
            files["sales_invoice"] = [
                _upload(actor, f"销售发票-{month}.pdf", "出口销售发票 COMMERCIAL INVOICE", facts).pk
            ]
        claim = services.claim_create(actor=actor, data=services.ClaimInput(picks=[entry_id], files=files))
        if final == "draft":
            continue
        services.claim_fx_confirm(actor=actor, claim_id=claim.pk, note=f"{month} 货款已收（PayPal 提现）")
        services.claim_submit(actor=actor, claim_id=claim.pk)
        for step in PATHS[final]:
            if step == "received":
                services.record_received(actor=staff, claim=claim, amount=Decimal(extra), on=date(2026, 5, 20))
            comment = extra if step == "rejected" else ""
            workflow.transition(actor=staff, obj=claim, to=step, comment=comment)
