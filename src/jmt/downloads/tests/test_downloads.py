"""The download center: an export is a task (排队 → 生成中 → 完成 / 失败), with its progress, a message
when it is ready, a file kept 7 days then deleted (已过期), and a short-lived signed link."""

from __future__ import annotations

import io
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.core import signing
from django.core.files.storage import default_storage
from django.test import AsyncClient
from django.utils import timezone
from openpyxl import load_workbook  # type: ignore[import-untyped]

from conftest import queries_of
from jmt.accounts.models import User
from jmt.audit.models import OperationLog
from jmt.core.catalog import Surface
from jmt.customs.tests.factories import make_batch, make_order
from jmt.downloads import links, registry
from jmt.downloads.models import Download, DownloadStatus
from jmt.downloads.services import FAILED_UNEXPECTEDLY, download_create, download_run
from jmt.downloads.tasks import expire_downloads, fail_stuck_downloads
from jmt.downloads.tests.helpers import ask_export
from jmt.integrations.wechat import fake
from jmt.notifications.models import Message, WechatFollower
from jmt.notifications.tests.helpers import run_ready_tasks
from jmt.system.scheduler import SCHEDULE

pytestmark = pytest.mark.django_db

CUSTOMS = "/customs/orders/export"


def finish(api: Any, path: str = CUSTOMS, **params: Any) -> Download:
    response = ask_export(api, path, **params)
    assert response.status_code == 202, response.content
    run_ready_tasks()
    return Download.objects.get(pk=response.json()["id"])


def fetch(client: Any, url: str) -> Any:
    """GET a signed link as a browser or ``wx.downloadFile`` would: no Authorization header."""
    return client.get(url)


@pytest.fixture
def merchant(api: Any, merchant_admin: User) -> Any:
    return api.as_user(merchant_admin)


def test_an_export_is_queued_by_the_request_and_written_by_the_worker(merchant, crystal_merchant):
    make_order(make_batch(crystal_merchant), order_no="DH202612050001")
    response = ask_export(merchant, CUSTOMS, format="xlsx")
    assert response.status_code == 202
    queued = response.json()
    assert (queued["status"], queued["status_label"], queued["progress"]) == ("queued", "排队", 0)
    assert queued["title"] == "报关订单与清单"
    listed = merchant.get("/downloads").json()
    assert listed["running"] == 1
    assert [d["id"] for d in listed["items"]] == [queued["id"]]

    run_ready_tasks()

    done = merchant.get(f"/downloads/{queued['id']}").json()
    assert (done["status"], done["status_label"], done["progress"], done["rows"]) == ("done", "完成", 100, 1)
    assert done["file_name"].startswith("报关订单与清单-")
    assert done["file_name"].endswith(".xlsx")
    expires = Download.objects.get(pk=queued["id"]).expires_at
    assert expires is not None
    assert timedelta(days=7) - timedelta(minutes=1) < expires - timezone.now() <= timedelta(days=7)
    assert merchant.get("/downloads").json()["running"] == 0
    download = Download.objects.get(pk=queued["id"])
    with default_storage.open(download.storage_path, "rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    assert [c.value for c in sheet[1]][:3] == ["订单编号", "清单编号", "运单号"]
    assert sheet["A2"].value == "DH202612050001"


def test_the_customs_export_follows_the_list_filters_and_writes_csv(merchant, crystal_merchant):
    batch = make_batch(crystal_merchant)
    make_order(batch, order_no="DH202612050001")
    make_order(batch, order_no="DH202612050002")
    download = finish(merchant, format="csv", search="0002")
    with default_storage.open(download.storage_path, "rb") as handle:
        text = handle.read().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("订单编号,清单编号,运单号")
    assert "DH202612050002" in text
    assert "DH202612050001" not in text


def test_progress_is_saved_while_the_file_is_written(merchant_admin, kinds):
    seen: list[tuple[str, int]] = []

    def write(job: registry.ExportJob) -> int:
        for _ in job.track(range(500), 1000):  # half-way through
            pass
        row = Download.objects.get(owner=merchant_admin)
        seen.append((row.status, row.progress))
        job.target.write(b"a,b\n")
        return 500

    kinds(registry.ExportKind("test.half", "测试导出", "customs:orders:view", Surface.MERCHANT, write, ("csv",)))
    from jmt.accounts.selectors import build_actor

    download_create(actor=build_actor(merchant_admin), kind="test.half", params={}, file_format="csv")
    run_ready_tasks()
    assert seen == [("running", 50)]
    assert Download.objects.get().progress == 100


def test_a_failed_export_says_why_in_chinese_and_tells_its_owner(merchant_admin, kinds):
    from jmt.accounts.selectors import build_actor
    from jmt.core.errors import ApiError

    def refuse(job: registry.ExportJob) -> int:
        raise ApiError("CUSTOMS_GATEWAY_DOWN", "海关接口暂时无法访问，请稍后重新导出", status=503)

    def crash(job: registry.ExportJob) -> int:
        raise RuntimeError("disk full at /var/tmp")

    kinds(registry.ExportKind("test.refuse", "测试导出", "customs:orders:view", Surface.MERCHANT, refuse))
    kinds(registry.ExportKind("test.crash", "崩溃导出", "customs:orders:view", Surface.MERCHANT, crash))
    actor = build_actor(merchant_admin)
    refused = download_create(actor=actor, kind="test.refuse", params={}, file_format="xlsx")
    crashed = download_create(actor=actor, kind="test.crash", params={}, file_format="xlsx")
    run_ready_tasks()

    refused.refresh_from_db()
    crashed.refresh_from_db()
    assert (refused.status, refused.error) == (DownloadStatus.FAILED, "海关接口暂时无法访问，请稍后重新导出")
    assert (crashed.status, crashed.error) == (DownloadStatus.FAILED, FAILED_UNEXPECTEDLY)
    assert "disk" not in crashed.error
    assert not refused.storage_path
    assert not crashed.storage_path
    titles = set(Message.objects.filter(recipient=merchant_admin).values_list("title", flat=True))
    assert titles == {"「测试导出」生成失败", "「崩溃导出」生成失败"}


def test_a_finished_export_sends_a_message_that_opens_the_download_center(merchant, merchant_admin, settings):
    settings.WECHAT_TEMPLATE_IDS = {"status": "tpl-status", "todo": "tpl-todo", "announcement": "tpl-notice"}
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin")
    fake.sent.clear()
    download = finish(merchant, format="xlsx")
    message = Message.objects.get(recipient=merchant_admin)
    assert message.title == "「报关订单与清单」已生成，可在下载中心下载"
    assert message.link == "/downloads"
    assert message.mp_pagepath.endswith("%2Fm%2Fdownloads")
    assert message.related_id == str(download.pk)
    assert [m.touser for m in fake.sent] == ["svc-openid-lin"]  # the WeChat push went out too


def test_files_past_seven_days_are_deleted_and_the_download_shows_expired(merchant):
    download = finish(merchant, format="xlsx")
    path = download.storage_path
    assert default_storage.exists(path)
    Download.objects.filter(pk=download.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    fresh = finish(merchant, format="csv")

    assert expire_downloads.call() == {"expired": 1}

    download.refresh_from_db()
    assert (download.status, download.storage_path) == (DownloadStatus.EXPIRED, "")
    assert not default_storage.exists(path)
    assert merchant.get(f"/downloads/{download.pk}").json()["status_label"] == "已过期"
    refused = merchant.get(f"/downloads/{download.pk}/link")
    assert (refused.status_code, refused.json()["code"]) == (410, "DOWNLOAD_EXPIRED")
    fresh.refresh_from_db()
    assert fresh.status == DownloadStatus.DONE
    assert default_storage.exists(fresh.storage_path)


def test_the_expiry_job_runs_hourly_from_the_scheduler():
    entry = next(e for e in SCHEDULE if e.name == "downloads.expire")
    assert entry.task == "jmt.downloads.tasks.expire_downloads"
    assert entry.every == timedelta(hours=1)


def test_an_export_whose_worker_died_is_marked_failed_with_a_chinese_reason(merchant, merchant_admin, settings):
    settings.DOWNLOAD_STUCK_MINUTES = 30
    long_ago = timezone.now() - timedelta(minutes=31)
    queued = Download.objects.get(pk=ask_export(merchant, CUSTOMS, format="xlsx").json()["id"])
    running = Download.objects.get(pk=ask_export(merchant, CUSTOMS, format="csv").json()["id"])
    recent = Download.objects.get(pk=ask_export(merchant, CUSTOMS, format="xlsx").json()["id"])
    Download.objects.filter(pk=queued.pk).update(created_at=long_ago)
    Download.objects.filter(pk=running.pk).update(status=DownloadStatus.RUNNING, started_at=long_ago, progress=40)
    Download.objects.filter(pk=recent.pk).update(status=DownloadStatus.RUNNING, started_at=timezone.now())

    assert fail_stuck_downloads.call() == {"failed": 2}

    for stuck in (queued, running):
        row = merchant.get(f"/downloads/{stuck.pk}").json()
        assert (row["status"], row["status_label"]) == ("failed", "失败")
        assert row["error"] == "超过 30 分钟仍未生成完成，后台任务可能已中断；请点击「重新生成」"
    assert Download.objects.get(pk=recent.pk).status == DownloadStatus.RUNNING
    titles = list(Message.objects.filter(recipient=merchant_admin).values_list("title", flat=True))
    assert titles == ["「报关订单与清单」生成失败"] * 2
    assert download_run(download_id=queued.pk) is None  # a worker that wakes up late leaves it alone
    assert fail_stuck_downloads.call() == {"failed": 0}


def test_a_worker_finishing_after_its_export_was_given_up_keeps_no_file(kinds, merchant_admin, settings):
    from jmt.accounts.selectors import build_actor
    from jmt.downloads.services import downloads_fail_stuck

    def slow(job: registry.ExportJob) -> int:
        assert downloads_fail_stuck(now=timezone.now() + timedelta(minutes=31)) == 1  # given up meanwhile
        job.target.write(b"a,b\n")
        return 1

    kinds(registry.ExportKind("test.slow", "慢导出", "customs:orders:view", Surface.MERCHANT, slow, ("csv",)))
    download_create(actor=build_actor(merchant_admin), kind="test.slow", params={}, file_format="csv")
    run_ready_tasks()

    download = Download.objects.get()
    assert (download.status, download.storage_path) == (DownloadStatus.FAILED, "")
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []
    titles = list(Message.objects.filter(recipient=merchant_admin).values_list("title", flat=True))
    assert titles == ["「慢导出」生成失败"]  # once, not followed by 「已生成」


def test_the_stuck_check_runs_every_five_minutes_from_the_scheduler():
    entry = next(e for e in SCHEDULE if e.name == "downloads.fail_stuck")
    assert entry.task == "jmt.downloads.tasks.fail_stuck_downloads"
    assert entry.every == timedelta(minutes=5)


def test_a_failed_export_is_generated_again_with_its_kind_and_filters(merchant, merchant_admin, crystal_merchant):
    make_order(make_batch(crystal_merchant), order_no="DH202612050009")
    asked = ask_export(merchant, CUSTOMS, format="csv", search="0009").json()
    Download.objects.filter(pk=asked["id"]).update(
        status=DownloadStatus.FAILED, error="超过 30 分钟仍未生成完成", created_at=timezone.now() - timedelta(hours=2)
    )
    run_ready_tasks()  # the original task finds it no longer queued

    response = merchant.post(f"/downloads/{asked['id']}/retry")

    assert response.status_code == 202
    again = response.json()
    assert (again["id"], again["status"], again["error"], again["progress"]) == (asked["id"], "queued", "", 0)
    assert timezone.now() - Download.objects.get(pk=asked["id"]).created_at < timedelta(minutes=1)
    run_ready_tasks()
    download = Download.objects.get(pk=asked["id"])
    assert (download.status, download.kind, download.file_format, download.rows) == ("done", "customs.orders", "csv", 1)
    assert download.params["search"] == "0009"
    entry = OperationLog.objects.get(module="downloads", action="download_retry")
    assert entry.actor == merchant_admin
    assert entry.object_id == str(download.pk)
    assert entry.changes["status"] == ["failed", "queued"]
    assert entry.changes["error"] == ["超过 30 分钟仍未生成完成", ""]


def test_only_a_failed_export_can_be_generated_again(merchant):
    download = finish(merchant, format="xlsx")
    refused = merchant.post(f"/downloads/{download.pk}/retry")
    assert (refused.status_code, refused.json()["code"]) == (409, "DOWNLOAD_NOT_FAILED")
    assert refused.json()["message"] == "只有生成失败的导出可以重新生成"
    assert Download.objects.get(pk=download.pk).status == DownloadStatus.DONE


def test_only_the_owner_can_generate_a_failed_export_again(
    api, merchant, merchant_member, other_merchant_user, superadmin
):
    failed = Download.objects.get(pk=ask_export(merchant, CUSTOMS, format="xlsx").json()["id"])
    Download.objects.filter(pk=failed.pk).update(status=DownloadStatus.FAILED, error="生成失败")
    for user in (merchant_member, other_merchant_user):
        assert api.as_user(user).post(f"/downloads/{failed.pk}/retry").status_code == 404
    assert api.as_user(superadmin).post(f"/admin/downloads/{failed.pk}/retry").status_code == 404
    assert merchant.post(f"/admin/downloads/{failed.pk}/retry").status_code == 404
    assert Download.objects.get(pk=failed.pk).status == DownloadStatus.FAILED
    assert not OperationLog.objects.filter(action="download_retry").exists()


def test_staff_generate_their_own_failed_back_office_export_again(api, superadmin):
    staff = api.as_user(superadmin)
    asked = ask_export(staff, "/admin/training/cockpit/export").json()
    Download.objects.filter(pk=asked["id"]).update(status=DownloadStatus.FAILED, error="生成失败")
    assert staff.post(f"/admin/downloads/{asked['id']}/retry").status_code == 202
    run_ready_tasks()
    assert staff.get(f"/admin/downloads/{asked['id']}").json()["status"] == "done"


def test_a_signed_link_downloads_the_file_without_a_bearer_header(merchant, client):
    download = finish(merchant, format="xlsx")
    link = merchant.get(f"/downloads/{download.pk}/link").json()
    assert link["url"].startswith("/api/v1/downloads/file/")
    assert link["file_name"] == download.file_name
    response = fetch(client, link["url"])
    assert response.status_code == 200
    assert response["Content-Type"] == registry.CONTENT_TYPES["xlsx"]
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert len(body) == download.size == int(response["Content-Length"])


def test_a_tampered_link_is_refused(merchant, client):
    download = finish(merchant, format="xlsx")
    url = merchant.get(f"/downloads/{download.pk}/link").json()["url"]
    token = url.rsplit("/", 1)[1]
    forged = signing.TimestampSigner(salt=links.SALT).sign_object({"d": download.pk + 1, "u": 1})
    for bad in (
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        forged.split(":")[0] + token[token.index(":") :],
    ):
        response = fetch(client, links.FILE_PATH + bad)
        assert (response.status_code, response.json()["code"]) == (403, "DOWNLOAD_LINK_INVALID")
        assert response.json()["message"] == "下载链接无效，请回到下载中心重新下载"


def test_a_link_expires_after_five_minutes(merchant, client, monkeypatch):
    download = finish(merchant, format="xlsx")
    url = merchant.get(f"/downloads/{download.pk}/link").json()["url"]
    later = time.time() + links.LINK_SECONDS + 1
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = fetch(client, url)
    assert (response.status_code, response.json()["code"]) == (410, "DOWNLOAD_LINK_EXPIRED")


def test_a_link_is_only_good_for_the_person_it_was_made_for(merchant, merchant_admin, merchant_member, client):
    download = finish(merchant, format="xlsx")
    someone_else = links.link_for(download_id=download.pk, user_id=merchant_member.pk)  # signed, wrong person
    response = fetch(client, someone_else.url)
    assert (response.status_code, response.json()["code"]) == (403, "DOWNLOAD_LINK_INVALID")
    own = links.link_for(download_id=download.pk, user_id=merchant_admin.pk)
    merchant_admin.is_active = False
    merchant_admin.save()
    assert fetch(client, own.url).status_code == 403


def test_a_link_is_refused_until_the_file_is_ready(merchant):
    queued = ask_export(merchant, CUSTOMS, format="xlsx").json()
    response = merchant.get(f"/downloads/{queued['id']}/link")
    assert (response.status_code, response.json()["code"]) == (409, "DOWNLOAD_NOT_READY")


def test_another_merchant_or_member_never_sees_a_download(api, merchant, merchant_member, other_merchant_user):
    download = finish(merchant, format="xlsx")
    for user in (merchant_member, other_merchant_user):
        other = api.as_user(user)
        assert other.get(f"/downloads/{download.pk}").status_code == 404
        assert other.get(f"/downloads/{download.pk}/link").status_code == 404
        assert other.get("/downloads").json()["items"] == []


def test_staff_and_merchant_downloads_stay_on_their_own_surface(api, merchant, superadmin, merchant_admin):
    merchant_download = finish(merchant, format="xlsx")
    staff = api.as_user(superadmin)
    staff_download = finish(staff, "/admin/training/cockpit/export")
    assert staff.get(f"/admin/downloads/{merchant_download.pk}").status_code == 404
    assert [d["id"] for d in staff.get("/admin/downloads").json()["items"]] == [staff_download.pk]
    assert staff.get(f"/admin/downloads/{staff_download.pk}/link").status_code == 200
    assert merchant.get(f"/downloads/{staff_download.pk}").status_code == 404
    assert merchant.get("/admin/downloads").status_code == 404  # the back office does not exist for merchants
    assert merchant.get(f"/admin/downloads/{staff_download.pk}/link").status_code == 404


def test_a_member_may_export_what_they_may_view(api, merchant_member):
    assert ask_export(api.as_user(merchant_member), CUSTOMS, format="xlsx").status_code == 202


def test_an_export_needs_the_kinds_permission_and_leaves_nothing_when_refused(api, other_merchant_user):
    staff = User.objects.create_user(username="ops", password="Crystal-2026!", name="运营小李", is_staff=True)
    assert ask_export(api.as_user(staff), "/admin/logistics/shipments/export", format="xlsx").status_code == 403
    closed = ask_export(api.as_user(other_merchant_user), CUSTOMS, format="xlsx")  # 工商注册 not approved yet
    assert closed.status_code == 403
    assert closed.json()["code"] == "CUSTOMS_MODULE_CLOSED"
    assert not Download.objects.exists()


def test_a_permission_lost_before_the_worker_runs_fails_the_export(api, superadmin):
    response = ask_export(api.as_user(superadmin), "/admin/training/cockpit/export")
    superadmin.is_superadmin = False
    superadmin.save()
    run_ready_tasks()
    download = Download.objects.get(pk=response.json()["id"])
    assert (download.status, download.error) == (DownloadStatus.FAILED, "您已没有这项导出的权限，文件未生成")


def test_asking_for_an_export_is_audited(merchant, merchant_admin):
    download = finish(merchant, format="csv")
    entry = OperationLog.objects.get(module="downloads", action="download_create")
    assert entry.actor == merchant_admin
    assert entry.object_id == str(download.pk)


def test_a_kind_with_a_format_the_center_cannot_serve_is_not_registered():
    with pytest.raises(ValueError, match="unsupported formats"):
        registry.register(registry.ExportKind("test.pdf", "PDF", "x:y:view", Surface.ADMIN, lambda job: 0, ("pdf",)))
    assert registry.get("test.pdf") is None


def test_a_download_of_an_unknown_kind_or_format_is_refused(merchant_admin):
    from jmt.accounts.selectors import build_actor
    from jmt.core.errors import ApiError

    actor = build_actor(merchant_admin)
    with pytest.raises(ApiError) as unknown:
        download_create(actor=actor, kind="nothing.here", params={}, file_format="xlsx")
    assert unknown.value.code == "DOWNLOAD_KIND_UNKNOWN"
    with pytest.raises(ApiError) as wrong:
        download_create(actor=actor, kind="training.cockpit", params={}, file_format="csv")
    assert wrong.value.code == "DOWNLOAD_FORMAT_UNSUPPORTED"


def test_under_asgi_a_signed_link_streams_the_file_by_an_async_iterator(merchant):
    """uvicorn serves the app: a sync iterator would be read whole into memory there."""
    download = finish(merchant, format="xlsx")
    url = merchant.get(f"/downloads/{download.pk}/link").json()["url"]

    async def fetch_async() -> tuple[Any, bytes]:
        response: Any = await AsyncClient().get(url)
        assert response.is_async
        return response, b"".join([chunk async for chunk in response.streaming_content])

    response, data = async_to_sync(fetch_async)()
    assert response.status_code == 200
    assert len(data) == int(response["Content-Length"]) == download.size


def test_the_demo_merchant_has_a_finished_and_an_expired_download(merchant_admin, crystal_merchant):
    from jmt.downloads.seed import seed_downloads

    seed_downloads(crystal_merchant, merchant_admin)
    seed_downloads(crystal_merchant, merchant_admin)  # idempotent
    statuses = sorted(Download.objects.filter(owner=merchant_admin).values_list("status", flat=True))
    assert statuses == [DownloadStatus.DONE, DownloadStatus.EXPIRED]
    done = Download.objects.get(owner=merchant_admin, status=DownloadStatus.DONE)
    assert default_storage.exists(done.storage_path)


def test_the_list_costs_the_same_queries_however_many_downloads(merchant, merchant_admin, crystal_merchant):
    def add(count: int) -> None:
        for _ in range(count):
            Download.objects.create(
                owner=merchant_admin,
                merchant=crystal_merchant,
                surface="merchant",
                kind="customs.orders",
                title="报关订单与清单",
                file_format="xlsx",
            )

    add(1)
    few = queries_of(lambda: merchant.get("/downloads"))
    add(8)
    assert queries_of(lambda: merchant.get("/downloads")) == few
    assert merchant.get("/downloads").json()["total"] == 9
