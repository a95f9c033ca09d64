"""Turn what merchants type into clean values: full-width digits, stray spaces, Excel date serials
and numbers stored as text are normal input here, not errors.

Each normaliser returns ``(value, error_code)``: ``value`` is the canonical text stored and sent to
customs (``""`` for blank), ``error_code`` is ``None`` or one of ``CELL_ERROR_CODES``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from jmt.customs.codes import table

Raw = object  # what calamine hands over: str, int, float, bool, date, datetime, time, timedelta, None

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x200B: None, 0xFEFF: None, 0x2009: 0x20})  # type: ignore[dict-item]
# Free text keeps Chinese punctuation as typed (（）：，；), only full-width letters and digits fold.
_FULL_WIDTH_ALNUM: dict[int, int | None] = {
    code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_FULL_WIDTH_ALNUM.update({0x3000: 0x20, 0x00A0: 0x20, 0x200B: None, 0xFEFF: None, 0x2009: 0x20})
_ALLOWED_SYMBOLS = frozenset("©®™°")
_ENTERPRISE = re.compile(r"^[0-9A-Z]{10}$|^[0-9A-Z]{18}$")
_HS = re.compile(r"^\d{10}$")
_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
MAX_INTEGER_DIGITS = 14  # decimal totalDigits=19 fractionDigits=5
MAX_DECIMALS = 5
QUANTUM = Decimal(1).scaleb(-MAX_DECIMALS)
_TOO_LARGE = Decimal(10) ** MAX_INTEGER_DIGITS


def as_text(raw: Raw) -> str:
    """Any cell as trimmed half-width text; whole floats lose their ``.0`` (Excel stores 123 as 123.0)."""
    if type(raw) is str:  # most cells: runs of whitespace become one space, the ends are trimmed
        return " ".join(raw.translate(_FULL_WIDTH).split())
    if raw is None or raw == "":
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return " ".join(str(raw).translate(_FULL_WIDTH).split())


def as_typed_text(raw: Raw) -> str:
    """Free text (names, specifications): spaces tidied, full-width letters and digits folded,
    punctuation kept as typed."""
    if not isinstance(raw, str):
        return as_text(raw)
    return " ".join(raw.translate(_FULL_WIDTH_ALNUM).split())


def unsupported_character(value: str) -> str | None:
    """The first character outside GB18030's common range (emoji, pictographs, private use), if any.

    Allowed: whatever GB18030 encodes in one or two bytes (GBK: Chinese, full-width punctuation, ★),
    and letters, marks, digits and punctuation of the Basic Multilingual Plane (é, ñ, ß in foreign
    names). Refused: characters beyond U+FFFF, emoji presentation selectors and joiners, and symbols
    that only GB18030's four-byte range has."""
    if value.isascii():
        return None
    found = _refused_pattern().search(value)
    return found.group() if found else None


def _refused(char: str) -> bool:
    """The rule of ``unsupported_character`` for one character of the Basic Multilingual Plane outside ASCII."""
    if char in _ALLOWED_SYMBOLS:
        return False
    if 0xFE00 <= ord(char) <= 0xFE0F or char in "\u200d\u20e3":
        return True
    try:
        if len(char.encode("gb18030")) <= 2:
            return False
    except UnicodeEncodeError:  # a lone surrogate: no message can carry it
        return True
    category = unicodedata.category(char)
    return not (category[0] in "LMNP" or category in ("Zs", "Sc", "Sm", "Sk"))


@cache
def _refused_pattern() -> re.Pattern[str]:
    """The refused characters as one regex class: the rule applied once to every code point of the
    Basic Multilingual Plane, everything beyond it refused (a cell is then checked at C speed)."""
    ranges: list[tuple[int, int]] = []
    for code_point in range(0x80, 0x10000):
        if not _refused(chr(code_point)):
            continue
        if ranges and ranges[-1][1] == code_point - 1:
            ranges[-1] = (ranges[-1][0], code_point)
        else:
            ranges.append((code_point, code_point))
    members = "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in ranges)
    return re.compile(f"[{members}\\U00010000-\\U0010ffff]")


def compact(raw: Raw) -> str:
    """Identifiers and codes: no spaces at all (``SF 1234 5678`` → ``SF12345678``)."""
    return as_text(raw).replace(" ", "")


def text(raw: Raw, max_length: int) -> tuple[str, str | None]:
    value = as_typed_text(raw)
    if unsupported_character(value):
        return value, "CHARACTER_UNSUPPORTED"
    if max_length and len(value) > max_length:
        return value, "TOO_LONG"
    return value, None


def identifier(raw: Raw, max_length: int) -> tuple[str, str | None]:
    value = compact(raw)
    if unsupported_character(value):
        return value, "CHARACTER_UNSUPPORTED"
    if max_length and len(value) > max_length:
        return value, "TOO_LONG"
    return value, None


def enterprise(raw: Raw) -> tuple[str, str | None]:
    value = compact(raw).upper()
    if value and not _ENTERPRISE.match(value):
        return value, "ENTERPRISE_CODE_INVALID"
    return value, None


def hs_code(raw: Raw) -> tuple[str, str | None]:
    value = compact(raw).replace(".", "")
    if value and not _HS.match(value):
        return value, "HS_CODE_INVALID"
    return value, None


_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")  # 1,234.50 — after full-width folding


def decimal(raw: Raw) -> tuple[str, str | None]:
    """Numbers, also when typed as text (``1,234.50``, ``1，234.50``, ``１２``, `` 3 ``).

    One rounding rule for number cells and numeric text alike: half up to 5 decimals (the messages'
    limit; Excel's binary noise such as 0.30000000000000004 is not the merchant's doing). A comma that
    is not a thousands separator (``25,50``: a decimal comma) is refused, never read as 2550."""
    if raw is None or raw == "":
        return "", None
    if isinstance(raw, bool):
        return as_text(raw), "NUMBER_INVALID"
    if isinstance(raw, int | float):
        try:
            number = Decimal(repr(float(raw)))
        except InvalidOperation:
            return as_text(raw), "NUMBER_INVALID"
    else:
        cleaned = compact(raw).lstrip("¥$￥")  # full-width ，and ． already folded to , and .
        if "," in cleaned:
            if not _GROUPED.match(cleaned):
                return as_text(raw), "DECIMAL_COMMA"
            cleaned = cleaned.replace(",", "")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            return as_text(raw), "NUMBER_INVALID"
    if not number.is_finite():
        return as_text(raw), "NUMBER_INVALID"
    number = number.quantize(QUANTUM, rounding=ROUND_HALF_UP) if _decimals(number) > MAX_DECIMALS else number
    if abs(number) >= _TOO_LARGE:
        return as_text(raw), "NUMBER_INVALID"
    normal = number.normalize()
    return (format(normal, "f") if normal != 0 else "0"), None


def _decimals(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def integer(raw: Raw) -> tuple[str, str | None]:
    value, error = decimal(raw)
    if error or value == "":
        return value, error and "INTEGER_INVALID"
    number = Decimal(value)
    if number != number.to_integral_value() or number < 1 or number >= 10**9:
        return value, "INTEGER_INVALID"
    return str(int(number)), None


def excel_date(raw: Raw) -> tuple[str, str | None]:
    """A date cell, an Excel serial number (45734 → 2025-03-18), or text such as 2026/3/18, 20260318."""
    if raw is None or raw == "":
        return "", None
    found: date | None = None
    if isinstance(raw, datetime):
        found = raw.date()
    elif isinstance(raw, date):
        found = raw
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        if 20000 < raw < 80000:  # 1954 … 2119 as serials
            found = _EXCEL_EPOCH + timedelta(days=int(raw))
        elif 19000101 <= raw <= 21001231:
            found = _parse_date_text(str(int(raw)))
    else:
        text_value = compact(raw)
        found = _parse_date_text(text_value)
        if found is None and text_value.replace(".", "", 1).isdigit():
            return excel_date(float(text_value))
    if found is None or not (2000 <= found.year <= 2100):
        return as_text(raw), "DATE_INVALID"
    return found.isoformat(), None


def _parse_date_text(value: str) -> date | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None


@cache
def _lookup(name: str) -> dict[str, str]:
    return table(name).lookup()


def code(raw: Raw, table_name: str, error_code: str) -> tuple[str, str | None]:
    """A code from a customs table, as ``035``, ``35``, ``035-千克`` or ``千克`` (``USD`` for currencies)."""
    value = as_text(raw)
    if value == "":
        return "", None
    index = _lookup(table_name)
    found = index.get(value) or index.get(value.replace(" ", "")) or index.get(value.upper())
    if found is None and "-" in value:
        found = index.get(value.split("-", 1)[0].strip())
    if found is None:
        return value, error_code
    return found, None
