"""The llm port: a chat model that streams its answer. Used by the assistant only when configured;
without it the assistant answers from retrieval alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ChatMessage:
    role: str  # system | user | assistant
    content: str


class LlmError(Exception):
    """The model could not answer (or stopped half-way). ``permanent``: do not retry (bad key, bad request)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class ChatModel(Protocol):
    name: str

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]:
        """Yield the answer's text pieces as they arrive; raise ``LlmError`` on failure, also mid-stream."""
        ...
