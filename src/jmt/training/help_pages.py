"""The help pages the assistant links to: one per module (from the service catalog and the module
texts) and one per FAQ entry."""

from __future__ import annotations

from typing import Any

from jmt.core.errors import NotFound
from jmt.training import selectors
from jmt.training.content import help_text
from jmt.training.knowledge import help_documents
from jmt.training.markup import to_html


def page(key: str) -> dict[str, Any]:
    if key.startswith("faq-") and key[4:].isdigit():
        faq = selectors.faq_get(faq_id=int(key[4:]))
        return {"key": key, "title": faq.question, "html": to_html(faq.answer)}
    doc = next((d for d in help_documents() if d.key == f"help:{key}"), None)
    if doc is None:
        raise NotFound()
    overview = doc.passages[0].text if doc.passages and not doc.passages[0].heading and key != "account" else ""
    return {"key": key, "title": doc.title, "html": to_html(f"{overview}\n\n{help_text(key)}")}
