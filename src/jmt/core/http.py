"""The one outbound HTTP helper every integration adapter uses.

Timeouts on every call, a bounded retry on transport errors and 5xx answers, and a guard against
SSRF: the host is resolved **once**, every address it resolves to must be a public one
(``ipaddress.is_global``: no private, loopback, link-local, shared 100.64.0.0/10 — Alibaba Cloud's
metadata service is 100.100.100.200 — reserved or multicast address), and the connection is made to
that checked address while the URL's host name stays the ``Host`` header and the TLS server name.
A second look-up by the HTTP library (DNS rebinding) therefore cannot swap in another address.
Settings may allow private hosts — the tests do, so adapters can be driven against local fake servers.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx
from django.conf import settings

logger = logging.getLogger("jmt.http")


class TransportError(Exception):
    """The remote system could not be reached or answered badly. ``permanent``: do not retry."""

    def __init__(self, message: str, *, permanent: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.status = status


class AddressRefused(Exception):
    """The host resolves to an address outbound calls may not reach."""


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: IPAddress) -> bool:
    """Whether an outbound call may reach ``address`` (IPv4-mapped IPv6 is judged as the IPv4 it carries)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(host: str, port: int, *, allow_private: bool) -> list[IPAddress]:
    """Every address ``host`` resolves to, refused as a whole if one of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise httpcore.ConnectError(f"cannot resolve {host}")
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise AddressRefused(f"refusing to call a non-public address ({host} → {address})")
    return addresses


class _CheckedBackend(httpcore.SyncBackend):
    """Resolves once, checks, and connects to the checked address (never to the name again)."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port, allow_private=self.allow_private)
        for address in addresses[:-1]:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError:
                logger.info("cannot connect to %s (%s), trying the next address", address, host)
        return super().connect_tcp(str(addresses[-1]), port, timeout, local_address, socket_options)


_ssl_context: ssl.SSLContext | None = None


def _transport(*, allow_private: bool) -> httpx.HTTPTransport:
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = httpx.create_ssl_context()
    transport = httpx.HTTPTransport(verify=_ssl_context, trust_env=False)
    # The TLS handshake still uses the URL's host name (SNI and certificate check): httpcore passes
    # it to ``start_tls`` independently of the address the backend connected to.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context, network_backend=_CheckedBackend(allow_private=allow_private)
    )
    return transport


def request(
    method: str,
    url: str,
    *,
    params: dict[str, Any] | None = None,
    json: Any = None,
    data: Any = None,
    content: bytes | str | None = None,
    headers: dict[str, str] | None = None,
    retries: int = 2,
    timeout: float | None = None,
) -> httpx.Response:
    """Send one request; retry transport errors and 5xx up to ``retries`` times with backoff."""
    if not urlsplit(url).hostname:
        raise TransportError(f"no host in {url!r}", permanent=True)
    attempt = 0
    while True:
        try:
            with httpx.Client(
                transport=_transport(allow_private=settings.HTTP_ALLOW_PRIVATE_HOSTS),
                timeout=timeout or settings.HTTP_TIMEOUT_SECONDS,
            ) as client:
                response = client.request(
                    method, url, params=params, json=json, data=data, content=content, headers=headers
                )
                response.read()
        except AddressRefused as exc:
            raise TransportError(str(exc), permanent=True) from exc
        except httpx.HTTPError as exc:
            error = TransportError(f"{method} {urlsplit(url).netloc}: {exc.__class__.__name__}")
        else:
            if response.status_code < 500:
                return response
            error = TransportError(
                f"{method} {urlsplit(url).netloc}: HTTP {response.status_code}", status=response.status_code
            )
        if attempt >= retries:
            raise error
        attempt += 1
        logger.warning("retrying after %s (attempt %d)", error, attempt)
        time.sleep(0.2 * 2 ** (attempt - 1))


@contextmanager
def stream_lines(
    method: str, url: str, *, json: Any = None, headers: dict[str, str] | None = None, timeout: float | None = None
) -> Iterator[Iterator[str]]:
    """Open a streamed response (one attempt, no retry: a stream cannot be replayed) and yield its
    lines as they arrive. Transport errors, before or during the stream, become ``TransportError``;
    a 4xx is permanent, a 5xx transient."""
    if not urlsplit(url).hostname:
        raise TransportError(f"no host in {url!r}", permanent=True)
    where = f"{method} {urlsplit(url).netloc}"
    try:
        with (
            httpx.Client(
                transport=_transport(allow_private=settings.HTTP_ALLOW_PRIVATE_HOSTS),
                timeout=timeout or settings.HTTP_TIMEOUT_SECONDS,
            ) as client,
            client.stream(method, url, json=json, headers=headers) as response,
        ):
            if response.status_code >= 400:
                raise TransportError(
                    f"{where}: HTTP {response.status_code}",
                    permanent=response.status_code < 500,
                    status=response.status_code,
                )
            yield _lines(response, where)
    except AddressRefused as exc:
        raise TransportError(str(exc), permanent=True) from exc
    except httpx.HTTPError as exc:
        raise TransportError(f"{where}: {exc.__class__.__name__}") from exc


def _lines(response: httpx.Response, where: str) -> Iterator[str]:
    try:
        yield from response.iter_lines()
    except httpx.HTTPError as exc:
        raise TransportError(f"{where}: stream cut ({exc.__class__.__name__})") from exc
