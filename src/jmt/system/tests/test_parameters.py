import pytest

from jmt.audit.models import OperationLog
from jmt.system.models import SystemParameter

pytestmark = pytest.mark.django_db

HOURS = {
    "days": [1, 2, 3, 4, 5, 6],
    "ranges": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "18:00"}],
    "closed_dates": ["2026-10-01"],
    "notice": "现在休息，明天见",
}


def test_every_group_reads_as_its_defaults_before_anyone_saves(admin_api):
    body = admin_api.get("/admin/system/parameters").json()
    assert [g["key"] for g in body["groups"]] == [
        "platform",
        "opening_hours",
        "announcements",
        "notifications",
        "showroom",
        "logs",
        "fx",
    ]
    assert body["groups"][1]["title"] == "营业时间"
    assert body["values"]["opening_hours"]["days"] == [1, 2, 3, 4, 5]
    assert body["values"]["logs"]["archive_after_days"] == 180
    assert body["values"]["notifications"]["wechat_enabled"] is True


def test_payment_and_logistics_parameters_are_not_offered_until_a_module_reads_them(admin_api, put):
    values = admin_api.get("/admin/system/parameters").json()["values"]
    assert "payment" not in values
    assert "logistics" not in values
    assert put("payment", {"methods": ["bank_transfer"]}).status_code == 422


def test_a_valid_group_is_saved_and_read_back(admin_api, put, superadmin):
    response = put("opening_hours", HOURS)
    assert response.status_code == 200
    assert response.json()["value"]["days"] == [1, 2, 3, 4, 5, 6]
    assert response.json()["group"]["updated_by"] == "超级管理员"
    assert admin_api.get("/admin/system/parameters").json()["values"]["opening_hours"]["notice"] == "现在休息，明天见"


def test_an_invalid_group_is_refused_with_chinese_messages_on_its_fields(put):
    response = put(
        "opening_hours",
        {
            "days": [],
            "ranges": [{"start": "18:00", "end": "09:00"}, {"start": "9:00", "end": "10:00"}],
            "notice": "",
        },
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert body["details"]["fields"] == {
        "days": "至少填写 1 项",
        "ranges.0": "结束时间须晚于开始时间",
        "ranges.1.start": "请用 24 小时制 HH:MM",
        "notice": "不能为空",
    }
    assert not SystemParameter.objects.exists()


def test_overlapping_opening_ranges_are_refused(put):
    value = {**HOURS, "ranges": [{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "13:00"}]}
    response = put("opening_hours", value)
    assert response.json()["details"]["fields"] == {"ranges": "营业时段 09:00–12:00 与 11:00–13:00 重叠"}


def test_an_announcement_must_end_after_it_starts(put):
    item = {
        "title": "系统升级",
        "content": "暂停服务",
        "starts_at": "2026-05-01T22:00:00+08:00",
        "ends_at": "2026-05-01T21:00:00+08:00",
    }
    response = put("announcements", {"items": [item]})
    assert response.json()["details"]["fields"] == {"items.0": "结束时间须晚于开始时间"}


def test_numbers_and_patterns_are_checked_with_readable_messages(put):
    response = put(
        "notifications",
        {"sms_sign": "晶", "wechat_templates": {"fx_arrival": "bad id!"}, "service_account_qr": "ftp://qr"},
    )
    assert response.json()["details"]["fields"] == {
        "sms_sign": "至少 2 个字",
        "wechat_templates": "「外币到账」的模板 ID 只能包含字母、数字、- 和 _",
        "service_account_qr": "请填写 https:// 开头的图片地址或以 / 开头的站内地址",
    }


def test_an_unknown_field_is_refused(put):
    response = put("platform", {"name": "晶贸通", "fax": "123"})
    assert response.json()["details"]["fields"] == {"fax": "不支持的字段"}


def test_an_unknown_group_is_refused(put):
    response = put("weather", {})
    assert response.status_code == 422


def test_a_change_is_audited_with_only_the_changed_fields_before_and_after(admin_api, put, superadmin):
    put("opening_hours", HOURS)
    put("opening_hours", {**HOURS, "notice": "国庆休息"})
    entries = OperationLog.objects.filter(module="system", action="update_parameters").order_by("pk")
    assert entries.count() == 2
    last = entries.last()
    assert last is not None
    assert last.actor == superadmin
    assert last.object_id == "opening_hours"
    assert last.changes == {"notice": ["现在休息，明天见", "国庆休息"]}
    detail = admin_api.get(f"/admin/audit/operation-logs/{last.pk}").json()
    assert detail["action_label"] == "修改系统参数"
    assert detail["changes"][0]["label"] == "非营业时间提示"


def test_the_first_save_is_audited_against_the_defaults(put):
    put("logs", {"archive_after_days": 90})
    entry = OperationLog.objects.get(module="system")
    assert entry.changes == {"archive_after_days": [180, 90]}


def test_saving_the_same_values_again_writes_no_entry(put):
    put("opening_hours", HOURS)
    put("opening_hours", HOURS)
    assert OperationLog.objects.filter(module="system").count() == 1


def test_a_wechat_template_change_names_the_message_kind(admin_api, put):
    put("notifications", {"wechat_templates": {"fx_arrival": "TPL_fx_01"}})
    entry = OperationLog.objects.get(module="system")
    assert entry.changes == {"wechat_templates.fx_arrival": ["", "TPL_fx_01"]}
    detail = admin_api.get(f"/admin/audit/operation-logs/{entry.pk}").json()
    assert detail["changes"][0]["label"] == "微信模板 ID · 外币到账"


def test_a_new_announcement_for_merchants_is_published_to_the_message_center_once(
    put, django_capture_on_commit_callbacks
):
    from jmt.notifications.models import Announcement

    def sent():
        return list(Announcement.objects.values_list("title", flat=True))

    item = {
        "title": "系统升级",
        "content": "周六晚暂停服务",
        "starts_at": "2026-05-01T20:00:00+08:00",
        "ends_at": "2026-05-01T23:00:00+08:00",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = put("announcements", {"items": [item]})
    assert sent() == ["系统升级"]
    saved = response.json()["value"]["items"][0]
    with django_capture_on_commit_callbacks(execute=True):
        put("announcements", {"items": [{**saved, "content": "改为周日"}]})
    assert sent() == ["系统升级"]  # an edit is not a new announcement


def test_a_staff_account_without_the_edit_permission_cannot_save(api, put, staff_without_permissions):
    response = put("platform", {"name": "别的名字"}, client=api.as_user(staff_without_permissions))
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"
    assert not SystemParameter.objects.exists()
