"""Request rate and latency across every web process, without shared memory.

Each process aggregates its requests in memory per minute: a count, the 5xx count, the total and
the maximum duration and a latency histogram with fixed bucket bounds. At most every
``REQUEST_METRICS_FLUSH_SECONDS`` the process inserts what it gathered as :class:`RequestMetric`
rows — after the response that noticed it was due has been sent (a response closer), so no client
waits for it. The monitor merges the rows of all processes; fixed bounds make histograms of
different processes addable, and a percentile is read off the merged histogram.

Per request the middleware costs a ``perf_counter`` pair, a ``bisect`` and a locked dict update
(a few microseconds; ``test_request_metrics`` measures it).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone

from jmt.system.models import RequestMetric

logger = logging.getLogger("jmt.system.metrics")

# Upper bounds (ms) of the histogram buckets; one more bucket holds everything slower.
BOUNDS_MS: tuple[float, ...] = (
    5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000,
)  # fmt: skip
BUCKETS = len(BOUNDS_MS) + 1


@dataclass
class Minute:
    count: int = 0
    errors: int = 0
    total_ms: float = 0.0
    max_ms: float = 0.0
    histogram: list[int] = field(default_factory=lambda: [0] * BUCKETS)

    def add(self, ms: float, error: bool) -> None:
        self.count += 1
        self.errors += error
        self.total_ms += ms
        if ms > self.max_ms:
            self.max_ms = ms
        self.histogram[bisect_left(BOUNDS_MS, ms)] += 1

    def merge(self, other: Minute) -> None:
        self.count += other.count
        self.errors += other.errors
        self.total_ms += other.total_ms
        self.max_ms = max(self.max_ms, other.max_ms)
        self.histogram = [a + b for a, b in zip(self.histogram, other.histogram, strict=True)]


class Recorder:
    """This process's requests, per minute (epoch minute → :class:`Minute`), until flushed."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._lock = threading.Lock()
        self._minutes: dict[int, Minute] = {}
        self._clock = clock
        self._last_flush = time.monotonic()

    def observe(self, seconds: float, status: int) -> None:
        minute = int(self._clock() // 60)
        with self._lock:
            bucket = self._minutes.get(minute)
            if bucket is None:
                bucket = self._minutes[minute] = Minute()
            bucket.add(seconds * 1000.0, status >= 500)

    def claim_flush(self) -> bool:
        """True once per flush interval (to the one caller that will flush)."""
        interval = float(getattr(settings, "REQUEST_METRICS_FLUSH_SECONDS", 5))
        if interval <= 0:
            return False
        now = time.monotonic()
        with self._lock:
            if now - self._last_flush < interval or not self._minutes:
                return False
            self._last_flush = now
            return True

    def reset(self) -> None:
        """Forget what was gathered and start a new flush interval now."""
        with self._lock:
            self._minutes = {}
            self._last_flush = time.monotonic()

    def take(self) -> dict[int, Minute]:
        with self._lock:
            taken, self._minutes = self._minutes, {}
        return taken

    def flush(self) -> int:
        """Insert what was gathered; returns the number of requests written. Never raises."""
        taken = self.take()
        if not taken:
            return 0
        process = f"{socket.gethostname()}:{os.getpid()}"[:96]
        rows = [
            RequestMetric(
                minute=datetime.fromtimestamp(minute * 60, tz=UTC),
                process=process,
                count=m.count,
                errors=m.errors,
                total_ms=round(m.total_ms, 3),
                max_ms=round(m.max_ms, 3),
                histogram=m.histogram,
            )
            for minute, m in sorted(taken.items())
        ]
        try:
            RequestMetric.objects.bulk_create(rows)
        except Exception:  # metrics must never break a request; the lost seconds show as a dip
            logger.warning("could not write request metrics", exc_info=True)
            return 0
        return sum(m.count for m in taken.values())


recorder = Recorder()


class RequestMetricsMiddleware:
    """Times every request Django handles (static files are served before it, by WhiteNoise)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        started = time.perf_counter()
        response = self.get_response(request)
        self._done(response, started)
        return response

    async def __acall__(self, request: HttpRequest) -> Any:
        started = time.perf_counter()
        response = await self.get_response(request)
        self._done(response, started)
        return response

    @staticmethod
    def _done(response: HttpResponseBase, started: float) -> None:
        recorder.observe(time.perf_counter() - started, response.status_code)
        if recorder.claim_flush():
            # Django's own mechanism for work after the response is sent (FileResponse closes its
            # file the same way): runs on response.close(), before request_finished.
            response._resource_closers.append(recorder.flush)  # type: ignore[attr-defined]


# --- reading: the monitor ---
def percentile(histogram: Iterable[int], q: float, max_ms: float | None = None) -> float | None:
    """The q-quantile (0–1) of a bucketed histogram, interpolated inside its bucket.

    A bucket's lower bound is the previous upper bound; the overflow bucket ends at ``max_ms``. The
    result never exceeds the largest duration seen, when that is known.
    """
    counts = list(histogram)
    total = sum(counts)
    if total == 0:
        return None
    rank = q * total
    cumulative = 0
    for index, count in enumerate(counts):
        if count and cumulative + count >= rank:
            lower = 0.0 if index == 0 else float(BOUNDS_MS[index - 1])
            upper = float(BOUNDS_MS[index]) if index < len(BOUNDS_MS) else float(max_ms or lower)
            value = lower + (upper - lower) * ((rank - cumulative) / count)
            return round(min(value, max_ms) if max_ms is not None else value, 1)
        cumulative += count
    return float(max_ms) if max_ms is not None else None


def _floor_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def request_summary(*, minutes: int = 15, rate_minutes: int = 5, now: datetime | None = None) -> dict[str, Any]:
    """Requests of the last ``minutes`` minutes across every process, minute by minute."""
    current = _floor_minute(now or timezone.now())
    since = current - timedelta(minutes=minutes - 1)
    merged: dict[datetime, Minute] = {}
    rows = RequestMetric.objects.filter(minute__gte=since, minute__lte=current).values_list(
        "minute", "count", "errors", "total_ms", "max_ms", "histogram"
    )
    for minute, count, errors, total_ms, max_ms, histogram in rows:
        bucket = merged.setdefault(minute, Minute())
        histogram = list(histogram or [])
        histogram = (histogram + [0] * BUCKETS)[:BUCKETS]
        bucket.merge(Minute(count=count, errors=errors, total_ms=total_ms, max_ms=max_ms, histogram=histogram))
    window = Minute()
    recent = Minute()
    series = []
    for offset in range(minutes):
        minute = since + timedelta(minutes=offset)
        bucket = merged.get(minute, Minute())
        window.merge(bucket)
        if offset >= minutes - rate_minutes:
            recent.merge(bucket)
        series.append(
            {
                "minute": minute,
                "count": bucket.count,
                "errors": bucket.errors,
                "p95_ms": percentile(bucket.histogram, 0.95, bucket.max_ms),
                "avg_ms": round(bucket.total_ms / bucket.count, 1) if bucket.count else None,
            }
        )
    return {
        "window_minutes": minutes,
        "rate_minutes": rate_minutes,
        "total": window.count,
        "errors": window.errors,
        "rate_per_minute": round(recent.count / rate_minutes, 1),
        "error_rate": round(window.errors / window.count, 4) if window.count else 0.0,
        "p50_ms": percentile(window.histogram, 0.50, window.max_ms),
        "p95_ms": percentile(window.histogram, 0.95, window.max_ms),
        "avg_ms": round(window.total_ms / window.count, 1) if window.count else None,
        "max_ms": round(window.max_ms, 1) if window.count else None,
        "series": series,
    }


def request_metrics_prune(*, older_than: timedelta = timedelta(days=1)) -> int:
    return RequestMetric.objects.filter(minute__lt=timezone.now() - older_than).delete()[0]
