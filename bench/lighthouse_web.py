"""Lighthouse performance of the login and home pages of the three surfaces (issue 9, item 9).

Run from the repository root after ``make web``: ``make bench-web`` (or ``.venv/bin/python bench/lighthouse_web.py``).

What it does, start to end:
1. a throw-away SQLite var dir, ``migrate`` + ``seed_demo``, and uvicorn serving the built front end exactly as
   ``make run`` does (WhiteNoise: pre-compressed .br/.gz, immutable caching of hashed assets), with the task worker
   ``make run`` starts beside it (without one ``/api/v1/health`` answers 503 and the back office's 系统状态 says
   「部分服务异常」);
2. Debian's Chromium with a DevTools port, a fresh profile per page; for the home pages, tokens for the demo merchant
   and the demo staff account are put into its localStorage so they open signed in. The login pages are measured
   signed out: signed in, a login page only redirects to its home page;
3. Lighthouse 12 (``web/node_modules/lighthouse``) against each page over that port: the H5 pages with Lighthouse's
   default mobile profile (Moto G Power, simulated slow 4G, 4× CPU slow-down), the PC and back-office pages with its
   desktop preset (they are desktop pages); performance score, FCP, LCP, TBT, CLS, Speed Index and the JavaScript
   transferred.

Prints a Markdown table; ``--runs N`` measures each page N times and reports the run with the median score (the
scores of all runs in the last column: on this shared 2-core machine one run's blocking time swings by a factor of
three), ``--page PATH`` measures only the pages given, ``--out FILE`` also writes the raw figures as JSON, ``--keep
DIR`` keeps each page's Lighthouse report (JSON) there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "web" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("JMT_CHROMIUM", "/usr/bin/chromium")

# (label, path, Lighthouse preset, signed in)
PAGES = [
    ("PC 登录", "/login", "desktop", False),
    ("PC 首页", "/", "desktop", True),
    ("H5 登录", "/m/login", "mobile", False),
    ("H5 首页", "/m/", "mobile", True),
    ("后台 登录", "/admin/login", "desktop", False),
    ("后台 工作台", "/admin/", "desktop", True),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 — a local URL of our own
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def start_chromium(devtools_port: int, profile: Path) -> subprocess.Popen[bytes]:
    """A fresh Chromium (empty profile, so an empty HTTP cache: every page is measured as a first visit)."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"]
    flags += ["--no-first-run", "--disable-component-update", "--disable-sync"]
    return subprocess.Popen(  # noqa: S603
        [CHROMIUM, *flags, f"--remote-debugging-port={devtools_port}", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def tokens(env: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Access/refresh pairs for the demo merchant admin and the demo staff account, issued in a child process."""
    code = (
        "import django, json; django.setup();"
        "from jmt.accounts.models import User; from jmt.accounts.tokens import issue_tokens;"
        "m = issue_tokens(User.objects.get(phone='13800000001'), remember=True);"
        "a = issue_tokens(User.objects.get(username='admin'), remember=True);"
        "print(json.dumps({'merchant': [m.access, m.refresh], 'admin': [a.access, a.refresh]}))"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    pairs = json.loads(out.strip().splitlines()[-1])
    return {name: (pair[0], pair[1]) for name, pair in pairs.items()}


def put_tokens(devtools_port: int, base: str, pairs: dict[str, tuple[str, str]]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{devtools_port}")
        page = browser.contexts[0].new_page()
        # The origin's storage, from a page that loads no script or style of the app: opening /login here had put
        # the React and antd chunks in the HTTP cache, so the home pages were measured with them already loaded.
        page.goto(f"{base}/api/v1/health")
        for prefix, name in (("", "merchant"), ("admin.", "admin")):
            access, refresh = pairs[name]
            page.evaluate(
                "([p, a, r]) => { localStorage.setItem(p + 'access', a); localStorage.setItem(p + 'refresh', r); }",
                [prefix, access, refresh],
            )
        page.close()
        browser.close()  # over CDP this only disconnects: the browser keeps running for Lighthouse


def lighthouse(url: str, preset: str, devtools_port: int, report: Path) -> dict[str, float]:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        f"--port={devtools_port}",
        "--only-categories=performance",
        "--disable-storage-reset",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for _attempt in range(3):
        subprocess.run(command, check=True)  # noqa: S603
        data = json.loads(report.read_text())
        # Lighthouse sometimes loses the trace (NO_NAVSTART, NO_FCP) and scores nothing: measure that page again.
        if not data.get("runtimeError"):
            break
        print(f"Lighthouse failed on {url}: {data['runtimeError'].get('code')}; again", flush=True)
    else:
        raise SystemExit(f"Lighthouse failed three times on {url}")
    audits = data["audits"]
    scripts = [item for item in audits["network-requests"]["details"]["items"] if item.get("resourceType") == "Script"]
    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "si_ms": round(audits["speed-index"]["numericValue"]),
        "js_kb": round(sum(item.get("transferSize", 0) for item in scripts) / 1024),
        "js_requests": len(scripts),
        "final_url": data.get("finalDisplayedUrl") or data.get("finalUrl", url),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the raw figures as JSON here")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep each page's Lighthouse report (JSON) in DIR")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        metavar="N",
        help="measure each page N times and report the run with the median score (Lighthouse advises 5)",
    )
    parser.add_argument(
        "--page", action="append", metavar="PATH", help="measure only this page (--page / --page /admin/); repeatable"
    )
    args = parser.parse_args()
    if not (ROOT / "web" / "dist" / "index.html").exists():
        raise SystemExit("web/dist is missing: run `make web` first")
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `cd web && npm ci`")

    work = Path(tempfile.mkdtemp(prefix="jmt-lighthouse-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "jmt.settings",
        "JMT_VAR_DIR": str(work / "var"),
        "DATABASE_URL": "",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    subprocess.run([*manage, "seed_demo"], env=env, check=True, capture_output=True)  # noqa: S603
    pairs = tokens(env)

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    reports = args.keep or work

    # The task worker of `make run` (it also answers the health check's worker heartbeat).
    worker = subprocess.Popen([*manage, "worker", "--interval", "0.5"], env=env, cwd=ROOT)  # noqa: S603
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "uvicorn",
            "jmt.asgi:application",
            "--port",
            str(port),
            "--no-access-log",
            "--lifespan",
            "off",
        ],
        env=env,
        cwd=ROOT,
    )
    results = []
    try:
        wait_for(f"{base}/login", 60)
        pages = [page for page in PAGES if not args.page or page[1] in args.page]
        for index, (label, path, preset, signed_in) in enumerate(pages):
            runs = []
            for run in range(args.runs):
                devtools_port = free_port()
                chromium = start_chromium(devtools_port, work / f"chromium-{index}-{run}")
                try:
                    wait_for(f"http://127.0.0.1:{devtools_port}/json/version", 30)
                    if signed_in:
                        put_tokens(devtools_port, base, pairs)
                    suffix = f"-{run + 1}" if args.runs > 1 else ""
                    report = reports / f"{preset}-{path.strip('/').replace('/', '-') or 'home'}{suffix}.json"
                    runs.append(lighthouse(base + path, preset, devtools_port, report))
                finally:
                    chromium.terminate()
                    chromium.wait(10)
            figures = sorted(runs, key=lambda run_figures: run_figures["score"])[len(runs) // 2]
            scores = [run_figures["score"] for run_figures in runs]
            results.append({"page": label, "path": path, "preset": preset, **figures, "scores": scores})
            print(
                f"{label:8} {path:14} {preset:7} score {figures['score']:3}  LCP {figures['lcp_ms']:5} ms  "
                f"TBT {figures['tbt_ms']:4} ms  CLS {figures['cls']:.3f}  SI {figures['si_ms']:5} ms  "
                f"JS {figures['js_kb']:4} KB  (scores {scores})",
                flush=True,
            )
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(10)
        shutil.rmtree(work, ignore_errors=True)

    columns = "page | path | profile | score | FCP | LCP | TBT | CLS | Speed Index | JS transferred | all runs' scores"
    print(f"\n| {columns} |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in results:
        print(
            f"| {row['page']} | `{row['path']}` | {row['preset']} | **{row['score']}** | {row['fcp_ms']} ms | "
            f"{row['lcp_ms']} ms | {row['tbt_ms']} ms | {row['cls']} | {row['si_ms']} ms | "
            f"{row['js_kb']} KB ({row['js_requests']} files) | {', '.join(map(str, row['scores']))} |"
        )
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
