"""Answering from the knowledge base: BM25 over the passages, reranked by the merchant's sales
channels, with a coverage check that refuses to answer from a passage that does not speak to the
question (the assistant then says 「我不确定」 and hands over to staff)."""

from __future__ import annotations

from dataclasses import dataclass

from jmt.training.knowledge import Document, Index, Passage, index, tokens

CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "tiktok": ("tiktok", "抖音", "tk"),
    "amazon": ("amazon", "亚马逊", "fba"),
    "etsy": ("etsy",),
    "facebook": ("facebook", "fb", "instagram", "ins", "脸书", "meta"),
}
MIN_COVERAGE = 0.5  # share of the question's IDF weight the best passage must contain
OWN_CHANNEL_BOOST = 1.6
OTHER_CHANNEL_DAMP = 0.7
SECOND_PASSAGE_SHARE = 0.6  # quote a document's second passage too when it scores this close to the best


@dataclass(frozen=True)
class Hit:
    doc: Document
    passage: Passage
    score: float
    coverage: float
    also: Passage | None = None  # the document's next best passage, when it scores close to the best


def named_channels(query_tokens: list[str]) -> set[str]:
    words = set(query_tokens)
    return {key for key, aliases in CHANNEL_ALIASES.items() if words & set(aliases)}


def search(question: str, *, channels: tuple[str, ...] = (), k: int = 3, kb: Index | None = None) -> list[Hit]:
    """The best ``k`` documents for the question, each with its best passage."""
    kb = kb or index()
    query = tokens(question)
    scores = kb.scores(query)
    named = named_channels(query)
    best: dict[str, tuple[float, int]] = {}
    second: dict[str, tuple[float, int]] = {}
    for i, score in enumerate(scores):
        if score <= 0:
            continue
        key = kb.passages[i].doc
        if key not in best or score > best[key][0]:
            if key in best:
                second[key] = best[key]
            best[key] = (float(score), i)
        elif key not in second or score > second[key][0]:
            second[key] = (float(score), i)
    ranked: list[tuple[float, str, int]] = []
    for key, (score, i) in best.items():
        channel = kb.docs[key].channel
        if channel and not named:  # the question names no channel: lean to the merchant's own
            if channel in channels:
                score *= OWN_CHANNEL_BOOST
            elif channels:
                score *= OTHER_CHANNEL_DAMP
        ranked.append((score, key, i))
    ranked.sort(key=lambda row: (-row[0], row[1]))
    hits = []
    for score, key, i in ranked[:k]:
        close = second.get(key)
        also = kb.passages[close[1]] if close and close[0] >= SECOND_PASSAGE_SHARE * best[key][0] else None
        hits.append(Hit(kb.docs[key], kb.passages[i], score, kb.coverage(query, key), also))
    return hits


def confident(hits: list[Hit]) -> list[Hit]:
    """The hits good enough to cite: the top one must cover the question; others must cover it too."""
    if not hits or hits[0].coverage < MIN_COVERAGE:
        return []
    return [h for h in hits if h.coverage >= MIN_COVERAGE]
