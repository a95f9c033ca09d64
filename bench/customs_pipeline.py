"""Benchmark: 100,000 orders through the submission pipeline against the simulator.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/customs python bench/customs_pipeline.py --orders 100000 --workers 2

Orders are created in bulk (not timed), then timed: queueing them (1,000 CEB303 messages built, XSD-
validated and written to the outbox), and ``--workers`` processes that each loop claim → send to the
simulator → deliver due receipts → apply them, until every order has reached 120. The simulator runs
with duplicates and out-of-order delivery switched on. Checks at the end: every order is 海关入库, the
simulator registered each order exactly once, every message guid was accepted once, and one Receipt
row exists per (order, status). Not a test: it prints JSON and exits 0.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _django

STEP_SECONDS = 0.05  # simulated customs answers 2 → 3 → 120 within a fraction of a second


def _worker(batch_id: int, stop_at: float, seed: int, conflicts: Any, clocks: Any, profile: str = "") -> None:
    if profile:  # --profile DIR: one cProfile dump per worker process
        import cProfile
        import os

        profiler = cProfile.Profile()
        profiler.enable()
        try:
            _work(batch_id, stop_at, seed, conflicts, clocks)
        finally:
            profiler.disable()
            Path(profile).mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(str(Path(profile) / f"worker-{os.getpid()}.prof"))
        return
    _work(batch_id, stop_at, seed, conflicts, clocks)


def _work(batch_id: int, stop_at: float, seed: int, conflicts: Any, clocks: Any) -> None:
    """``clocks``: shared seconds spent in the simulator (standing in for customs) and in our own code."""
    # Forked after Django was set up (and migrated) in the parent, whose connections were closed first:
    # running migrate again in two workers at once races on a fresh database.
    from django.db import OperationalError, connections

    from jmt.customs.models import DocStatus, Order
    from jmt.customs.services.outbox import outbox_dispatch
    from jmt.customs.services.receipts import receipt_ingest
    from jmt.integrations.customs_gateway.simulator import Simulator

    simulator = Simulator(seed=seed, step_seconds=STEP_SECONDS, duplicate_rate=0.1, late_rate=0.02, jitter=1.0)
    # The floor: the simulator's own work (accepting each message, registering its orders, scheduling and
    # building receipts) is customs' side and would not exist in production; it is timed apart from ours.
    spent = {"simulator": 0.0, "ours": 0.0}
    accept = simulator.submit

    def timed_submit(message: Any) -> Any:
        began = time.perf_counter()
        try:
            return accept(message)
        finally:
            spent["simulator"] += time.perf_counter() - began

    def timed_ingest(xml: bytes) -> Any:
        began = time.perf_counter()
        try:
            return receipt_ingest(xml, source="bench")
        finally:
            spent["ours"] += time.perf_counter() - began

    simulator.submit = timed_submit  # type: ignore[method-assign]
    while time.time() < stop_at:
        try:
            began = time.perf_counter()
            submit_before = spent["simulator"]
            report = outbox_dispatch(gateway=simulator, batch_size=10, max_rounds=1)
            spent["ours"] += time.perf_counter() - began - (spent["simulator"] - submit_before)
            began = time.perf_counter()
            ingest_before = spent["ours"]
            delivered = simulator.deliver_due(deliver=timed_ingest, limit=1000)
            spent["simulator"] += time.perf_counter() - began - (spent["ours"] - ingest_before)
        except OperationalError as exc:  # a lock conflict: the work stays where it was; count and go on
            conflicts.value += 1
            print(f"worker retrying after {exc.__class__.__name__}", file=sys.stderr)
            continue
        if report.claimed == 0 and delivered == 0:
            if not Order.objects.filter(batch_id=batch_id).exclude(status=DocStatus.STORED).exists():
                break
            time.sleep(0.05)
    with clocks.get_lock():
        clocks[0] += spent["simulator"]
        clocks[1] += spent["ours"]
    connections.close_all()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--profile", default="", help="write a cProfile dump per worker into this folder")
    args = parser.parse_args()
    _django.setup()
    from django.db import connection, connections, transaction

    from jmt.customs.models import DocStatus, Order, OrderLine, Outbox, OutboxState, Receipt
    from jmt.customs.services.submission import orders_submit_system

    # Receipts left pending by an earlier, interrupted run would be delivered first: start clean.
    from jmt.integrations.customs_gateway.models import SimulatedDocument, SimulatedMessage, SimulatedReceipt

    SimulatedReceipt.objects.filter(delivered_at__isnull=True).delete()
    _, batch, tag = _django.bench_actor("pipeline")
    started = time.perf_counter()
    for start in range(0, args.orders, 10_000):
        chunk = Order.objects.bulk_create(
            Order(
                merchant=batch.merchant,
                batch=batch,
                order_no=f"P{tag}{n:07d}",
                ebp_code=batch.ebp_code,
                ebp_name=batch.ebp_name,
                ebc_code=batch.ebc_code,
                ebc_name=batch.ebc_name,
                goods_value=Decimal("51"),
                currency="502",
            )
            for n in range(start, min(start + 10_000, args.orders))
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                order=order,
                gnum=1,
                item_no="AME-001",
                item_name="紫水晶手链",
                unit="007",
                currency="502",
                qty=Decimal(2),
                price=Decimal("25.5"),
                total_price=Decimal(51),
            )
            for order in chunk
        )
    created = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        report = orders_submit_system(batch=batch)
    queued = time.perf_counter() - started

    connections.close_all()
    if hasattr(connection, "close_pool"):  # the psycopg pool's open sockets must not be shared with forked workers
        connection.close_pool()
    stop_at = time.time() + args.timeout
    context = multiprocessing.get_context("fork")
    conflicts = context.Value("i", 0)
    clocks = context.Array("d", 2)
    processes = [
        context.Process(target=_worker, args=(batch.pk, stop_at, 9610, conflicts, clocks, args.profile))
        for _ in range(args.workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    pipeline_seconds = time.perf_counter() - started

    orders = Order.objects.filter(batch=batch)
    guids = list(Outbox.objects.filter(message__batch=batch).values_list("message__guid", flat=True))
    stored = orders.filter(status=DocStatus.STORED).count()
    result = {
        "database": connection.vendor,
        "orders": args.orders,
        "workers": args.workers,
        "messages": report.messages,
        "create_orders_seconds": round(created, 1),
        "queue_seconds": round(queued, 1),
        "pipeline_seconds": round(pipeline_seconds, 1),
        "sustained_orders_per_second": round(stored / pipeline_seconds),
        "orders_stored_120": stored,
        "orders_not_stored": orders.exclude(status=DocStatus.STORED).count(),
        "outbox_not_sent": Outbox.objects.filter(message__batch=batch).exclude(state=OutboxState.SENT).count(),
        "simulator_orders_registered": SimulatedDocument.objects.filter(kind="order", key__contains=f"|P{tag}").count(),
        "messages_accepted_more_than_once": SimulatedMessage.objects.filter(
            guid__in=guids, times_received__gt=1
        ).count(),
        "receipts_rows": Receipt.objects.filter(order__batch=batch).count(),
        "receipts_expected": 3 * args.orders,
        "worker_lock_conflicts_retried": conflicts.value,
        # Worker seconds (summed over workers) inside the simulator, and in our code (claim, mark sent,
        # apply receipts). The floor: with our code taking no time at all, ``workers`` processes could not
        # go faster than the simulator alone allows.
        "worker_seconds_in_simulator": round(clocks[0], 1),
        "worker_seconds_in_our_code": round(clocks[1], 1),
        "floor_pipeline_seconds_simulator_alone": round(clocks[0] / args.workers, 1),
        "ceiling_orders_per_second_simulator_alone": round(args.orders / max(clocks[0] / args.workers, 1e-9)),
        "load_average": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
        "machine": _django.machine(),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
