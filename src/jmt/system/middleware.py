"""Security headers Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy.

(``SecurityMiddleware`` sets HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy;
``XFrameOptionsMiddleware`` sets X-Frame-Options.) The policy fits the built front end: scripts only
from our own origin (Vite emits no inline script), styles from our origin plus inline ones — antd
injects its CSS-in-JS as ``<style>`` elements — and images from our origin, ``data:`` and ``blob:``
(the export downloads). A response that already carries a policy keeps it.

The mobile H5 (``/m/``) alone may also load WeChat's JS-SDK from ``res.wx.qq.com``: inside the
mini-program's ``<web-view>`` it is the only way to open a mini-program page (the download bridge,
``wx.miniProgram.navigateTo``), and it is loaded only there.

API answers (``/api/``) are personal and change with every write: each one says
``Cache-Control: no-store`` unless the view chose a caching policy itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

DEFAULT_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
WECHAT_JSSDK_ORIGIN = "https://res.wx.qq.com"
MOBILE_CSP = DEFAULT_CSP.replace("script-src 'self'", f"script-src 'self' {WECHAT_JSSDK_ORIGIN}")
DEFAULT_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)
        self.csp = str(getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CSP))
        self.mobile_csp = str(getattr(settings, "CONTENT_SECURITY_POLICY", MOBILE_CSP))
        self.permissions = str(getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY))

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        return self._headers(request, self.get_response(request))

    async def __acall__(self, request: HttpRequest) -> Any:
        return self._headers(request, await self.get_response(request))

    def _headers(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if request.path.startswith("/api/") and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        if self.csp and "Content-Security-Policy" not in response:
            mobile = request.path == "/m" or request.path.startswith("/m/")
            response["Content-Security-Policy"] = self.mobile_csp if mobile else self.csp
        if self.permissions and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions
        return response
