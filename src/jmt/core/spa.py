"""Serve a built single-page app's index.html for every route of its surface (client-side routing)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse


@cache
def _read(relative: str) -> bytes | None:
    index = settings.WEB_DIST / relative
    return index.read_bytes() if index.exists() else None


def spa_view(relative: str) -> Callable[[HttpRequest], HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        body = _read(relative) if not settings.DEBUG else _read.__wrapped__(relative)
        if body is None:
            return HttpResponse(
                "前端尚未构建：请运行 make run（或 make web）。".encode(),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        response = HttpResponse(body, content_type="text/html; charset=utf-8")
        response["Cache-Control"] = "no-cache"
        return response

    return view
