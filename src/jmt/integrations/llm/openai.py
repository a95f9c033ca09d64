"""Any OpenAI-compatible chat endpoint (DeepSeek, Qwen/DashScope compatible mode, vLLM, llama.cpp …):
``POST {base}/chat/completions`` with ``stream: true``, answered as server-sent events
(``data: {json}`` lines, ``data: [DONE]`` at the end)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from jmt.core.http import TransportError, stream_lines
from jmt.integrations.llm.port import ChatMessage, LlmError


class OpenAiCompatibleModel:
    def __init__(
        self, *, base_url: str, api_key: str, model: str, timeout: float = 30.0, temperature: float = 0.2
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.model = model
        self.name = model
        self.timeout = timeout
        self.temperature = temperature

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]:
        body = {
            "model": self.model,
            "stream": True,
            "temperature": self.temperature,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
        }
        headers = {"Authorization": f"Bearer {self.api_key}", "Accept": "text/event-stream"}
        finished = False
        try:
            with stream_lines(
                "POST", f"{self.base_url}/chat/completions", json=body, headers=headers, timeout=self.timeout
            ) as lines:
                for line in lines:
                    if not line.startswith("data:"):
                        continue  # blank separators, comments (": keep-alive"), event names
                    data = line[5:].strip()
                    if data == "[DONE]":
                        finished = True
                        break
                    piece, stop = _delta(data)
                    if piece:
                        yield piece
                    if stop:
                        finished = True
        except TransportError as exc:
            raise LlmError(str(exc), permanent=exc.permanent) from exc
        if not finished:
            raise LlmError("the stream ended before the model finished its answer")


def _delta(data: str) -> tuple[str, bool]:
    try:
        chunk = json.loads(data)
    except json.JSONDecodeError as exc:
        raise LlmError(f"unreadable stream chunk: {data[:80]!r}") from exc
    if "error" in chunk:
        raise LlmError(str(chunk["error"])[:200], permanent=True)
    choices = chunk.get("choices") or [{}]
    choice = choices[0]
    return str((choice.get("delta") or {}).get("content") or ""), bool(choice.get("finish_reason"))
