"""The search key of a product: Chinese text, full pinyin and pinyin initials (pypinyin), lower case.

「白水晶手串」 → ``白水晶手串 baishuijingshouchuan bsjsc``, so 「白水晶」, 「baishui」 and 「bsj」 all
find it with one ``LIKE`` (a trigram index serves it on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin


def _pinyin(text: str) -> tuple[str, str]:
    syllables = [s for s in lazy_pinyin(text, errors="ignore") if s.strip()]
    initials = [s for s in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore") if s.strip()]
    return "".join(syllables).lower(), "".join(initials).lower()


def search_key(name: str, extras: Iterable[str] = ()) -> str:
    """Name with its pinyin and initials, then each extra (category, tags) likewise."""
    parts: list[str] = []
    for text in (name, *extras):
        text = text.strip()
        if not text:
            continue
        full, initials = _pinyin(text)
        parts.extend(["".join(text.lower().split()), full, initials])
    return " ".join(dict.fromkeys(p for p in parts if p))


def normalise_query(q: str) -> str:
    """What a query is matched with: trimmed, lower case, inner spaces dropped (「bai shui」 = 「baishui」)."""
    return "".join(q.lower().split())
