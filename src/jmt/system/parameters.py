"""System parameters (A7): typed groups of settings edited in the back office.

Each group is a Pydantic model: its fields carry the Chinese title the form and the audit log show,
and validation happens on save. One database row per group holds its JSON; a group never saved reads
as its defaults. Read a group anywhere with :func:`jmt.system.selectors.parameter`.
"""

from __future__ import annotations

import itertools
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, cast

from django.conf import settings
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- 平台信息 ---
class PlatformParams(Group):
    name: str = Field(default="晶贸通", title="平台名称", min_length=1, max_length=40)
    hotline: str = Field(
        default="",
        title="客服热线",
        pattern=r"^$|^[0-9+\-() ]{5,20}$",
        json_schema_extra={"hint": "只能包含数字、空格和 + - ( )，5–20 位"},
    )
    service_wechat: str = Field(default="", title="客服微信", max_length=40)
    email: str = Field(
        default="",
        title="客服邮箱",
        max_length=100,
        pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$",
        json_schema_extra={"hint": "请输入正确的邮箱地址"},
    )
    address: str = Field(default="", title="联系地址", max_length=200)


# --- 营业时间 ---
class OpeningTimeRange(Group):
    start: str = Field(title="开始", pattern=TIME_PATTERN, json_schema_extra={"hint": "请用 24 小时制 HH:MM"})
    end: str = Field(title="结束", pattern=TIME_PATTERN, json_schema_extra={"hint": "请用 24 小时制 HH:MM"})

    @model_validator(mode="after")
    def _ordered(self) -> OpeningTimeRange:
        if self.end <= self.start:
            raise ValueError("结束时间须晚于开始时间")
        return self


class OpeningHoursParams(Group):
    days: list[Annotated[int, Field(ge=1, le=7)]] = Field(
        default_factory=lambda: [1, 2, 3, 4, 5], title="营业日", min_length=1, max_length=7
    )
    ranges: list[OpeningTimeRange] = Field(
        default_factory=lambda: [
            OpeningTimeRange(start="08:30", end="12:00"),
            OpeningTimeRange(start="13:30", end="17:30"),
        ],
        title="营业时段",
        min_length=1,
        max_length=4,
    )
    closed_dates: list[date] = Field(default_factory=list, title="休息日（节假日）", max_length=100)
    notice: str = Field(
        default="当前为非营业时间，您仍可提交业务，工作人员将在下一个营业时间处理。",
        title="非营业时间提示",
        min_length=1,
        max_length=200,
    )

    @field_validator("days")
    @classmethod
    def _unique_days(cls, days: list[int]) -> list[int]:
        if len(set(days)) != len(days):
            raise ValueError("营业日不能重复")
        return sorted(days)

    @field_validator("ranges")
    @classmethod
    def _no_overlap(cls, ranges: list[OpeningTimeRange]) -> list[OpeningTimeRange]:
        ordered = sorted(ranges, key=lambda r: r.start)
        for earlier, later in itertools.pairwise(ordered):
            if later.start < earlier.end:
                raise ValueError(f"营业时段 {earlier.start}–{earlier.end} 与 {later.start}–{later.end} 重叠")
        return ordered

    @field_validator("closed_dates")
    @classmethod
    def _sorted_dates(cls, dates: list[date]) -> list[date]:
        return sorted(set(dates))


# --- 维护公告 ---
Audience = Literal["merchant", "admin"]


def _all_audiences() -> list[Audience]:
    return ["merchant", "admin"]


def _announcement_id() -> str:
    return uuid.uuid4().hex[:12]


class MaintenanceAnnouncement(Group):
    id: str = Field(default_factory=_announcement_id, title="编号", pattern=r"^[a-z0-9]{6,32}$")
    title: str = Field(title="标题", min_length=1, max_length=60)
    content: str = Field(title="内容", min_length=1, max_length=500)
    level: Literal["info", "warning"] = Field(default="warning", title="级别")
    starts_at: datetime = Field(title="开始时间")
    ends_at: datetime = Field(title="结束时间")
    audience: list[Audience] = Field(default_factory=_all_audiences, title="展示范围", min_length=1)

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return timezone.make_aware(value) if timezone.is_naive(value) else value

    @model_validator(mode="after")
    def _ordered(self) -> MaintenanceAnnouncement:
        if self.ends_at <= self.starts_at:
            raise ValueError("结束时间须晚于开始时间")
        return self

    def active_at(self, moment: datetime) -> bool:
        return self.starts_at <= moment < self.ends_at


class AnnouncementParams(Group):
    items: list[MaintenanceAnnouncement] = Field(default_factory=list, title="维护公告", max_length=50)

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[MaintenanceAnnouncement]) -> list[MaintenanceAnnouncement]:
        if len({item.id for item in items}) != len(items):
            raise ValueError("公告编号重复")
        return items


# --- 通知参数 ---
MESSAGE_KINDS: dict[str, str] = {
    "registration_result": "工商注册审核结果",
    "filing_result": "申报受理结果",
    "customs_status": "报关状态变更",
    "refund_status": "退税进度",
    "fx_arrival": "外币到账",
    "announcement": "系统公告",
}
MessageKind = Literal[
    "registration_result", "filing_result", "customs_status", "refund_status", "fx_arrival", "announcement"
]


def _no_templates() -> dict[MessageKind, str]:
    return cast(dict[MessageKind, str], dict.fromkeys(MESSAGE_KINDS, ""))


TEMPLATE_ID = re.compile(r"^[A-Za-z0-9_-]{0,64}$")


class NotificationParams(Group):
    """Read by the SMS sender (签名), the WeChat push (开关、每类消息的模板 ID, the environment's template
    ids as fallback) and the 我的 page (服务号名称与二维码)."""

    sms_sign: str = Field(default_factory=lambda: settings.SMS_SIGN_NAME, title="短信签名", min_length=2, max_length=12)
    wechat_enabled: bool = Field(default=True, title="微信模板消息")
    wechat_templates: dict[MessageKind, str] = Field(default_factory=_no_templates, title="微信模板 ID")
    service_account_name: str = Field(default="", title="服务号名称", max_length=40)
    service_account_qr: str = Field(
        default="",
        title="服务号二维码",
        max_length=500,
        pattern=r"^$|^(https://|/)\S+$",
        json_schema_extra={"hint": "请填写 https:// 开头的图片地址或以 / 开头的站内地址"},
    )

    @field_validator("wechat_templates")
    @classmethod
    def _template_ids(cls, templates: dict[str, str]) -> dict[str, str]:
        for kind, template in templates.items():
            if not TEMPLATE_ID.match(template.strip()):
                raise ValueError(f"「{MESSAGE_KINDS.get(kind, kind)}」的模板 ID 只能包含字母、数字、- 和 _")
        return {kind: templates.get(kind, "").strip() for kind in MESSAGE_KINDS}


# --- 汇率参数 ---
FX_CURRENCIES: dict[str, str] = {
    "USD": "美元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "HKD": "港币",
    "AUD": "澳元",
    "CAD": "加元",
    "SGD": "新加坡元",
    "CHF": "瑞士法郎",
    "NZD": "新西兰元",
}
FxCurrency = Literal["USD", "EUR", "GBP", "JPY", "HKD", "AUD", "CAD", "SGD", "CHF", "NZD"]


def _default_fx_currencies() -> list[FxCurrency]:
    return ["USD", "EUR", "GBP", "JPY", "HKD", "AUD"]


class FxParams(Group):
    """Read by the 收结汇 rate board and the snapshot task."""

    currencies: list[FxCurrency] = Field(
        default_factory=_default_fx_currencies, title="看板币种", min_length=1, max_length=10
    )

    @field_validator("currencies")
    @classmethod
    def _unique_currencies(cls, currencies: list[str]) -> list[str]:
        if len(set(currencies)) != len(currencies):
            raise ValueError("币种不能重复")
        if "USD" not in currencies:
            raise ValueError("看板必须包含美元（结汇按美元办理）")
        return currencies


# --- 交易平台 ---
class ShowroomParams(Group):
    """Read by the showroom's 购买 dialog: the staff WeChat a buyer adds to order."""

    buyer_wechat_id: str = Field(default="", title="采购咨询微信号", max_length=40)
    buyer_wechat_qr: str = Field(
        default="",
        title="采购咨询微信二维码",
        max_length=500,
        pattern=r"^$|^(https://|/)\S+$",
        json_schema_extra={"hint": "请填写 https:// 开头的图片地址或以 / 开头的站内地址"},
    )
    buyer_note: str = Field(
        default="添加捷晶采购顾问微信，说明商品名称与数量，顾问将为您对接商户、确认价格与发货。",
        title="购买说明",
        max_length=200,
    )


# --- 日志归档 ---
class LogArchiveParams(Group):
    archive_after_days: int = Field(
        default_factory=lambda: int(settings.AUDIT_ARCHIVE_AFTER_DAYS),
        title="日志保留天数",
        ge=30,
        le=3650,
        description="超过该天数的整月操作日志由定时任务移入压缩归档文件",
    )


@dataclass(frozen=True)
class GroupSpec:
    key: str
    title: str
    description: str
    model: type[Group]


GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec("platform", "平台信息", "平台名称与客服联系方式，显示在商户端", PlatformParams),
    GroupSpec("opening_hours", "营业时间", "北京时间；营业时间外商户端显示提示", OpeningHoursParams),
    GroupSpec("announcements", "维护公告", "生效期间在商户端与后台顶部显示横幅", AnnouncementParams),
    # 支付参数 and 物流参数 come back with the 收结汇 and 跨境物流 modules that read them.
    GroupSpec("notifications", "通知参数", "短信签名、微信模板消息与服务号", NotificationParams),
    GroupSpec("showroom", "交易平台", "商品详情「购买」弹窗中的采购咨询微信", ShowroomParams),
    GroupSpec("logs", "日志归档", "操作日志的保留天数", LogArchiveParams),
    GroupSpec("fx", "汇率参数", "收结汇汇率看板展示的币种（对人民币）", FxParams),
)
GROUPS_BY_KEY: dict[str, GroupSpec] = {g.key: g for g in GROUPS}
GroupKey = Literal["platform", "opening_hours", "announcements", "notifications", "showroom", "logs", "fx"]


# --- validation messages in Chinese ---
def _field_info(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The FieldInfo a location points at, following nested models and lists."""
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return info
        info = fields[part]
        annotation = info.annotation
        args = getattr(annotation, "__args__", ()) or ()
        current = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), annotation)
    return info


def _message(error: dict[str, Any], info: Any) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    extra = getattr(info, "json_schema_extra", None) or {}
    if kind == "missing":
        return "必填"
    if kind == "value_error":
        return str(ctx.get("error", "取值无效"))
    if kind == "string_too_short":
        return "不能为空" if ctx.get("min_length") == 1 else f"至少 {ctx.get('min_length')} 个字"
    if kind == "string_too_long":
        return f"不能超过 {ctx.get('max_length')} 个字"
    if kind == "string_pattern_mismatch":
        return str(extra.get("hint", "格式不正确")) if isinstance(extra, dict) else "格式不正确"
    if kind == "too_short":
        return f"至少填写 {ctx.get('min_length')} 项"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"不能小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in {"less_than_equal", "less_than"}:
        return f"不能大于 {ctx.get('le', ctx.get('lt'))}"
    if kind == "decimal_max_places":
        return f"最多 {ctx.get('decimal_places')} 位小数"
    if kind in {"int_parsing", "int_type", "int_from_float", "decimal_parsing", "decimal_type", "float_parsing"}:
        return "请输入数字"
    if kind.startswith(("date", "datetime", "time")):
        return "日期时间格式不正确"
    if kind in {"literal_error", "enum"}:
        return "取值不在允许范围内"
    if kind == "extra_forbidden":
        return "不支持的字段"
    if kind in {"bool_parsing", "bool_type", "string_type", "list_type", "dict_type", "model_type"}:
        return "格式不正确"
    return "取值无效"


def chinese_errors(model: type[BaseModel], exc: ValidationError) -> dict[str, str]:
    """``{"ranges.0.end": "请用 24 小时制 HH:MM"}``: one Chinese message per field path."""
    fields: dict[str, str] = {}
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        key = ".".join(str(part) for part in loc) or "_"
        fields.setdefault(key, _message(dict(error), _field_info(model, loc)))
    return fields


def field_title(group: str, field: str) -> str | None:
    """The Chinese name of a (dotted) field of a group, for the audit log."""
    spec = GROUPS_BY_KEY.get(group)
    if spec is None:
        return None
    head, _, rest = field.partition(".")
    info = spec.model.model_fields.get(head)
    if info is None:
        return None
    title = info.title or head
    if rest:
        return f"{title} · {MESSAGE_KINDS.get(rest, rest)}"
    return title


def archive_after_days() -> int:
    from jmt.system.selectors import parameter

    return cast(LogArchiveParams, parameter("logs")).archive_after_days
