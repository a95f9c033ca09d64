"""Batches (C1): create and edit a merchant's declaration batch, and submit it.

A new batch is pre-filled from the merchant's 点点通 configuration and profile (enterprise, agent,
platform, customs and port codes, DXP ID): whatever the payload leaves out comes from there, so the
merchant types nothing it already gave. The codes every message repeats are locked once the batch has
documents; the name stays editable.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.customs.errors import CustomsError
from jmt.customs.models import Batch, BatchStatus, GatewayConfig, Order, StatisticsFlag
from jmt.customs.services import validation as v
from jmt.customs.services.gateway import config_of, ensure_ready
from jmt.customs.services.submission import SubmitReport, batch_submit

# What the merchant gives when creating a batch; everything else is pre-filled.
DECLARATION_FIELDS = (
    "customs_code",
    "port_code",
    "traf_mode",
    "traf_name",
    "voyage_no",
    "bill_no",
    "loct_no",
    "statistics_flag",
    "ebp_code",
    "ebp_name",
    "ebc_code",
    "ebc_name",
    "agent_code",
    "agent_name",
    "owner_code",
    "owner_name",
    "wrap_type",
    "pod",
    "cop_code",
    "cop_name",
    "dxp_id",
)
EDITABLE_FIELDS = ("name", *DECLARATION_FIELDS)
STATISTICS_FLAG_WARNING = "简化申报（A）的出口货物不能办理出口退税；需要退税请选择汇总申报（B）"


def statistics_flag_warning(flag: str) -> str:
    return STATISTICS_FLAG_WARNING if flag == StatisticsFlag.SIMPLIFIED else ""


def batch_defaults(merchant: Any, config: GatewayConfig | None = None) -> dict[str, str]:
    """The values a new batch starts with: the 点点通 configuration first, then the merchant profile."""
    config = config if config is not None else config_of(merchant)
    ebc_code = (config.ebc_code if config else "") or getattr(merchant, "credit_code", "") or ""
    ebc_name = (config.ebc_name if config else "") or merchant.name or ""
    agent_code = (config.agent_code if config else "") or ""
    agent_name = (config.agent_name if config else "") or ""
    return {
        "customs_code": config.customs_code if config else "",
        "port_code": config.port_code if config else "",
        "traf_mode": "5",
        "statistics_flag": StatisticsFlag.SUMMARY,
        "ebc_code": ebc_code,
        "ebc_name": ebc_name,
        # A 9610 seller on its own site is its own platform unless the configuration names one.
        "ebp_code": (config.ebp_code if config else "") or ebc_code,
        "ebp_name": (config.ebp_name if config else "") or ebc_name,
        "agent_code": agent_code,
        "agent_name": agent_name,
        "owner_code": ebc_code,
        "owner_name": ebc_name,
        "wrap_type": "2",
        # BaseTransfer: the agent (报关企业) transmits the messages, under the DXP ID of the configuration.
        "cop_code": agent_code,
        "cop_name": agent_name,
        "dxp_id": config.dxp_id if config else "",
    }


def validate_batch(values: dict[str, Any], *, pod_chosen: bool = False) -> dict[str, str]:
    """Field → Chinese message for every problem of a batch's declaration fields. ``pod_chosen``: the 指运港
    is being set now, so it must be an enabled port of the table (a port disabled since does not stop a
    rename; the declaration refuses it, ``CUSTOMS_POD_NOT_ENABLED``)."""
    flag = values.get("statistics_flag") or ""
    return v.collect(
        {
            "name": v.required(values.get("name") or "", "批次名称"),
            "customs_code": v.customs_code(values.get("customs_code") or ""),
            "port_code": v.port_code(values.get("port_code") or ""),
            "traf_mode": v.traf_mode(values.get("traf_mode") or ""),
            "statistics_flag": ""
            if flag in StatisticsFlag.values
            else "申报业务类型应为 A（简化申报）或 B（汇总申报）",
            "ebc_code": v.enterprise_code(values.get("ebc_code") or "", "电商企业代码"),
            "ebc_name": v.required(values.get("ebc_name") or "", "电商企业名称"),
            "ebp_code": v.enterprise_code(values.get("ebp_code") or "", "电商平台代码"),
            "ebp_name": v.required(values.get("ebp_name") or "", "电商平台名称"),
            "agent_code": v.enterprise_code(values.get("agent_code") or "", "申报企业代码"),
            "agent_name": v.required(values.get("agent_name") or "", "申报企业名称"),
            "owner_code": v.enterprise_code(values["owner_code"], "生产销售单位代码")
            if values.get("owner_code")
            else "",
            "cop_code": v.enterprise_code(values.get("cop_code") or "", "传输企业代码"),
            "cop_name": v.required(values.get("cop_name") or "", "传输企业名称"),
            "dxp_id": v.required(values.get("dxp_id") or "", "DXP ID"),
            "pod": v.pod(values.get("pod") or "", chosen=pod_chosen),
        }
    )


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = {name: (value.strip() if isinstance(value, str) else value) for name, value in values.items()}
    v.upper(
        cleaned, "ebc_code", "ebp_code", "agent_code", "owner_code", "cop_code", "port_code", "statistics_flag", "pod"
    )
    return {name: value for name, value in cleaned.items() if value is not None}


def batch_create(*, actor: Actor, merchant: Any, values: dict[str, Any]) -> Batch:
    given = _clean({name: values.get(name) for name in EDITABLE_FIELDS})
    merged = batch_defaults(merchant) | {name: value for name, value in given.items() if value != ""}
    merged["name"] = given.get("name", "")
    problems = validate_batch(merged, pod_chosen=True)
    if problems:
        raise v.validation_error(problems)
    with transaction.atomic():
        batch = Batch.objects.create(merchant=merchant, created_by=actor.user, **merged)
        record(
            actor=actor,
            module="customs",
            action="batch_create",
            obj=batch,
            before={},
            after=snapshot(batch, EDITABLE_FIELDS),
        )
    return batch


def batch_locked(batch: Batch) -> bool:
    """Whether the declaration fields are frozen: submitted, or documents already carry them."""
    return batch.state != BatchStatus.DRAFT or Order.objects.filter(batch=batch).exists()


def batch_update(*, actor: Actor, batch: Batch, changes: dict[str, Any]) -> Batch:
    changes = _clean({name: value for name, value in changes.items() if name in EDITABLE_FIELDS})
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch.pk)
        declaration = {
            name: value for name, value in changes.items() if name != "name" and getattr(batch, name) != value
        }
        if declaration and batch_locked(batch):
            raise CustomsError.batch_locked()
        merged = {name: getattr(batch, name) for name in EDITABLE_FIELDS} | changes
        problems = validate_batch(merged, pod_chosen="pod" in declaration)
        if problems:
            raise v.validation_error(problems)
        before = snapshot(batch, EDITABLE_FIELDS)
        for name, value in changes.items():
            setattr(batch, name, value)
        batch.save()
        record(
            actor=actor,
            module="customs",
            action="batch_update",
            obj=batch,
            before=before,
            after=snapshot(batch, EDITABLE_FIELDS),
        )
    return batch


def batch_submit_checked(*, actor: Actor, batch: Batch) -> SubmitReport:
    """Submit after the checks a person can act on: the gateway is ready, the fields are complete, the
    batch has orders. Then every draft order and waybill is queued (inventories follow at 120)."""
    ensure_ready(batch.merchant)
    problems = validate_batch({name: getattr(batch, name) for name in EDITABLE_FIELDS})
    if problems:
        raise CustomsError.batch_invalid(problems)
    if not Order.objects.filter(batch=batch).exists():
        raise CustomsError.batch_empty()
    return batch_submit(actor=actor, batch=batch)
