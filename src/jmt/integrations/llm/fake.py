"""A stand-in model for tests and demos: streams a fixed answer that cites the first passage."""

from __future__ import annotations

from collections.abc import Iterator

from jmt.integrations.llm.port import ChatMessage


class FakeChatModel:
    name = "fake"

    def __init__(self, answer: str = "根据资料[1]，") -> None:
        self.answer = answer
        self.calls: list[list[ChatMessage]] = []

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]:
        self.calls.append(messages)
        for i in range(0, len(self.answer), 4):
            yield self.answer[i : i + 4]
