"""The OpenAI-compatible adapter against a local fake server that streams server-sent events."""

import json
import socket
import threading

import pytest

from jmt.integrations.llm.openai import OpenAiCompatibleModel
from jmt.integrations.llm.port import ChatMessage, LlmError


class FakeSseServer:
    """Answers one request per connection with ``frames`` as a chunked SSE body; ``cut`` closes the
    socket after the frames without ending the body (a dropped connection)."""

    def __init__(self, frames: list[str], *, status: int = 200, cut: bool = False) -> None:
        self.frames, self.status, self.cut = frames, status, cut
        self.bodies: list[dict] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, body = data.split(b"\r\n\r\n", 1)
        length = int(next(h.split(b":")[1] for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")))
        while len(body) < length:
            body += conn.recv(65536)
        self.bodies.append(json.loads(body))
        status_line = (
            f"HTTP/1.1 {self.status} X\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        conn.sendall(status_line.encode())
        for frame in self.frames:
            raw = frame.encode()
            conn.sendall(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
        if not self.cut:
            conn.sendall(b"0\r\n\r\n")
        conn.close()


def chunk(text: str, finish: str | None = None) -> str:
    return "data: " + json.dumps({"choices": [{"delta": {"content": text}, "finish_reason": finish}]}) + "\n\n"


@pytest.fixture(autouse=True)
def _loopback(settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True


def model(server: FakeSseServer) -> OpenAiCompatibleModel:
    return OpenAiCompatibleModel(base_url=server.url, api_key="sk-test", model="qwen-plus", timeout=5)


def test_the_answer_arrives_piece_by_piece_until_done():
    server = FakeSseServer(
        [": keep-alive\n\n", chunk("体积重"), chunk("按 5000 计算"), chunk("", "stop"), "data: [DONE]\n\n"]
    )
    assert list(model(server).stream([ChatMessage("user", "体积重怎么算")])) == ["体积重", "按 5000 计算"]


def test_the_request_carries_the_model_the_messages_and_asks_for_a_stream():
    server = FakeSseServer([chunk("好", "stop"), "data: [DONE]\n\n"])
    list(model(server).stream([ChatMessage("system", "资料：[1] 抛比 5000"), ChatMessage("user", "问")]))
    body = server.bodies[0]
    assert (body["model"], body["stream"]) == ("qwen-plus", True)
    assert body["messages"][0] == {"role": "system", "content": "资料：[1] 抛比 5000"}


def test_a_dropped_connection_mid_answer_raises_after_the_pieces_received():
    server = FakeSseServer([chunk("体积重"), chunk("按")], cut=True)
    received: list[str] = []
    with pytest.raises(LlmError) as caught:
        received.extend(model(server).stream([ChatMessage("user", "体积重怎么算")]))
    assert received == ["体积重", "按"]
    assert caught.value.permanent is False


def test_a_stream_that_ends_without_finishing_is_an_error():
    server = FakeSseServer([chunk("体积重")])
    with pytest.raises(LlmError):
        list(model(server).stream([ChatMessage("user", "问")]))


def test_a_rejected_key_is_a_permanent_error():
    server = FakeSseServer(['{"error": "invalid api key"}'], status=401)
    with pytest.raises(LlmError) as caught:
        list(model(server).stream([ChatMessage("user", "问")]))
    assert caught.value.permanent is True


def test_an_unreachable_server_is_a_transient_error():
    with pytest.raises(LlmError) as caught:
        list(OpenAiCompatibleModel(base_url="http://127.0.0.1:9/v1", api_key="k", model="m", timeout=1).stream([]))
    assert caught.value.permanent is False
