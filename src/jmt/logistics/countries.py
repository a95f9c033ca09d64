"""Destination countries: their Chinese names and the address fields a recipient there needs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AddressField:
    key: str
    label: str
    required: bool = True
    pattern: str = ""  # a regular expression the value must match, if any
    hint: str = ""


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    fields: tuple[AddressField, ...]


def _f(key: str, label: str, required: bool = True, pattern: str = "", hint: str = "") -> AddressField:
    return AddressField(key, label, required, pattern, hint)


LINE1 = _f("address_line1", "详细地址（英文/当地文字）", hint="街道、门牌号")
LINE2 = _f("address_line2", "地址补充", required=False, hint="楼栋、房间号")

COUNTRIES: tuple[Country, ...] = (
    Country(
        "JP",
        "日本",
        (
            _f("postcode", "邮编", pattern=r"^\d{3}-?\d{4}$", hint="如 150-0001"),
            _f("state", "都道府县", hint="如 東京都"),
            _f("city", "市区町村", hint="如 渋谷区"),
            LINE1,
            LINE2,
        ),
    ),
    Country(
        "KR",
        "韩国",
        (_f("postcode", "邮编", pattern=r"^\d{5}$", hint="5 位数字"), _f("city", "市/道"), LINE1, LINE2),
    ),
    Country(
        "US",
        "美国",
        (
            _f("state", "州（两位字母）", pattern=r"^[A-Za-z]{2}$", hint="如 CA"),
            _f("city", "城市"),
            _f("postcode", "ZIP 邮编", pattern=r"^\d{5}(-\d{4})?$", hint="如 90001"),
            LINE1,
            LINE2,
        ),
    ),
    Country(
        "CA",
        "加拿大",
        (
            _f("state", "省"),
            _f("city", "城市"),
            _f("postcode", "邮编", pattern=r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$", hint="如 V6B 1A1"),
            LINE1,
            LINE2,
        ),
    ),
    Country(
        "AU",
        "澳大利亚",
        (
            _f("state", "州/领地", hint="如 NSW"),
            _f("city", "城市/区（Suburb）"),
            _f("postcode", "邮编", pattern=r"^\d{4}$", hint="4 位数字"),
            LINE1,
            LINE2,
        ),
    ),
    Country(
        "GB",
        "英国",
        (
            _f("city", "城市"),
            _f("postcode", "邮编", pattern=r"^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$", hint="如 SW1A 1AA"),
            LINE1,
            LINE2,
        ),
    ),
    Country(
        "DE",
        "德国",
        (_f("city", "城市"), _f("postcode", "邮编", pattern=r"^\d{5}$", hint="5 位数字"), LINE1, LINE2),
    ),
    Country(
        "FR",
        "法国",
        (_f("city", "城市"), _f("postcode", "邮编", pattern=r"^\d{5}$", hint="5 位数字"), LINE1, LINE2),
    ),
)
BY_CODE = {c.code: c for c in COUNTRIES}


def country_name(code: str) -> str:
    country = BY_CODE.get(code)
    return country.name if country else code
