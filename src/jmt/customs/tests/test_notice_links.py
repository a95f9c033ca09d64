"""Every link a customs message carries opens a page that exists on the PC and on the H5.

The messages are raised by the real notice code (problems, milestones, filing changes, the 报关单号,
the monthly reminder) and by the batch workflow; each link's path is looked up in both route files."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from jmt.accounts.models import User
from jmt.customs.flow import BATCH
from jmt.customs.models import Batch, DocStatus
from jmt.customs.services import notices
from jmt.customs.tests.factories import make_cancel, make_shipment, make_summary, make_waybill
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db

WEB = Path(__file__).resolve().parents[4] / "web" / "src"
PC_ROUTES = WEB / "merchant" / "routes.tsx"
H5_ROUTES = WEB / "mobile" / "routes.tsx"
# Both route files spell paths as `path="customs/orders"`, `path: '/customs/manifests'` or
# `path="/customs/batches/:batchId"`; the leading slash is optional.
ROUTE = re.compile(r"""path(?:=|:\s*)["']/?([^"'*]*)["']""")


def routes(file: Path) -> set[str]:
    return {"/" + path.strip("/") for path in ROUTE.findall(file.read_text(encoding="utf-8"))}


def every_customs_link(batch: Batch) -> set[str]:
    order, logistics, inventory = make_shipment(batch)
    inventory.invt_no = "230520260E000000009"
    inventory.save()
    # 海关退单 of orders, waybills and inventories: one message per batch and kind.
    for doc in (order, logistics, inventory):
        doc.status = DocStatus.REJECTED
    notices.receipts_applied({"order": [order], "logistics": [logistics], "inventory": [inventory]})
    # Every inventory 放行, then 结关: the status message, the 总分单 to-do, the 汇总 hint.
    inventory.status = DocStatus.RELEASED
    inventory.save()
    notices.batch_milestones([batch.pk])
    inventory.status = DocStatus.CLOSED
    inventory.save()
    notices.batch_milestones([batch.pk])
    # 总分单, 汇总 and 撤销 change state; the 报关单号 arrives.
    waybill = make_waybill(batch, [logistics.logistics_no], status=DocStatus.STORED)
    summary = make_summary(batch, [inventory.invt_no], status=DocStatus.STORED)
    cancel = make_cancel(inventory, status=DocStatus.CLEARED)
    notices.receipts_applied({"waybill": [waybill], "summary": [summary], "cancel": [cancel]})
    notices.summary_result_received(summary, "230520261000000001")
    return set(Message.objects.exclude(link="").values_list("link", flat=True))


def test_every_customs_message_links_to_a_page_on_the_pc_and_on_the_phone(batch: Batch, merchant_admin: User):
    links = every_customs_link(batch)
    links.add(BATCH.detail_route.format(id=batch.pk))  # the batch workflow's own messages
    assert {urlsplit(link).path for link in links} >= {
        "/customs/orders",
        "/customs/manifests",
        "/customs/summaries",
        "/customs/cancels",
        "/customs/batches",
    }
    pc, h5 = routes(PC_ROUTES), routes(H5_ROUTES)
    for link in sorted(links):
        path = urlsplit(link).path
        assert path in pc, f"电脑端没有 {link} 的页面"
        assert path in h5, f"手机端没有 {link} 的页面"


def test_the_monthly_summary_reminder_links_to_a_page_on_both_surfaces(batch: Batch, merchant_admin: User):
    _order, _logistics, inventory = make_shipment(batch)
    inventory.status = DocStatus.CLOSED
    inventory.statistics_flag = "B"
    inventory.invt_no = "230520260E000000007"
    inventory.return_time = "20260318100000000"
    inventory.save()
    assert notices.summary_reminders(now=timezone.make_aware(datetime(2026, 4, 3, 9, 0))) == 1
    reminders = list(Message.objects.filter(kind="todo").values_list("link", flat=True))
    assert reminders == ["/customs/summaries?month=2026-03"]
    assert "/customs/summaries" in routes(PC_ROUTES)
    assert "/customs/summaries" in routes(H5_ROUTES)


def test_the_route_reader_sees_the_customs_pages_of_both_files():
    assert {"/customs/manifests", "/customs/batches", "/customs/orders"} <= routes(PC_ROUTES)
    assert {"/customs/manifests", "/customs/batches", "/customs/batches/:batchId"} <= routes(H5_ROUTES)
