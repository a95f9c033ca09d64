"""Matching a typed query against Chinese text: substring, full pinyin, pinyin initials, fuzzy.

Every rule returns the character spans of ``text`` to highlight, so a pinyin hit lights up the
Chinese characters it spelled (「gszc」 → 工商注册 all four; 「tuishui」 → 退税 of 出口退税).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz

Span = tuple[int, int]

# Scores order the hits: an exact title first, then prefixes, substrings, pinyin, fuzzy.
EXACT, PREFIX, SUBSTRING, PINYIN_FULL, PINYIN_INITIALS, INITIALS_SKIPPING, FUZZY = 100, 90, 80, 70, 60, 50, 40
# Initials may skip characters (「dhsj」 → 东海晶莹水晶) once the query is long enough to mean something.
SKIPPING_MIN = 3
FUZZY_THRESHOLD = 75
_LATIN = re.compile(r"^[a-z]+$")


def normalize(query: str) -> str:
    """Full-width to half-width, lower case, inner spaces dropped: what the user meant to type."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", query)).lower()


def is_pinyin_query(query: str) -> bool:
    """Only a run of Latin letters can spell pinyin (「gszc」, 「tuishui」)."""
    return bool(_LATIN.match(query))


def _one_per_character(chars: str) -> Any:
    # pypinyin accepts a list from the callback (one entry per character), though its stubs say str.
    return [c.lower() for c in chars]


@lru_cache(maxsize=4096)
def syllables(text: str) -> tuple[str, ...]:
    """One lower-case pinyin syllable per character of ``text`` (other characters stand for themselves)."""
    out = lazy_pinyin(text, errors=_one_per_character)
    # pypinyin returns exactly one entry per character with the callback above; guard the invariant anyway.
    return tuple(out) if len(out) == len(text) else tuple(c.lower() for c in text)


def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``text`` without spaces: 「工商注册」 → ("gongshangzhuce", "gszc")."""
    parts = [s for s in syllables(text) if s.strip()]
    return "".join(parts), "".join(s[0] for s in parts)


@dataclass(frozen=True)
class Match:
    score: int
    spans: tuple[Span, ...]


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _pinyin_spans(text: str, query: str, *, initials: bool) -> tuple[Span, ...] | None:
    """The characters whose pinyin (or initials) contain ``query`` as one run, or None."""
    sylls = syllables(text)
    pieces = [(i, s[0] if initials else s) for i, s in enumerate(sylls) if s.strip()]
    joined = "".join(p for _, p in pieces)
    at = joined.find(query)
    if at < 0:
        return None
    end = at + len(query)
    spans: list[Span] = []
    offset = 0
    for index, piece in pieces:
        if offset < end and offset + len(piece) > at:
            spans.append((index, index + 1))
        offset += len(piece)
    return _merge(spans)


def _initials_in_order(text: str, query: str) -> tuple[Span, ...] | None:
    """The first characters whose initials spell ``query`` in order, possibly skipping some."""
    spans: list[Span] = []
    wanted = iter(query)
    letter = next(wanted, None)
    for index, syllable in enumerate(syllables(text)):
        if letter is None:
            break
        if syllable.strip() and syllable[0] == letter:
            spans.append((index, index + 1))
            letter = next(wanted, None)
    return _merge(spans) if letter is None else None


def initials_pattern(query: str) -> str:
    """The regular expression a database applies to stored initials for the skipping rule."""
    return ".*".join(re.escape(c) for c in query)


def match(text: str, query: str) -> Match | None:
    """How ``text`` matches the already :func:`normalize`-d ``query``, or None."""
    if not text or not query:
        return None
    lowered = text.lower()
    at = lowered.find(query)
    if at >= 0:
        score = EXACT if lowered == query else PREFIX if at == 0 else SUBSTRING
        return Match(score, ((at, at + len(query)),))
    if is_pinyin_query(query):
        spans = _pinyin_spans(text, query, initials=False)
        if spans is not None:
            return Match(PINYIN_FULL, spans)
        if len(query) >= 2:
            spans = _pinyin_spans(text, query, initials=True)
            if spans is not None:
                return Match(PINYIN_INITIALS, spans)
        if len(query) >= SKIPPING_MIN:
            spans = _initials_in_order(text, query)
            if spans is not None:
                return Match(INITIALS_SKIPPING, spans)
    if len(query) >= 2 and not is_pinyin_query(query):
        return _fuzzy(text, query)
    return None


def _fuzzy(text: str, query: str) -> Match | None:
    """A near miss (「工商注测」, 「出口推税」): rapidfuzz's best partial alignment, highlighted."""
    alignment = fuzz.partial_ratio_alignment(query, text.lower(), score_cutoff=FUZZY_THRESHOLD)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    return Match(FUZZY, ((alignment.dest_start, alignment.dest_end),))
