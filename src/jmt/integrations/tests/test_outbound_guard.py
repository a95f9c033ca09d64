"""Outbound calls reach public addresses only, resolved once and connected to as checked."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from jmt.core import http


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).seen.append({"path": self.path, "host": self.headers.get("Host", "")})
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[int]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Names in ``answers`` resolve to the listed addresses, one list per look-up, in order."""
    state: dict[str, Any] = {"answers": {}, "lookups": []}
    real = socket.getaddrinfo

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in state["answers"]:
            state["lookups"].append(host)
            queue = state["answers"][host]
            address = queue.pop(0) if len(queue) > 1 else queue[0]
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return state


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    attempts: list[Any] = []

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append(address)
        raise AssertionError(f"a connection to {address} was attempted")

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


@pytest.mark.parametrize(
    "address",
    [
        "100.100.100.200",
        "100.64.0.1",
        "127.0.0.1",
        "10.0.0.8",
        "169.254.169.254",
        "0.0.0.0",  # noqa: S104 - refused, not bound
        "224.0.0.1",
    ],
)
def test_a_non_public_address_is_refused_permanently_without_connecting(settings, no_connections, address):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False

    with pytest.raises(http.TransportError) as caught:
        http.request("GET", f"http://{address}/latest/meta-data/")

    assert caught.value.permanent is True
    assert no_connections == []


def test_alibaba_metadata_service_in_shared_address_space_is_not_public():
    import ipaddress

    assert not http.is_public(ipaddress.ip_address("100.100.100.200"))
    assert not http.is_public(ipaddress.ip_address("::ffff:127.0.0.1"))
    assert http.is_public(ipaddress.ip_address("106.11.0.1"))


def test_a_name_that_resolves_to_loopback_is_refused(settings, fake_dns, local_server):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False
    fake_dns["answers"]["metadata.attacker.test"] = ["127.0.0.1"]

    with pytest.raises(http.TransportError) as caught:
        http.request("GET", f"http://metadata.attacker.test:{local_server}/secret", retries=0)

    assert caught.value.permanent is True
    assert _Recorder.seen == []


def test_a_name_is_resolved_once_and_the_checked_address_is_the_one_connected_to(
    settings, fake_dns, monkeypatch, local_server
):
    """DNS rebinding: a first answer that passes the check and a second one that points inside."""
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False
    fake_dns["answers"]["rebind.attacker.test"] = ["106.11.0.1", "127.0.0.1"]
    connected: list[Any] = []

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        connected.append(address)
        raise OSError("unreachable in the test")

    monkeypatch.setattr(socket, "create_connection", create_connection)

    with pytest.raises(http.TransportError):
        http.request("GET", f"http://rebind.attacker.test:{local_server}/secret", retries=0)

    assert fake_dns["lookups"] == ["rebind.attacker.test"]
    assert connected == [("106.11.0.1", local_server)]
    assert _Recorder.seen == []


def test_the_host_header_keeps_the_name_when_connecting_to_the_resolved_address(settings, fake_dns, local_server):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True
    fake_dns["answers"]["gateway.partner.test"] = ["127.0.0.1"]

    response = http.request("GET", f"http://gateway.partner.test:{local_server}/ping")

    assert response.status_code == 200
    assert response.text == "ok"
    assert _Recorder.seen == [{"path": "/ping", "host": f"gateway.partner.test:{local_server}"}]
    assert fake_dns["lookups"] == ["gateway.partner.test"]


def test_an_unresolvable_name_is_a_transient_error(settings, monkeypatch):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = False

    def getaddrinfo(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    with pytest.raises(http.TransportError) as caught:
        http.request("GET", "http://nowhere.invalid/", retries=0)

    assert caught.value.permanent is False
