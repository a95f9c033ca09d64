import gzip
import hashlib
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.storage import default_storage

from conftest import S3_BUCKET
from jmt.accounts.models import User
from jmt.audit.archive import operation_logs_archive
from jmt.audit.models import AuditArchive, OperationLog
from jmt.audit.tests.conftest import make_log

pytestmark = pytest.mark.django_db

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 9, 15, 10, tzinfo=SH)  # 180 days before: 2026-03-19, so January and February are due


@pytest.fixture(autouse=True)
def archive_dir(settings, tmp_path):
    """The default storage is the local disk under MEDIA_ROOT: the archives land in its audit-archives/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT / "audit-archives"


@pytest.fixture
def lin(db):
    return User.objects.create_user(username="13800000001", phone="13800000001", name="林晶莹")


def at(month, day, hour=10):
    return datetime(2026, month, day, hour, tzinfo=SH)


def test_whole_months_past_the_age_move_into_one_compressed_file_each(lin, archive_dir):
    january = [make_log(actor=lin, created_at=at(1, d)) for d in (1, 15, 31)]
    february = [make_log(actor=lin, created_at=at(2, 10))]
    march = make_log(actor=lin, created_at=at(3, 10))  # older than 180 days, but March is not wholly past: stays
    recent = make_log(actor=lin, created_at=at(9, 1))

    done = operation_logs_archive(after_days=180, now=NOW)

    assert [(f"{m.month:%Y-%m}", m.file_name, m.row_count) for m in done] == [
        ("2026-01", "operation-logs-2026-01.jsonl.gz", 3),
        ("2026-02", "operation-logs-2026-02.jsonl.gz", 1),
    ]
    remaining = set(OperationLog.objects.exclude(action="archive").values_list("pk", flat=True))
    assert remaining == {march.pk, recent.pk}
    with gzip.open(archive_dir / "operation-logs-2026-01.jsonl.gz") as packed:
        lines = [json.loads(line) for line in packed]
    assert [line["id"] for line in lines] == [e.pk for e in january]
    assert lines[0]["created_at"] == "2026-01-01T10:00:00+08:00"
    assert lines[0]["actor"] == "林晶莹（13800000001）"
    assert lines[0]["changes"] == {"name": ["旧名", "新名"]}
    archive = AuditArchive.objects.get(month="2026-01-01")
    data = (archive_dir / archive.file_name).read_bytes()
    assert (archive.row_count, archive.size_bytes) == (3, len(data))
    assert archive.sha256 == hashlib.sha256(data).hexdigest()
    assert february[0].pk not in remaining


def test_archiving_is_itself_in_the_log_as_done_by_the_system(lin):
    make_log(actor=lin, created_at=at(1, 5))
    operation_logs_archive(after_days=180, now=NOW)
    entry = OperationLog.objects.get(action="archive")
    assert entry.actor is None
    assert entry.changes["row_count"] == [None, 1]
    assert entry.changes["file_name"] == [None, "operation-logs-2026-01.jsonl.gz"]


def test_running_it_again_changes_nothing(lin, archive_dir):
    make_log(actor=lin, created_at=at(1, 5))
    operation_logs_archive(after_days=180, now=NOW)
    files = {p.name: p.read_bytes() for p in archive_dir.iterdir()}
    logs = OperationLog.objects.count()

    assert operation_logs_archive(after_days=180, now=NOW) == []
    assert {p.name: p.read_bytes() for p in archive_dir.iterdir()} == files
    assert list(files) == ["operation-logs-2026-01.jsonl.gz"]
    assert (AuditArchive.objects.count(), OperationLog.objects.count()) == (1, logs)


def test_a_late_row_of_an_archived_month_goes_into_a_second_part(lin):
    make_log(actor=lin, created_at=at(1, 5))
    operation_logs_archive(after_days=180, now=NOW)
    make_log(actor=lin, created_at=at(1, 20))
    done = operation_logs_archive(after_days=180, now=NOW)
    assert [(m.file_name, m.row_count) for m in done] == [("operation-logs-2026-01-part2.jsonl.gz", 1)]
    assert list(AuditArchive.objects.order_by("part").values_list("part", flat=True)) == [1, 2]


def test_a_failure_keeps_the_rows_and_leaves_no_file(lin, archive_dir, monkeypatch):
    make_log(actor=lin, created_at=at(1, 5))

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(AuditArchive.objects, "create", broken)
    with pytest.raises(RuntimeError):
        operation_logs_archive(after_days=180, now=NOW)
    assert OperationLog.objects.count() == 1
    assert not any(archive_dir.iterdir())  # the file stored a moment before the failure was removed again


def test_the_archive_is_listed_and_downloads_with_the_same_content(admin_api, lin, archive_dir):
    make_log(actor=lin, created_at=at(1, 5), changes={"phone": [None, "13800000001"]})
    operation_logs_archive(after_days=180, now=NOW)
    archive = AuditArchive.objects.get()

    listed = admin_api.get("/admin/audit/archives").json()
    assert listed["total"] == 1
    assert listed["items"][0]["month"] == "2026-01"
    assert listed["items"][0]["row_count"] == 1

    response = admin_api.get(f"/admin/audit/archives/{archive.pk}/download")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gzip"
    assert "operation-logs-2026-01.jsonl.gz" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert data == (archive_dir / archive.file_name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == archive.sha256
    (line,) = gzip.decompress(data).decode().splitlines()
    assert json.loads(line)["changes"] == {"phone": [None, "13800000001"]}


def test_a_missing_archive_file_is_a_clear_error(admin_api, lin, archive_dir):
    make_log(actor=lin, created_at=at(1, 5))
    operation_logs_archive(after_days=180, now=NOW)
    archive = AuditArchive.objects.get()
    default_storage.delete(archive.storage_path)
    response = admin_api.get(f"/admin/audit/archives/{archive.pk}/download")
    assert response.status_code == 410
    assert response.json()["code"] == "AUDIT_ARCHIVE_FILE_MISSING"


def test_on_the_object_store_the_archive_is_written_to_the_bucket_and_downloads_from_it(admin_api, lin, s3):
    """JMT_STORAGE=s3: every app machine reads the archive the worker on another one wrote."""
    january = [make_log(actor=lin, created_at=at(1, d)) for d in (5, 6)]
    done = operation_logs_archive(after_days=180, now=NOW)
    assert [(m.file_name, m.row_count) for m in done] == [("operation-logs-2026-01.jsonl.gz", 2)]
    archive = AuditArchive.objects.get()
    assert archive.storage_path == "audit-archives/operation-logs-2026-01.jsonl.gz"

    stored = s3.get_object(Bucket=S3_BUCKET, Key=archive.storage_path)["Body"].read()
    assert (len(stored), hashlib.sha256(stored).hexdigest()) == (archive.size_bytes, archive.sha256)
    assert [json.loads(line)["id"] for line in gzip.decompress(stored).splitlines()] == [e.pk for e in january]

    response = admin_api.get(f"/admin/audit/archives/{archive.pk}/download")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored


def test_on_the_object_store_a_failure_leaves_no_object_behind(lin, s3, monkeypatch):
    make_log(actor=lin, created_at=at(1, 5))

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(AuditArchive.objects, "create", broken)
    with pytest.raises(RuntimeError):
        operation_logs_archive(after_days=180, now=NOW)
    assert OperationLog.objects.count() == 1
    assert s3.list_objects_v2(Bucket=S3_BUCKET).get("KeyCount") == 0


def test_archives_are_refused_to_staff_without_the_log_permission(api, staff_without_logs, lin):
    make_log(actor=lin, created_at=at(1, 5))
    operation_logs_archive(after_days=180, now=NOW)
    archive = AuditArchive.objects.get()
    client = api.as_user(staff_without_logs)
    assert client.get("/admin/audit/archives").status_code == 403
    assert client.get(f"/admin/audit/archives/{archive.pk}/download").status_code == 403


def test_the_scheduled_task_reads_the_age_from_the_system_parameters(lin, superadmin):
    from jmt.accounts.selectors import build_actor
    from jmt.audit.tasks import archive_operation_logs
    from jmt.system.services import parameters_update

    make_log(actor=lin, created_at=at(6, 5))  # 100 days before NOW: kept at 180 days, archived at 60
    parameters_update(actor=build_actor(superadmin), group="logs", value={"archive_after_days": 60})
    with time_machine.travel(NOW, tick=False):
        result = archive_operation_logs.call()
    assert result == {
        "after_days": 60,
        "archived": [{"month": "2026-06", "file": "operation-logs-2026-06.jsonl.gz", "rows": 1}],
    }
