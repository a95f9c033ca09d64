"""The one outbound HTTP helper every integration adapter uses.

Timeouts on every call, a bounded retry on transport errors and 5xx answers, and a guard that
refuses private, loopback and link-local addresses (SSRF) unless settings allow them — the tests
allow them so adapters can be driven against local fake servers.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings

logger = logging.getLogger("jmt.http")


class TransportError(Exception):
    """The remote system could not be reached or answered badly. ``permanent``: do not retry."""

    def __init__(self, message: str, *, permanent: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.status = status


def _check_host(url: str) -> None:
    if settings.HTTP_ALLOW_PRIVATE_HOSTS:
        return
    host = urlsplit(url).hostname
    if not host:
        raise TransportError(f"no host in {url!r}", permanent=True)
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise TransportError(f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            raise TransportError(f"refusing to call a private address ({host})", permanent=True)


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
    _check_host(url)
    attempt = 0
    while True:
        try:
            response = httpx.request(
                method,
                url,
                params=params,
                json=json,
                data=data,
                content=content,
                headers=headers,
                timeout=timeout or settings.HTTP_TIMEOUT_SECONDS,
            )
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
