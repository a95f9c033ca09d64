"""Chinese names for what the operation log stores in code: modules, actions, fields and values.

One registry read by the list, the detail, the filters and the exports. An app adds its own names
with :func:`register` (from its ``AppConfig.ready`` or at import of its services); a field without a
registered name falls back to the model field's ``verbose_name`` and, last, to its code.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

MODULES: dict[str, str] = {
    "accounts": "账号",
    "merchants": "商户",
    "rbac": "角色权限",
    "audit": "操作日志",
    "system": "系统参数",
    "registration": "工商注册",
    "logistics": "跨境物流",
    "filings": "跨境申报",
    "customs": "出口报关",
    "refunds": "出口退税",
    "fx": "收结汇",
    "training": "培训服务",
    "showroom": "交易平台",
    "notifications": "消息通知",
}

ACTIONS: dict[str, str] = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "register": "注册",
    "add_member": "添加成员",
    "remove_member": "移除成员",
    "switch_merchant": "切换商户",
    "login": "登录",
    "logout": "退出登录",
    "enable": "启用",
    "disable": "停用",
    "reset_password": "重置密码",
    "change_password": "修改密码",
    "assign_roles": "分配角色",
    "impersonate": "切换身份",
    "submit": "提交",
    "approve": "审核通过",
    "reject": "驳回",
    "export": "导出",
    "archive": "归档",
    "update_parameters": "修改系统参数",
    "account_create": "新建账号",
    "account_update": "修改账号",
    "account_enable": "启用账号",
    "account_disable": "停用账号",
    "account_reset_password": "重置账号密码",
    "password_change": "修改密码",
    "profile_update": "修改个人信息",
    "update_profile": "修改商户资料",
    "change_phone": "更换手机号",
    "change_role": "变更成员角色",
    "bind_wechat": "绑定微信",
    "unbind_wechat": "解绑微信",
    "impersonation_start": "开始代入商户",
    "impersonation_end": "结束代入商户",
    "role_create": "新建角色",
    "role_update": "修改角色",
    "role_delete": "删除角色",
    "role_change_notice": "角色变更通知",
    "read_all": "全部标为已读",
    "publish_announcement": "发布公告",
    "save_step": "保存填写进度",
    "upload": "上传资料",
}

# object_type → field → label, for fields whose model name is not Chinese or that are not model fields.
FIELDS: dict[str, dict[str, str]] = {
    "accounts.User": {"current_merchant": "当前商户", "password": "密码"},
    "merchants.Membership": {"merchant": "商户", "user": "用户", "role": "角色"},
    "audit.OperationLog": {"format": "导出格式", "filters": "筛选条件", "ids": "选中的记录"},
    "audit.AuditArchive": {
        "month": "月份",
        "file_name": "文件名",
        "row_count": "归档条数",
        "sha256": "SHA-256 校验值",
        "size_bytes": "文件大小（字节）",
    },
}

# object_type → (object_id, field) → label, for objects whose fields depend on the instance
# (one row of system parameters per group, each group with its own fields).
FieldResolver = Callable[[str, str], str | None]
RESOLVERS: dict[str, FieldResolver] = {}

EMPTY = "（空）"


def register(
    *,
    modules: dict[str, str] | None = None,
    actions: dict[str, str] | None = None,
    fields: dict[str, dict[str, str]] | None = None,
    resolver: tuple[str, FieldResolver] | None = None,
) -> None:
    MODULES.update(modules or {})
    ACTIONS.update(actions or {})
    for object_type, names in (fields or {}).items():
        FIELDS.setdefault(object_type, {}).update(names)
    if resolver is not None:
        RESOLVERS[resolver[0]] = resolver[1]


def module_label(module: str) -> str:
    return MODULES.get(module, module)


def action_label(action: str) -> str:
    if action.startswith("workflow:"):
        return _workflow_label(action) or action
    return ACTIONS.get(action, action)


def _workflow_label(action: str) -> str | None:
    """「workflow:submitted->approved」 as its button and states: 「核准（初审中 → 已核准）」."""
    from jmt.workflow import registry

    source, _, target = action.removeprefix("workflow:").partition("->")
    for graph in registry.all_graphs():
        move = graph.move(source, target)
        if move is not None:
            return f"{move.label}（{graph.label_of(source)} → {graph.label_of(target)}）"
    for graph in registry.all_graphs():
        keys = {state.key for state in graph.states}
        if source in keys and target in keys:
            return f"状态变更（{graph.label_of(source)} → {graph.label_of(target)}）"
    return None


@functools.cache
def _model_field(object_type: str, field: str) -> Any | None:
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return None
    try:
        return model._meta.get_field(field)
    except FieldDoesNotExist:
        return None


def field_label(object_type: str, object_id: str, field: str) -> str:
    resolver = RESOLVERS.get(object_type)
    if resolver is not None:
        resolved = resolver(object_id, field)
        if resolved:
            return resolved
    registered = FIELDS.get(object_type, {}).get(field)
    if registered:
        return registered
    model_field = _model_field(object_type, field)
    verbose = str(getattr(model_field, "verbose_name", "") or "")
    if verbose and any("\u4e00" <= ch <= "\u9fff" for ch in verbose):
        return verbose
    return field


def value_text(object_type: str, field: str, value: Any) -> str:
    """A value as a person reads it: choices by their label, empty as 「（空）」, structures as JSON."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    model_field = _model_field(object_type, field)
    choices = dict(getattr(model_field, "flatchoices", None) or ())
    if choices and value in choices:
        return str(choices[value])
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def change_rows(object_type: str, object_id: str, changes: dict[str, Any]) -> list[dict[str, Any]]:
    """``{field: [before, after]}`` as table rows with Chinese labels and readable values."""
    rows = []
    for field, pair in changes.items():
        before, after = (pair[0], pair[1]) if isinstance(pair, list | tuple) and len(pair) == 2 else (None, pair)
        rows.append(
            {
                "field": field,
                "label": field_label(object_type, object_id, field),
                "before": before,
                "after": after,
                "before_text": value_text(object_type, field, before),
                "after_text": value_text(object_type, field, after),
            }
        )
    return rows


def changes_summary(object_type: str, object_id: str, changes: dict[str, Any], limit: int = 2000) -> str:
    """One line for an export cell: 「手机号：（空） → 13812345678；角色：成员 → 管理员」."""
    parts = [
        f"{row['label']}：{row['before_text']} → {row['after_text']}"
        for row in change_rows(object_type, object_id, changes)
    ]
    text = "；".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
