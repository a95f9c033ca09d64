"""Simulated users of the load benchmark (``make bench-load``; see bench/load.py).

* 商户 (merchant administrators, most users): /me, home, 站内信, customs order lists, search and
  status counts, batches and their overview, now and then marking a message read (a write);
* 后台 (back-office staff, few): the customs board, the operation log, the message viewer;
* the floor, measured in the same run: ``/api/v1/health`` and one static file of the built front end.

Tokens come from ``BENCH_TOKENS`` (written by ``bench/load_data.py tokens``); the wait between two
requests of a user from ``BENCH_WAIT`` ("1-3"). Each response's ``Server-Timing: cpu;dur=`` is added
up per endpoint and written to ``BENCH_CPU_OUT`` when the run ends.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task

TOKENS = json.loads(Path(os.environ.get("BENCH_TOKENS", "/tmp/jmt-bench-tokens.json")).read_text())  # noqa: S108
WAIT = tuple(float(x) for x in os.environ.get("BENCH_WAIT", "1-3").split("-"))
STATIC = os.environ.get("BENCH_STATIC", "/favicon.svg")
CPU_OUT = os.environ.get("BENCH_CPU_OUT", "")
TIMING = re.compile(r"cpu;dur=([0-9.]+)")
cpu: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])


@events.request.add_listener
def _record_cpu(name: str, response: Any, exception: Any, **_: Any) -> None:
    if response is None or exception is not None:
        return
    found = TIMING.search(response.headers.get("Server-Timing", ""))
    if found:
        entry = cpu[name]
        entry[0] += float(found.group(1))
        entry[1] += 1


@events.quitting.add_listener
def _write_cpu(**_: Any) -> None:
    if CPU_OUT:
        Path(CPU_OUT).write_text(json.dumps({name: {"ms": ms, "n": n} for name, (ms, n) in cpu.items()}))


class _Authenticated(HttpUser):
    abstract = True
    wait_time = between(*WAIT)
    pool = "merchant"

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {random.choice(TOKENS[self.pool])}"  # noqa: S311

    def get(self, path: str, name: str | None = None, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params=params or None, name=name or path)


class Merchant(_Authenticated):
    weight = 18

    @task(4)
    def me(self) -> None:
        self.get("/me")

    @task(3)
    def home(self) -> None:
        self.get("/home")

    @task(3)
    def messages(self) -> None:
        self.get("/notifications/messages", page=1, page_size=20)
        self.get("/notifications/messages/unread-count")

    @task(3)
    def orders(self) -> None:
        self.get("/customs/orders", page=random.randint(1, 5), page_size=20)  # noqa: S311

    @task(2)
    def search(self) -> None:
        self.get("/customs/orders", name="/customs/orders?search", search=f"{random.randint(0, 99):02d}")  # noqa: S311

    @task(2)
    def status_counts(self) -> None:
        self.get("/customs/orders/status-counts")

    @task(2)
    def batches(self) -> None:
        self.get("/customs/batches", page=1, page_size=20)

    @task(1)
    def batches_overview(self) -> None:
        self.get("/customs/batches/overview")

    @task(1)
    def read_a_message(self) -> None:
        page = self.get("/notifications/messages", name="/notifications/messages", page=1, page_size=5)
        if page.ok and page.json()["items"]:
            message_id = page.json()["items"][0]["id"]
            self.client.post(f"/api/v1/notifications/messages/{message_id}/read", name="POST /notifications/…/read")


class BackOffice(_Authenticated):
    weight = 1
    pool = "staff"

    @task(2)
    def board(self) -> None:
        self.get("/admin/customs/overview", page=1, page_size=20)

    @task(2)
    def operation_logs(self) -> None:
        self.get("/admin/audit/operation-logs", page=random.randint(1, 3), page_size=20)  # noqa: S311

    @task(1)
    def customs_messages(self) -> None:
        self.get("/admin/customs/messages", page=1, page_size=20)


class Floor(HttpUser):
    """The floor: what the server costs with no application work."""

    weight = 1
    wait_time = between(*WAIT)

    @task
    def health(self) -> None:
        self.client.get("/api/v1/health", name="/health (floor)")

    @task
    def static(self) -> None:
        self.client.get(STATIC, name="static file (floor)")
