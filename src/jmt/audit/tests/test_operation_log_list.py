from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jmt.accounts.models import User
from jmt.audit.models import OperationLog
from jmt.audit.tests.conftest import make_log

pytestmark = pytest.mark.django_db

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def people(db):
    lin = User.objects.create_user(username="13800000001", phone="13800000001", name="林晶莹")
    wang = User.objects.create_user(username="13800000003", phone="13800000003", name="王小明")
    return lin, wang


def test_the_list_is_paged_newest_first_with_chinese_module_and_action_names(admin_api, people):
    lin, _ = people
    for day in range(3):
        make_log(actor=lin, created_at=datetime(2026, 3, 1 + day, 10, tzinfo=SH))
    body = admin_api.get("/admin/audit/operation-logs", page=1, page_size=2).json()
    assert body["total"] == 3
    assert (body["page"], body["page_size"]) == (1, 2)
    assert [item["created_at"][:10] for item in body["items"]] == ["2026-03-03", "2026-03-02"]
    first = body["items"][0]
    assert (first["module_label"], first["action_label"]) == ("商户", "修改")
    assert first["actor"]["display"] == "林晶莹（13800000001）"
    assert first["summary"] == "商户名称：旧名 → 新名"
    assert first["changes_count"] == 1


def test_a_page_holds_at_most_one_hundred_rows(admin_api):
    response = admin_api.get("/admin/audit/operation-logs", page_size=101)
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_the_actor_filter_takes_part_of_a_phone_or_a_name(admin_api, people):
    lin, wang = people
    make_log(actor=lin)
    make_log(actor=wang)
    make_log(actor=None)

    def actors(**params):
        items = admin_api.get("/admin/audit/operation-logs", **params).json()["items"]
        return sorted(item["actor"]["username"] for item in items)

    assert actors(actor="0003") == ["13800000003"]
    assert actors(actor="林晶") == ["13800000001"]
    assert actors(actor_id=wang.pk) == ["13800000003"]


def test_the_actor_filter_also_finds_what_an_admin_did_while_impersonating(admin_api, people, superadmin):
    lin, _ = people
    make_log(actor=lin, impersonator=superadmin)
    make_log(actor=lin)
    items = admin_api.get("/admin/audit/operation-logs", actor="root").json()["items"]
    assert len(items) == 1
    assert items[0]["impersonator"]["username"] == "root"


def test_the_time_range_and_module_and_action_filters_combine(admin_api, people):
    lin, _ = people
    make_log(actor=lin, module="accounts", action="register", created_at=datetime(2026, 3, 1, 9, tzinfo=SH))
    make_log(actor=lin, module="merchants", action="update", created_at=datetime(2026, 3, 2, 9, tzinfo=SH))
    make_log(actor=lin, module="merchants", action="create", created_at=datetime(2026, 3, 2, 11, tzinfo=SH))
    make_log(actor=lin, module="merchants", action="update", created_at=datetime(2026, 3, 5, 9, tzinfo=SH))

    body = admin_api.get(
        "/admin/audit/operation-logs",
        created_from="2026-03-02T00:00:00+08:00",
        created_to="2026-03-03T00:00:00",  # without an offset: Beijing time
        module="merchants",
        action="update",
    ).json()
    assert body["total"] == 1
    assert body["items"][0]["created_at"].startswith("2026-03-02T01:00:00")  # 09:00 Beijing, in UTC


def test_a_range_that_ends_before_it_starts_is_refused_on_the_end_field(admin_api):
    response = admin_api.get(
        "/admin/audit/operation-logs", created_from="2026-03-05T00:00:00+08:00", created_to="2026-03-01T00:00:00+08:00"
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"created_to": "结束时间不能早于开始时间"}


def test_the_filter_options_name_the_modules_and_actions_in_chinese(admin_api):
    make_log(module="custom_module", action="custom_action")
    body = admin_api.get("/admin/audit/operation-logs/labels").json()
    modules = {m["value"]: m["label"] for m in body["modules"]}
    assert modules["merchants"] == "商户"
    assert modules["custom_module"] == "custom_module"  # present in the log, no name registered
    assert {a["value"]: a["label"] for a in body["actions"]}["switch_merchant"] == "切换商户"


def test_a_staff_account_without_the_log_permission_is_refused(api, staff_without_logs):
    response = api.as_user(staff_without_logs).get("/admin/audit/operation-logs")
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"


def test_a_merchant_user_cannot_read_the_log(api, merchant_admin):
    response = api.as_user(merchant_admin).get("/admin/audit/operation-logs")
    assert response.status_code in (403, 404)
    assert set(response.json()) == {"code", "message", "details"}


def test_an_anonymous_caller_is_asked_to_sign_in(api):
    response = api.get("/admin/audit/operation-logs")
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHENTICATED"


def test_reading_the_log_writes_nothing(admin_api):
    make_log()
    before = OperationLog.objects.count()
    admin_api.get("/admin/audit/operation-logs")
    assert OperationLog.objects.count() == before


def test_logs_from_before_the_range_start_are_left_out(admin_api):
    now = datetime.now(tz=SH)
    make_log(created_at=now - timedelta(days=2))
    recent = make_log(created_at=now)
    items = admin_api.get("/admin/audit/operation-logs", created_from=(now - timedelta(hours=1)).isoformat()).json()[
        "items"
    ]
    assert [item["id"] for item in items] == [recent.pk]


def test_a_page_of_the_log_costs_a_bounded_number_of_queries(
    admin_api, people, settings, django_assert_max_num_queries
):
    settings.REQUEST_METRICS_FLUSH_SECONDS = 0  # no metrics flush after the response
    lin, wang = people
    for index in range(30):
        make_log(actor=lin if index % 2 else wang)
    admin_api.get("/admin/audit/operation-logs", page_size=5)  # warm up (the built-in role row)
    with django_assert_max_num_queries(4):  # authentication (2), the page, the bounded count
        body = admin_api.get("/admin/audit/operation-logs", page=2, page_size=20).json()
    assert (len(body["items"]), body["total"]) == (10, 30)


def test_a_big_log_is_not_counted_in_full_on_every_page(admin_api, people, monkeypatch, django_assert_num_queries):
    from django.core.cache import cache

    from jmt.core import pagination

    cache.clear()
    lin, _ = people
    for _ in range(15):
        make_log(actor=lin)
    monkeypatch.setattr(pagination, "EXACT_COUNT_LIMIT", 10)
    rows = OperationLog.objects.filter(actor=lin).order_by("-created_at")
    monkeypatch.setattr(pagination.large_count, "__defaults__", (10,))
    assert pagination.large_count(rows) == 15  # past the limit: counted once, then cached
    with django_assert_num_queries(1):  # only the limited count: the total comes from the cache
        assert pagination.large_count(rows) == 15
    assert pagination.large_count(rows.filter(module="nothing")) == 0
