"""OCR end to end: a licence image drawn with known text is uploaded, read by rapidocr, fields come back.

The image is generated with Pillow and the Noto Sans CJK font (Debian's ``fonts-noto-cjk``); the
test fails, rather than skips, when no CJK font is installed.
"""

import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from jmt.documents import ocr
from jmt.documents.models import Document
from jmt.documents.tests.conftest import PDF, png_bytes

pytestmark = pytest.mark.django_db

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")
LICENCE_LINES = [
    "营业执照",
    "统一社会信用代码 91320722MA1XYK1234",
    "名称 东海晶莹水晶有限公司",
    "类型 有限责任公司(自然人独资)",
    "法定代表人 林晶莹",
    "住所 江苏省连云港市东海县牛山街道水晶路88号",
    "成立日期 2019年03月15日",
]


def cjk_font(size: int) -> ImageFont.FreeTypeFont:
    paths = sorted(str(p) for root in FONT_DIRS if root.is_dir() for p in root.rglob("NotoSansCJK-Regular.tt[cf]"))
    if not paths:
        pytest.fail("No Noto Sans CJK font is installed (Debian package fonts-noto-cjk): cannot draw the licence")
    for index in range(10):
        try:
            font = ImageFont.truetype(paths[0], size, index=index)
        except OSError:
            break
        if (font.getname()[0] or "").endswith("SC"):
            return font
    return ImageFont.truetype(paths[0], size)


def licence_png() -> bytes:
    font = cjk_font(32)
    image = Image.new("RGB", (1000, 80 + 60 * len(LICENCE_LINES)), "white")
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(LICENCE_LINES):
        draw.text((40, 40 + 60 * i), text, fill="black", font=font)
    return png_bytes(image)


def test_the_licence_fields_come_back_from_a_generated_licence_image(api, upload, merchant_admin, monkeypatch):
    document = upload(merchant_admin, "营业执照.png", licence_png(), kind="business_licence").json()
    me = api.as_user(merchant_admin)

    started = time.monotonic()
    response = me.post(f"/documents/{document['id']}/ocr")
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.json()
    body = response.json()
    assert {f["key"]: f["value"] for f in body["fields"]} == {
        "credit_code": "91320722MA1XYK1234",
        "name": "东海晶莹水晶有限公司",
        "company_type": "有限责任公司(自然人独资)",
        "legal_representative": "林晶莹",
        "address": "江苏省连云港市东海县牛山街道水晶路88号",
        "established_on": "2019-03-15",
    }
    print(f"OCR request took {elapsed:.2f} s (engine {body['elapsed_ms']} ms)")

    # The result is kept on the document: asking again does not run the engine.
    assert Document.objects.get(pk=document["id"]).ocr_result is not None
    monkeypatch.setattr(ocr, "read_lines", lambda path: pytest.fail("OCR ran twice"))
    again = me.post(f"/documents/{document['id']}/ocr").json()
    assert again["fields"] == body["fields"]
    assert me.get(f"/documents/{document['id']}").json()["ocr_done"] is True


def test_a_pdf_or_an_other_document_is_not_read(api, upload, merchant_admin):
    me = api.as_user(merchant_admin)
    for name, data, kind in (("执照.pdf", PDF, "business_licence"), ("照片.png", png_bytes(), "other")):
        document = upload(merchant_admin, name, data, kind=kind).json()
        response = me.post(f"/documents/{document['id']}/ocr")
        assert (response.status_code, response.json()["code"]) == (422, "DOCUMENT_OCR_UNSUPPORTED")


def test_a_member_cannot_run_ocr(api, upload, merchant_admin, merchant_member):
    document = upload(merchant_admin, "身份证.png", png_bytes(), kind="id_card_front").json()
    response = api.as_user(merchant_member).post(f"/documents/{document['id']}/ocr")
    assert (response.status_code, response.json()["code"]) == (403, "PERMISSION_DENIED")
