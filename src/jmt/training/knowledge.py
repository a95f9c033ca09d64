"""The assistant's knowledge base: published lessons, the platform help (built from the service
catalog and the module texts in ``content/help``) and the back-office FAQ, cut into passages and
indexed with jieba tokens and BM25 (``bm25s``).

The index is rebuilt in each process when the published content changes (a cheap signature query),
so back-office edits are searchable on the next question without any shared in-memory state.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import bm25s  # type: ignore[import-untyped]
import jieba  # type: ignore[import-untyped]
import numpy as np
from django.db.models import Count, Max

from jmt.core import catalog
from jmt.training.content import help_text
from jmt.training.markup import plain_text
from jmt.training.models import Faq, Lesson

jieba.setLogLevel(60)

STOPWORDS = frozenset(
    [
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "么",
        "是",
        "在",
        "我",
        "我们",
        "你",
        "您",
        "他",
        "它",
        "有",
        "和",
        "与",
        "及",
        "或",
        "就",
        "也",
        "都",
        "要",
        "会",
        "能",
        "可以",
        "怎么",
        "怎么样",
        "怎样",
        "如何",
        "什么",
        "哪些",
        "哪个",
        "为什么",
        "多少",
        "才",
        "不会",
        "会",
        "能不能",
        "可不可以",
        "行不行",
        "吗",
        "啥",
        "咋",
        "咋样",
        "一个",
        "这个",
        "那个",
        "这",
        "那",
        "还",
        "请问",
        "请",
        "一下",
        "需要",
        "应该",
        "是不是",
        "有没有",
        "吗",
        "给",
        "对",
        "把",
        "被",
        "让",
        "用",
        "从",
        "到",
        "为",
        "上",
        "下",
        "中",
        "里",
        "时候",
        "时",
        "后",
        "前",
        "等",
        "做",
        "办",
        "呀",
        "哦",
        "嗯",
        "想",
        "知道",
        "问",
        "没有",
        "不",
        "没",
        "得",
        "着",
        "过",
        "被",
        "个",
        "些",
        "，",
        "。",
        "？",
        "！",
        "、",
        "：",
        "；",
        "（",
        "）",
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        ",",
        ".",
        "?",
        "!",
        ":",
        ";",
        "-",
        "/",
        "|",
        "%",
        "+",
        "×",
        "÷",
        "=",
        "《",
        "》",
        "「",
        "」",
        "…",
        "—",
        "·",
        "and",
        "or",
        "the",
        "a",
        "to",
        "of",
        "for",
        "in",
        "on",
        "is",
    ]
)
SPLIT = re.compile(r"^## +", flags=re.M)


def tokens(text: str) -> list[str]:
    """jieba search-mode tokens, lower-cased, stop words and blanks dropped."""
    return [t for t in (w.strip().lower() for w in jieba.cut_for_search(text)) if t and t not in STOPWORDS]


@dataclass(frozen=True)
class Passage:
    doc: str  # the document key, e.g. "lesson:12", "help:customs", "faq:3"
    heading: str
    text: str


@dataclass
class Document:
    key: str
    kind: str  # lesson | help | faq
    title: str
    url: str
    channel: str = ""
    group: str = ""  # a lesson's course slug
    passages: list[Passage] = field(default_factory=list)


def _sections(doc: Document, body: str) -> None:
    parts = SPLIT.split(plain_text(body))
    for i, part in enumerate(parts):
        part = part.strip()
        if not part:
            continue
        heading, _, text = part.partition("\n") if i > 0 else ("", "", part)
        text = re.sub(r"[ \t]+", " ", text)
        doc.passages.append(Passage(doc.key, heading.strip(), re.sub(r"\n\s*\n+", "\n", text).strip()))


def lesson_url(lesson: Lesson) -> str:
    return f"/training/courses/{lesson.course_id}?lesson={lesson.pk}"


def help_documents() -> list[Document]:
    docs: list[Document] = []
    for module in catalog.MODULES:
        doc = Document(f"help:{module.key}", "help", f"{module.title}使用说明", f"/training/help/{module.key}")
        items = "；".join(
            f"{item.title}（{item.description or item.title}）" + ("" if item.built else "，即将上线")
            for item in module.items
        )
        gate = "工商注册核准后开放。" if module.gate is catalog.Gate.REGISTRATION_APPROVED else "注册后即可使用。"
        doc.passages.append(Passage(doc.key, "", f"{module.title}：{module.description}。{gate}包括：{items}。"))
        _sections(doc, help_text(module.key))
        docs.append(doc)
    account = Document("help:account", "help", "我的与账户使用说明", "/training/help/account")
    _sections(account, help_text("account"))
    docs.append(account)
    return docs


def build_documents() -> list[Document]:
    docs: list[Document] = []
    lessons = Lesson.objects.filter(is_published=True, course__is_published=True).select_related("course")
    for lesson in lessons.order_by("course__order", "order", "id"):
        doc = Document(
            f"lesson:{lesson.pk}",
            "lesson",
            f"{lesson.course.title} · {lesson.title}",
            lesson_url(lesson),
            channel=lesson.channel,
            group=lesson.course.slug,
        )
        _sections(doc, lesson.body)
        docs.append(doc)
    docs.extend(help_documents())
    for faq in Faq.objects.filter(is_published=True).order_by("order", "id"):
        doc = Document(f"faq:{faq.pk}", "faq", faq.question, f"/training/help/faq-{faq.pk}")
        doc.passages.append(Passage(doc.key, "", f"{faq.question} {faq.answer}"))
        docs.append(doc)
    return docs


class Index:
    def __init__(self, docs: list[Document]) -> None:
        self.docs = {doc.key: doc for doc in docs}
        self.passages = [p for doc in docs for p in doc.passages]
        corpus = [tokens(f"{self.docs[p.doc].title} {p.heading} {p.heading} {p.text}") for p in self.passages]
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)
        self.vocab: dict[str, int] = self.bm25.vocab_dict
        frequency: dict[str, int] = {}
        for passage_tokens in corpus:
            for token in set(passage_tokens):
                frequency[token] = frequency.get(token, 0) + 1
        total = max(len(corpus), 1)
        self.idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}
        self.unknown_idf = math.log(1 + (total + 0.5) / 0.5)
        self.doc_tokens: dict[str, set[str]] = {}
        for passage, passage_tokens in zip(self.passages, corpus, strict=True):
            self.doc_tokens.setdefault(passage.doc, set()).update(passage_tokens)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        known = [t for t in query_tokens if t in self.vocab]
        if not known:
            return np.zeros(len(self.passages))
        return np.asarray(self.bm25.get_scores(known))

    def coverage(self, query_tokens: list[str], doc: str) -> float:
        """Share of the query's weight (IDF) the document contains: low means it does not answer it."""
        unique = set(query_tokens)
        if not unique:
            return 0.0
        weight = {t: self.idf.get(t, self.unknown_idf) for t in unique}
        found = sum(w for t, w in weight.items() if t in self.doc_tokens[doc])
        return found / sum(weight.values())


_lock = threading.Lock()
_cached: tuple[Any, Index] | None = None


def _signature() -> tuple[Any, ...]:
    lessons = Lesson.objects.aggregate(n=Count("id"), at=Max("updated_at"), c=Max("course__updated_at"))
    faqs = Faq.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    return (lessons["n"], lessons["at"], lessons["c"], faqs["n"], faqs["at"])


def index() -> Index:
    global _cached
    signature = _signature()
    with _lock:
        if _cached is None or _cached[0] != signature:
            _cached = (signature, Index(build_documents()))
        return _cached[1]
