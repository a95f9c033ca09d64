"""URLs: the API, the three front-end surfaces (served from web/dist), and JSON 404s under /api/."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, path, re_path

from jmt.accounts.api import fake_qrconnect_page
from jmt.api import api
from jmt.core.errors import COMMON_ERROR_CODES
from jmt.core.spa import spa_view


def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return JsonResponse(
        {"code": "NOT_FOUND", "message": COMMON_ERROR_CODES["NOT_FOUND"], "details": {}},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )


urlpatterns: list[URLPattern | URLResolver] = []
if settings.WECHAT_BACKEND == "fake":
    urlpatterns.append(path("api/v1/auth/wechat/fake-qrconnect", fake_qrconnect_page))
urlpatterns += [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
    re_path(r"^admin(?:/.*)?$", spa_view("admin/index.html")),
    re_path(r"^m(?:/.*)?$", spa_view("m/index.html")),
    re_path(r"^(?!assets/|static/).*$", spa_view("index.html")),
]
