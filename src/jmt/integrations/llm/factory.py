"""Pick the chat model named by ``settings.LLM_BACKEND``: ``none`` (retrieval-only answers, the
default), ``openai`` (any OpenAI-compatible endpoint) or ``fake`` (tests)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.llm.fake import FakeChatModel
from jmt.integrations.llm.openai import OpenAiCompatibleModel
from jmt.integrations.llm.port import ChatModel

BACKENDS = ("none", "openai", "fake")


def get_chat_model() -> ChatModel | None:
    backend = settings.LLM_BACKEND
    if backend == "none":
        return None
    if backend == "fake":
        return FakeChatModel()
    if backend == "openai":
        missing = [name for name in ("LLM_BASE_URL", "LLM_MODEL") if not getattr(settings, name, "")]
        if missing:
            raise ImproperlyConfigured(f"LLM_BACKEND='openai' needs these settings: {', '.join(missing)}")
        return OpenAiCompatibleModel(
            base_url=settings.LLM_BASE_URL,
            api_key=settings.LLM_API_KEY,
            model=settings.LLM_MODEL,
            timeout=settings.LLM_TIMEOUT_SECONDS,
        )
    raise ImproperlyConfigured(f"LLM_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
