"""The load benchmark (issue 9): gunicorn with 2 uvicorn worker processes + one task worker + PostgreSQL,
a generated data set, and locust driving it headless. Run with ``make bench-load``.

    python bench/load.py [--seconds 60] [--port 8765] [--no-write]

It creates the database if missing (``BENCH_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/jmt_bench``), fills it once (bench/load_data.py), starts the task
worker and gunicorn, runs four stages — 100 users and 200 users waiting 1–3 s between requests,
200 users waiting 5–10 s, then 60 users that do not wait (saturation throughput) — stops everything,
and writes per endpoint p50 / p95 / p99, errors, requests/s and CPU ms per request into
bench/RESULTS.md (between the ``bench-load`` markers).

CPU is measured two ways: per endpoint, the CPU time of the request's thread inside Django (the
``Server-Timing`` header, on for this run only); overall, the CPU time of all gunicorn processes
(``psutil``) divided by the requests served — the second includes the ASGI server and the event loop.
locust runs on the same machine and competes for the same cores.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- bench-load:start -->", "<!-- bench-load:end -->"
STAGES = (
    ("100 users, 1–3 s between requests", 100, "1-3"),
    ("200 users, 1–3 s between requests", 200, "1-3"),
    ("200 users, 5–10 s between requests", 200, "5-10"),
    # saturation: users that do not wait, so the figure is what the two cores can serve
    ("saturation: 60 users, no wait between requests", 60, "0-0"),
)


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def static_file() -> str:
    index = ROOT / "web" / "dist" / "index.html"
    found = re.search(r'src="(/assets/[^"]+\.js)"', index.read_text()) if index.exists() else None
    return found.group(1) if found else "/favicon.svg"


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local server
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the server did not answer 200 on {url} within {seconds:.0f} s")


def cpu_seconds(pid: int) -> float:
    parent = psutil.Process(pid)
    total = 0.0
    for process in [parent, *parent.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def run_stage(env: dict[str, str], host: str, users: int, wait: str, seconds: int, work: Path, gunicorn: int) -> dict:
    prefix = work / f"stage-{users}-{wait}"
    cpu_out = work / f"cpu-{users}-{wait}.json"
    stage_env = {**env, "BENCH_WAIT": wait, "BENCH_CPU_OUT": str(cpu_out)}
    load_before = os.getloadavg()[0]
    before = cpu_seconds(gunicorn)
    started = time.monotonic()
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            str(VENV / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--host",
            host,
            "-u",
            str(users),
            "-r",
            "50",
            "-t",
            f"{seconds}s",
            "--csv",
            str(prefix),
            "--only-summary",
            # figures from the moment every user is running: the spawn burst (all users' first
            # requests within the ramp's seconds, each with a fresh token) is not the steady state
            "--reset-stats",
            "--loglevel",
            "WARNING",
        ],
        env=stage_env,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.monotonic() - started
    server_cpu = cpu_seconds(gunicorn) - before
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cpu = json.loads(cpu_out.read_text()) if cpu_out.exists() else {}
    return {"rows": rows, "cpu": cpu, "server_cpu": server_cpu, "elapsed": elapsed, "load_before": load_before}


def _ms(value: str) -> str:
    try:
        return f"{float(value):.0f}"
    except ValueError:
        return value


def render(stages: list[tuple[str, dict]], meta: dict[str, str]) -> str:
    lines = [
        START,
        f"Run: {meta['when']}, commit `{meta['commit']}`, {meta['seconds']} s per stage after a 50 users/s ramp. "
        f"Machine: {meta['machine']}. gunicorn `-k uvicorn.workers.UvicornWorker -w 2 --keep-alive 75`, "
        "one task worker, PostgreSQL 15 on the same machine, psycopg pool of 10 per process; "
        "locust (one process) on the same two cores. Figures are taken from the moment every user of the "
        "stage is running (locust `--reset-stats`); each stage line gives the machine's 1-minute load "
        "average just before it (this run's own processes included), to tell a quiet run from a shared one.",
        "",
        "Data set: 250 merchants (one administrator each), 5 back-office accounts, 1,000 batches, 88,000 "
        "e-orders, 31,000 站内信, 200,000 operation-log rows (`bench/load_data.py`).",
        "",
        "Columns: response times in ms; *CPU ms* is the CPU time of the request's thread inside Django "
        "(middleware + view, from `Server-Timing`); the stage line's *server CPU ms/request* is the CPU time "
        "of all gunicorn processes (ASGI server and event loop included) divided by the requests served.",
        "",
    ]
    for title, result in stages:
        rows = result["rows"]
        total = next((r for r in rows if r["Name"] == "Aggregated"), None)
        count = int(total["Request Count"]) if total else 0
        failures = int(total["Failure Count"]) if total else 0
        rps = float(total["Requests/s"]) if total else 0.0
        per_request = 1000 * result["server_cpu"] / count if count else 0.0
        p50, p95, p99 = (_ms(total[k]) if total else "-" for k in ("50%", "95%", "99%"))
        lines += [
            f"### {title}",
            "",
            f"{count} requests, **{failures} errors**, **{rps:.1f} requests/s**, p50 {p50} ms, p95 **{p95} ms**, "
            f"p99 {p99} ms; "
            f"server CPU **{per_request:.1f} ms/request** ({result['server_cpu']:.1f} s over "
            f"{result['elapsed']:.0f} s on 2 cores = {100 * result['server_cpu'] / result['elapsed'] / 2:.0f} %); "
            f"load average before the stage {result['load_before']:.2f}.",
            "",
            "| endpoint | requests | errors | p50 | p95 | p99 | req/s | CPU ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for row in sorted((r for r in rows if r["Name"] != "Aggregated"), key=lambda r: r["Name"]):
            cpu = result["cpu"].get(row["Name"])
            cpu_ms = f"{cpu['ms'] / cpu['n']:.1f}" if cpu and cpu["n"] else "–"
            lines.append(
                f"| {row['Type']} {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
                f"{_ms(row['50%'])} | {_ms(row['95%'])} | {_ms(row['99%'])} | "
                f"{float(row['Requests/s']):.1f} | {cpu_ms} |"
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def write_results(section: str) -> None:
    text = RESULTS.read_text()
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n## Load (issue 9): `make bench-load`\n\n" + section + "\n"
    RESULTS.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jmt_bench")
    ensure_database(url)
    work = Path(tempfile.mkdtemp(prefix="jmt-bench-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "jmt.settings",
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_DEBUG": "false",
        "JMT_VAR_DIR": str(work / "var"),
        "JMT_SERVER_TIMING": "true",
        "JMT_LOG_LEVEL": "WARNING",
        "BENCH_TOKENS": str(work / "tokens.json"),
        "BENCH_STATIC": static_file(),
    }
    python = str(VENV / "python")
    subprocess.run([python, str(ROOT / "bench" / "load_data.py"), "generate"], env=env, check=True)  # noqa: S603
    log = (work / "server.log").open("w")
    worker = subprocess.Popen(  # noqa: S603
        [python, str(ROOT / "manage.py"), "worker", "--interval", "1", "--no-startup-delay", "--no-reload"],
        env=env,
        stdout=log,
        stderr=log,
    )
    server = subprocess.Popen(  # noqa: S603
        [
            str(VENV / "gunicorn"),
            "jmt.asgi:application",
            "-k",
            "uvicorn.workers.UvicornWorker",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{args.port}",
            "--graceful-timeout",
            "5",
            # gunicorn's default keep-alive (2 s) closes idle connections just as users waiting 1–3 s
            # send their next request: the client sees resets. Keep them longer than any pause.
            "--keep-alive",
            "75",
        ],
        env=env,
        stdout=log,
        stderr=log,
        cwd=ROOT,
    )
    host = f"http://127.0.0.1:{args.port}"
    results: list[tuple[str, dict]] = []
    try:
        wait_for(f"{host}/api/v1/health")
        for title, users, wait in STAGES:
            # fresh tokens for each stage: they live 15 minutes
            tokens = [python, str(ROOT / "bench" / "load_data.py"), "tokens", env["BENCH_TOKENS"]]
            subprocess.run(tokens, env=env, check=True)  # noqa: S603
            print(f"stage: {title} for {args.seconds} s", flush=True)
            results.append((title, run_stage(env, host, users, wait, args.seconds, work, server.pid)))
    finally:
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout  # noqa: S607
    meta = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit.strip() or "?",
        "seconds": str(args.seconds),
        "machine": f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.1f} GiB, "
        f"Python {platform.python_version()}",
    }
    section = render(results, meta)
    print(section)
    if not args.no_write:
        write_results(section)
    print(f"server log: {work / 'server.log'}", file=sys.stderr)


if __name__ == "__main__":
    main()
