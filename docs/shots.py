"""`make docs-shots`: the manuals' screenshots, taken from the running application with the demo data.

Migrates a throw-away SQLite database, loads the demo data (`seed_demo`), serves the built front end with
uvicorn on 127.0.0.1:8114 with a task worker, signs in as the demo merchant admin (13800000001) and the
back-office `admin` by putting real tokens into the browser's storage, and saves each page the manuals show
into docs/images/.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
PORT = int(os.environ.get("DOCS_SHOTS_PORT", "8114"))
BASE = f"http://127.0.0.1:{PORT}"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

# (file name, path, surface, viewport width)
MERCHANT = [
    ("merchant-home", "/", 1440),
    ("merchant-registration-progress", "/registration/progress", 1440),
    ("merchant-customs-batches", "/customs/batches", 1440),
    ("merchant-customs-orders", "/customs/orders", 1440),
    ("merchant-customs-manifests", "/customs/manifests", 1440),
    ("merchant-customs-summaries", "/customs/summaries", 1440),
    ("merchant-customs-cancels", "/customs/cancels", 1440),
    ("merchant-customs-gateway", "/customs/gateway", 1440),
    ("merchant-logistics-carriers", "/logistics/carriers", 1440),
    ("merchant-logistics-shipments", "/logistics/shipments", 1440),
    ("merchant-logistics-shipment-new", "/logistics/shipments/new", 1440),
    ("merchant-logistics-shipment", "/logistics/shipments/{shipment}", 1440),
    ("merchant-filings", "/filings", 1440),
    ("merchant-filings-dxp-id", "/filings/dxp-id", 1440),
    ("merchant-filings-notifications", "/filings/notifications", 1440),
    ("merchant-refunds-claims", "/refunds/claims", 1440),
    ("merchant-refunds-claim", "/refunds/claims?id={claim}", 1440),
    ("merchant-refunds-progress", "/refunds/progress", 1440),
    ("merchant-fx-rates", "/fx/rates", 1440),
    ("merchant-fx-settlements", "/fx/settlements", 1440),
    ("merchant-fx-settlement-new", "/fx/settlements/new", 1440),
    ("merchant-training-courses", "/training/courses", 1440),
    ("merchant-training-course", "/training/courses/{course}", 1440),
    ("merchant-training-assistant", "/training/assistant", 1440),
    ("merchant-showroom", "/showroom", 1440),
    ("merchant-showroom-product", "/showroom/products/{product}", 1440),
    ("merchant-showroom-mine", "/showroom/products", 1440),
    ("merchant-messages", "/messages", 1440),
    ("merchant-documents", "/documents", 1440),
    ("merchant-me", "/me", 1440),
    ("mobile-home", "/m/", 390),
    ("mobile-messages", "/m/messages", 390),
    ("mobile-logistics-shipments", "/m/logistics/shipments", 390),
    ("mobile-filings", "/m/filings", 390),
    ("mobile-refunds", "/m/refunds/progress", 390),
    ("mobile-fx-rates", "/m/fx/rates", 390),
    ("mobile-training-courses", "/m/training/courses", 390),
    ("mobile-showroom", "/m/showroom", 390),
]
ADMIN = [
    ("admin-workbench", "/admin/", 1440),
    ("admin-merchants", "/admin/merchants", 1440),
    ("admin-onboarding", "/admin/merchants/onboarding", 1440),
    ("admin-gateway", "/admin/operations/gateway", 1440),
    ("admin-ports", "/admin/operations/ports", 1440),
    ("admin-customs", "/admin/operations/customs", 1440),
    ("admin-logistics", "/admin/operations/logistics", 1440),
    ("admin-filings", "/admin/operations/filings", 1440),
    ("admin-refunds", "/admin/operations/refunds", 1440),
    ("admin-fx", "/admin/operations/fx", 1440),
    ("admin-training", "/admin/content/training", 1440),
    ("admin-showroom", "/admin/content/showroom", 1440),
    ("admin-crystal", "/admin/content/crystal", 1440),
    ("admin-dashboards-overview", "/admin/dashboards/overview", 1440),
    ("admin-dashboards-service", "/admin/dashboards/service", 1440),
    ("admin-dashboards-screen", "/admin/dashboards/overview/screen", 1600),  # the 1920×1080 stage at 1600×900
    ("admin-accounts", "/admin/system/accounts", 1440),
    ("admin-roles", "/admin/system/roles", 1440),
    ("admin-logs", "/admin/system/logs", 1440),
    ("admin-parameters", "/admin/system/parameters", 1440),
    ("admin-monitor", "/admin/system/monitor", 1440),
]


# What a page shows while it is still loading: the full-page spinner, a spinning table, a skeleton.
LOADING = ".ant-spin-spinning, .ant-skeleton, .adm-skeleton, .adm-spin-loading"


def _settle(page: Page) -> None:
    """Wait until the page has its data: the network is quiet and nothing is spinning (on a busy machine the
    lazy page chunk and its first request can arrive after the first quiet moment)."""
    page.wait_for_load_state("networkidle")
    try:
        page.wait_for_function(f"() => !document.querySelector({LOADING!r})", timeout=30_000, polling=200)
    except PlaywrightTimeout:
        print(f"still loading after 30 s: {page.url}", file=sys.stderr)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(800)


def _detail_ids(merchant_id: int | None) -> dict[str, int]:
    """The records the detail pages show: the demo merchant's furthest-travelled shipment (most tracking
    events) and its 审核不通过 refund claim, the first published course and the newest product in the 展厅."""
    from django.db.models import Count

    from jmt.logistics.models import Shipment
    from jmt.refunds.models import Claim
    from jmt.showroom.models import Product
    from jmt.training.models import Course

    shipment = (
        Shipment.objects.filter(merchant_id=merchant_id).annotate(scans=Count("events")).order_by("-scans", "id")
    ).first()
    claim = Claim.objects.filter(merchant_id=merchant_id, state="rejected").first()
    course = Course.objects.filter(is_published=True).first()
    product = Product.objects.filter(state="listed").order_by("-listed_at", "id").first()
    if shipment is None or claim is None or course is None or product is None:
        raise SystemExit("seed_demo left no shipment, rejected claim, course or listed product for the detail pages")
    return {"shipment": shipment.pk, "claim": claim.pk, "course": course.pk, "product": product.pk}


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="jmt-docs-shots-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "jmt.settings",
        "JMT_VAR_DIR": str(work),
        "DATABASE_URL": "",
        "JMT_DEMO_PASSWORD": secrets.token_urlsafe(12),
        "JMT_LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "seed_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from playwright.sync_api import sync_playwright

    from jmt.accounts.models import User
    from jmt.accounts.tokens import issue_tokens
    from jmt.system.models import WorkerHeartbeat

    crystal_admin = User.objects.get(phone="13800000001")
    merchant = issue_tokens(crystal_admin, remember=True)
    details = _detail_ids(crystal_admin.current_merchant_id)
    staff = issue_tokens(User.objects.get(username="admin"), remember=True)
    # The task worker too, as in production: the workbench and 系统监控 show it online.
    worker = subprocess.Popen([python, "manage.py", "worker", "--interval", "0.5"], cwd=ROOT, env=env)
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "uvicorn"), "jmt.asgi:application", "--port", str(PORT), "--no-access-log"],
        cwd=ROOT,
        env=env,
    )
    IMAGES.mkdir(parents=True, exist_ok=True)
    try:
        # Wait without requests of our own (they would show in 系统监控): the port opens, the worker beats.
        for _ in range(120):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", PORT)) == 0 and WorkerHeartbeat.objects.exists():
                    break
            time.sleep(0.5)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for pages, prefix, tokens in ((MERCHANT, "", merchant), (ADMIN, "admin.", staff)):
                for name, path, width in pages:
                    context = browser.new_context(
                        viewport={"width": width, "height": 900 if width > 500 else 844},
                        locale="zh-CN",
                        timezone_id="Asia/Shanghai",
                    )
                    page = context.new_page()
                    page.goto(f"{BASE}{'/admin/login' if prefix else '/login'}")
                    page.evaluate(
                        "([p, a, r]) => { localStorage.setItem(p + 'access', a);"
                        " localStorage.setItem(p + 'refresh', r); }",
                        [prefix, tokens.access, tokens.refresh],
                    )
                    page.goto(f"{BASE}{path.format(**details)}")
                    _settle(page)
                    page.screenshot(path=str(IMAGES / f"{name}.png"))
                    print(f"docs/images/{name}.png")
                    context.close()
            browser.close()
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
