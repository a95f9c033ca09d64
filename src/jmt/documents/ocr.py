"""Reading the fields of a licence, an ID card or a bank permit.

:func:`parse` is pure (text lines in, fields out) and is where every rule lives; :func:`recognise`
runs rapidocr (offline, the default models that ship in its wheel) on an image file. rapidocr drops
the space between a label and its value (「名称东海晶莹水晶有限公司」) and may put two columns on one
line, so each value ends where the next known label begins.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from jmt.documents.models import DocumentKind

SEP = r"[:：\s]*"


@dataclass(frozen=True)
class FieldRule:
    key: str
    label: str
    labels: tuple[str, ...]  # printed labels; a space may appear between any two characters
    value: str = r".+?"


def _spaced(label: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in label)


LICENCE = (
    FieldRule("credit_code", "统一社会信用代码", ("统一社会信用代码",), r"[0-9A-Z]{18}"),
    FieldRule("name", "名称", ("名称",)),
    FieldRule("company_type", "类型", ("类型", "组成形式")),
    FieldRule("legal_representative", "法定代表人", ("法定代表人", "经营者", "负责人", "执行事务合伙人")),
    FieldRule("address", "住所", ("住所", "经营场所", "营业场所", "主要经营场所")),
    FieldRule("established_on", "成立日期", ("成立日期", "注册日期"), r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"),
)
# labels printed on a licence that end a value but are not read
LICENCE_OTHER = ("注册资本", "营业期限", "经营范围", "登记机关", "出资额")

ID_CARD = (
    FieldRule("name", "姓名", ("姓名",)),
    FieldRule("id_number", "身份证号", ("公民身份号码", "身份证号码", "身份证号"), r"\d{17}[\dXx]"),
    FieldRule(
        "valid_period",
        "有效期限",
        ("有效期限",),
        r"\d{4}[.\-/]\d{2}[.\-/]\d{2}\s*[-—–至~]+\s*(?:\d{4}[.\-/]\d{2}[.\-/]\d{2}|长期)",
    ),
)
ID_CARD_OTHER = ("性别", "民族", "出生", "住址", "签发机关")

BANK_PERMIT = (
    FieldRule("bank", "开户银行", ("开户银行", "开户行")),
    FieldRule("account_number", "账号", ("基本存款账户账号", "账号", "帐号"), r"\d[\d\s-]{6,}\d"),
)
BANK_PERMIT_OTHER = ("核准号", "编号", "法定代表人", "单位负责人", "存款人", "开户许可证")

RULES: dict[str, tuple[tuple[FieldRule, ...], tuple[str, ...]]] = {
    DocumentKind.BUSINESS_LICENCE: (LICENCE, LICENCE_OTHER),
    DocumentKind.ID_CARD_FRONT: (ID_CARD, ID_CARD_OTHER),
    DocumentKind.ID_CARD_BACK: (ID_CARD, ID_CARD_OTHER),
    DocumentKind.BANK_PERMIT: (BANK_PERMIT, BANK_PERMIT_OTHER),
}


def supports(kind: str) -> bool:
    return kind in RULES


def _clean(key: str, value: str) -> str:
    value = value.strip(" :：\t")
    if key == "established_on":
        y, m, d = (int(part) for part in re.findall(r"\d+", value))
        return f"{y:04d}-{m:02d}-{d:02d}"
    if key in {"credit_code", "id_number"}:
        return value.upper()
    if key == "account_number":
        return re.sub(r"[\s-]", "", value)
    if key == "valid_period":
        return re.sub(r"\s*[-—–至~]+\s*", "-", value)
    return value


def parse(kind: str, lines: list[str]) -> list[dict[str, str]]:
    """Fields read from OCR ``lines`` for a document of ``kind``: ``[{key, label, value}]`` in form order.

    A field not found has an empty value (the merchant fills it in when confirming).
    """
    rules, others = RULES.get(kind, ((), ()))
    text = "\n".join(line.strip() for line in lines if line.strip())
    every_label = [label for rule in rules for label in rule.labels] + list(others)
    stop = "|".join(_spaced(label) for label in sorted(every_label, key=len, reverse=True))
    fields = []
    for rule in rules:
        label = "|".join(_spaced(label) for label in sorted(rule.labels, key=len, reverse=True))
        pattern = rf"(?:{label}){SEP}(?!{stop})({rule.value})(?=\s*(?:{stop})|\s*$)"
        match = re.search(pattern, text, flags=re.MULTILINE | re.IGNORECASE)
        fields.append(
            {"key": rule.key, "label": rule.label, "value": _clean(rule.key, match.group(1)) if match else ""}
        )
    return fields


# --- the engine ----------------------------------------------------------------------------------

_engine: Any = None
_lock = threading.Lock()


def _get_engine() -> Any:
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr import RapidOCR  # heavy: imported on first use only

            _engine = RapidOCR()  # default models only: any other choice makes it download
        return _engine


def read_lines(image: bytes) -> list[str]:
    """The text lines rapidocr reads in the encoded ``image`` (PNG, JPEG …), top to bottom."""
    engine = _get_engine()
    with _lock:  # one inference at a time per process: the models are not shared safely across threads
        result = engine(image)
    return [str(text) for text in (result.txts or ())]
