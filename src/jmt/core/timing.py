"""``Server-Timing: cpu;dur=<ms>`` on every response: the CPU time the request's thread spent in Django
(middleware and view). Off by default; the load benchmark (``make bench-load``) turns it on with
``JMT_SERVER_TIMING=true`` to report CPU per endpoint. It tells a client nothing it could misuse, but
it has no purpose in production.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.thread_time()
        response = self.get_response(request)
        response["Server-Timing"] = f"cpu;dur={(time.thread_time() - started) * 1000:.2f}"
        return response
