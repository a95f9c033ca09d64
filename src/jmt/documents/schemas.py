"""Schemas of the documents vault."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

Kind = Literal["business_licence", "id_card_front", "id_card_back", "bank_permit", "other"]


class DocumentOut(Schema):
    id: int
    kind: Kind = Field(
        description="business_licence 营业执照 / id_card_front 身份证人像面 / id_card_back 身份证国徽面 / "
        "bank_permit 开户许可证 / other 其他"
    )
    kind_label: str = Field(examples=["营业执照"])
    original_name: str
    content_type: str = Field(description="按文件内容识别的类型", examples=["application/pdf"])
    size: int = Field(description="字节数")
    sha256: str
    uploaded_by: str = Field(description="上传人姓名")
    ocr_done: bool = Field(description="是否已识别（识别结果保存，不重复计算）")
    download_url: str
    created_at: datetime


class DocumentPageOut(Schema):
    items: list[DocumentOut]
    total: int
    page: int
    page_size: int


class OcrFieldOut(Schema):
    key: str = Field(examples=["credit_code"])
    label: str = Field(examples=["统一社会信用代码"])
    value: str = Field(description="未识别到时为空字符串，由用户确认或补填")


class DocumentOcrOut(Schema):
    document_id: int
    kind: Kind
    fields: list[OcrFieldOut]
    lines: list[str] = Field(description="识别出的全部文字行")
    recognised_at: datetime
    elapsed_ms: int = Field(description="识别耗时（毫秒）")
