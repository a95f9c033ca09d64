import os
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from jmt.system import metrics
from jmt.system.metrics import BOUNDS_MS, Minute, Recorder, RequestMetricsMiddleware, request_summary
from jmt.system.metrics import percentile as maybe_percentile
from jmt.system.models import RequestMetric


def percentile(histogram, q, max_ms=None) -> float:
    value = maybe_percentile(histogram, q, max_ms)
    assert value is not None
    return value


@pytest.fixture
def no_metric_rows(db):
    """Rows an earlier test's server thread committed outside its own transaction must not count here."""
    RequestMetric.objects.all().delete()


def histogram_of(*durations_ms: float) -> Minute:
    minute = Minute()
    for ms in durations_ms:
        minute.add(ms, False)
    return minute


def test_p95_of_mostly_fast_requests_with_a_slow_tail_lands_in_the_fast_bucket():
    m = histogram_of(*([8.0] * 95 + [900.0] * 5))
    # 95 of 100 in the 5–10 ms bucket: the 95th is its last one, interpolated to the bucket's top
    assert percentile(m.histogram, 0.95, m.max_ms) == 10.0
    assert percentile(m.histogram, 0.50, m.max_ms) == 7.6


def test_p95_of_a_slow_tail_reaches_into_the_tail_bucket():
    m = histogram_of(*([8.0] * 90 + [900.0] * 10))
    p95 = percentile(m.histogram, 0.95, m.max_ms)
    assert 750 < p95 <= 900


def test_p95_of_uniform_latencies_is_close_to_the_true_value():
    durations = [float(ms) for ms in range(1, 1001)]  # 1 … 1000 ms, true p95 = 950 ms
    m = histogram_of(*durations)
    assert abs(percentile(m.histogram, 0.95, m.max_ms) - 950) <= 25


def test_p95_never_exceeds_the_slowest_request():
    m = histogram_of(*([12.0] * 20))
    assert percentile(m.histogram, 0.95, m.max_ms) == 12.0


def test_an_empty_histogram_has_no_percentile():
    assert maybe_percentile([0] * (len(BOUNDS_MS) + 1), 0.95) is None


def test_requests_slower_than_the_last_bound_count_up_to_the_slowest():
    m = histogram_of(40_000.0, 50_000.0)
    assert m.histogram[-1] == 2
    assert 30_000 < percentile(m.histogram, 0.95, m.max_ms) <= 50_000
    assert percentile(m.histogram, 1.0, m.max_ms) == 50_000


@pytest.mark.django_db
def test_histograms_of_several_processes_merge_minute_by_minute():
    now = datetime(2026, 9, 14, 2, 30, 30, tzinfo=UTC)
    minute = now.replace(second=0)
    fast, slow = histogram_of(*([10.0] * 50)), histogram_of(*([10.0] * 45 + [2500.0] * 5))
    for process, m in (("web-1:11", fast), ("web-2:12", slow)):
        RequestMetric.objects.create(
            minute=minute,
            process=process,
            count=m.count,
            errors=1,
            total_ms=m.total_ms,
            max_ms=m.max_ms,
            histogram=m.histogram,
        )
    RequestMetric.objects.create(
        minute=minute - timedelta(minutes=30), process="web-1:11", count=999, total_ms=1, max_ms=1, histogram=[999]
    )
    summary = request_summary(minutes=15, rate_minutes=5, now=now)
    assert summary["total"] == 100  # the row 30 minutes ago is outside the window
    assert summary["errors"] == 2
    assert summary["rate_per_minute"] == 20.0  # 100 requests over the last 5 minutes
    assert summary["p95_ms"] == 10.0  # 95 of 100 at 10 ms
    assert len(summary["series"]) == 15
    assert summary["series"][-1]["count"] == 100
    assert summary["series"][0]["count"] == 0


def test_the_middleware_records_each_request_with_its_status():
    recorder = Recorder()
    original = metrics.recorder
    metrics.recorder = recorder
    try:
        middleware = RequestMetricsMiddleware(lambda request: HttpResponse(status=503))
        middleware(RequestFactory().get("/api/v1/health"))
        middleware(RequestFactory().get("/api/v1/health"))
    finally:
        metrics.recorder = original
    (minute,) = recorder.take().values()
    assert (minute.count, minute.errors) == (2, 2)


@pytest.mark.django_db
def test_a_process_writes_what_it_gathered_after_the_response_once_the_interval_passed(
    client, settings, no_metric_rows
):
    settings.REQUEST_METRICS_FLUSH_SECONDS = 60
    metrics.recorder.reset()  # forget requests of earlier tests
    client.get("/api/v1/system/notices")
    client.get("/api/v1/system/notices")
    assert not RequestMetric.objects.exists()  # gathered in memory, not yet due
    settings.REQUEST_METRICS_FLUSH_SECONDS = 0.001
    time.sleep(0.002)
    client.get("/api/v1/system/notices")  # due: its response's close writes all three
    row = RequestMetric.objects.get()
    assert (row.count, sum(row.histogram), row.errors) == (3, 3, 0)
    assert row.process.endswith(f":{os.getpid()}")


@pytest.mark.django_db
def test_nothing_is_written_while_flushing_is_off(client, settings, no_metric_rows):
    settings.REQUEST_METRICS_FLUSH_SECONDS = 0
    client.get("/api/v1/system/notices")
    assert not RequestMetric.objects.exists()
    metrics.recorder.take()


def test_the_middleware_costs_a_few_microseconds_per_request(settings):
    """The figure prints with -s; the bound is loose so a busy machine does not fail it."""
    settings.REQUEST_METRICS_FLUSH_SECONDS = 0
    response = HttpResponse()
    request = RequestFactory().get("/")
    bare = lambda request: response  # noqa: E731
    timed = RequestMetricsMiddleware(bare)
    rounds = 50_000

    def run(handler):
        started = time.perf_counter()
        for _ in range(rounds):
            handler(request)
        return (time.perf_counter() - started) / rounds

    run(timed)  # warm up
    cost = min(run(timed) for _ in range(3)) - min(run(bare) for _ in range(3))
    metrics.recorder.take()
    print(f"\n  request metrics middleware: {cost * 1e6:.2f} µs per request")
    assert cost < 50e-6
