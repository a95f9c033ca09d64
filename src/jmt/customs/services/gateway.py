"""The per-merchant 点点通 configuration (C6): saving it (with an automatic check), the readiness rule
every declaration obeys, and the gateway each outgoing message is sent through.

* ``gateway_config_save`` (back office): validates, encrypts the secret, runs the gateway's ``check()``
  for this configuration — the real adapter when ``CUSTOMS_GATEWAY_BACKEND = "dianduantong"``, the
  simulator otherwise — and stores the outcome, all audited.
* ``ensure_ready(merchant)``: refuses a declaration while the configuration is missing, disabled or
  failing (``CUSTOMS_GATEWAY_NOT_CONFIGURED`` / ``CUSTOMS_GATEWAY_CHECK_FAILED``), saying what to fix.
* ``GatewayResolver``: the outbox sends each message with its merchant's base URL, key and secret.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core import crypto
from jmt.core.auth import Actor
from jmt.customs.errors import CustomsError
from jmt.customs.models import CheckStatus, GatewayConfig, Outbox
from jmt.customs.services import validation as v
from jmt.integrations.customs_gateway.factory import gateway_for
from jmt.integrations.customs_gateway.port import (
    CheckResult,
    CustomsGateway,
    GatewayCredentials,
    GatewayError,
    OutboundMessage,
    SubmitResult,
)
from jmt.integrations.customs_gateway.simulator import Simulator

logger = logging.getLogger("jmt.customs")

# Fields the back office edits (the secret is separate: write-only).
CONFIG_FIELDS = (
    "base_url",
    "app_key",
    "ebc_code",
    "ebc_name",
    "ebp_code",
    "ebp_name",
    "agent_code",
    "agent_name",
    "customs_code",
    "port_code",
    "dxp_id",
    "callback_url",
    "is_enabled",
)
AUDITED = (*CONFIG_FIELDS, "app_secret_hint", "check_status", "check_message")


@dataclass(frozen=True)
class Readiness:
    ready: bool
    code: str = ""
    message: str = ""


def config_of(merchant: Any) -> GatewayConfig | None:
    return GatewayConfig.objects.filter(merchant=merchant).first()


def readiness(merchant: Any, config: GatewayConfig | None = None) -> Readiness:
    """Whether the merchant may declare now, and if not the refusal (code and Chinese message)."""
    config = config if config is not None else config_of(merchant)
    try:
        ensure_ready(merchant, config=config)
    except Exception as exc:  # an ApiError from the rule below
        return Readiness(ready=False, code=getattr(exc, "code", ""), message=getattr(exc, "message", str(exc)))
    return Readiness(ready=True)


def ensure_ready(merchant: Any, *, config: GatewayConfig | None = None) -> GatewayConfig:
    """The rule every batch submission and import declaration passes first."""
    config = config if config is not None else config_of(merchant)
    if config is None or not config.is_enabled:
        raise CustomsError.gateway_not_configured(disabled=config is not None)
    if config.check_status == CheckStatus.FAILED:
        raise CustomsError.gateway_check_failed(config.check_message or "接口连接或凭证有误")
    if config.check_status != CheckStatus.OK:
        raise CustomsError.gateway_check_failed("配置尚未检测")
    return config


def credentials_of(config: GatewayConfig) -> GatewayCredentials:
    return GatewayCredentials(
        base_url=config.base_url, app_key=config.app_key, app_secret=config.secret(), callback_url=config.callback_url
    )


def run_check(config: GatewayConfig) -> CheckResult:
    """The gateway's own check of this configuration's address and credentials."""
    try:
        credentials = credentials_of(config)
    except crypto.DecryptionFailed:
        return CheckResult(ok=False, message="已保存的 App Secret 无法解密（加密密钥已更换），请重新填写 App Secret")
    try:
        return gateway_for(credentials).check()
    except Exception as exc:  # a broken adapter must not break saving
        logger.exception("gateway check of merchant %s failed unexpectedly", config.merchant_id)
        return CheckResult(ok=False, message=f"检测时出错：{exc}"[:500])


def _apply_check(config: GatewayConfig, result: CheckResult) -> None:
    config.check_status = CheckStatus.OK if result.ok else CheckStatus.FAILED
    config.check_message = result.message[:500]
    config.checked_at = timezone.now()


def validate_config(values: dict[str, Any], *, secret_set: bool) -> dict[str, str]:
    base_url = str(values.get("base_url") or "")
    fields = v.collect(
        {
            "base_url": v.required(base_url, "接口地址")
            or ("" if base_url.startswith(("http://", "https://")) else "接口地址应以 http:// 或 https:// 开头"),
            "app_key": v.required(values.get("app_key") or "", "App Key"),
            "app_secret": "" if secret_set else "请填写 App Secret",
            "ebc_code": v.enterprise_code(values.get("ebc_code") or "", "电商企业代码"),
            "ebc_name": v.required(values.get("ebc_name") or "", "电商企业名称"),
            "ebp_code": v.enterprise_code(values["ebp_code"], "电商平台代码") if values.get("ebp_code") else "",
            "agent_code": v.enterprise_code(values.get("agent_code") or "", "申报企业代码"),
            "agent_name": v.required(values.get("agent_name") or "", "申报企业名称"),
            "customs_code": v.customs_code(values.get("customs_code") or ""),
            "port_code": v.port_code(values.get("port_code") or ""),
            "dxp_id": v.required(values.get("dxp_id") or "", "DXP ID"),
        }
    )
    return fields


def gateway_config_save(
    *, actor: Actor, merchant: Any, values: dict[str, Any], app_secret: str | None = None
) -> GatewayConfig:
    """Create or update the merchant's configuration and check it at once (the result is stored).

    ``app_secret``: ``None`` or ``""`` keeps the stored secret; any other value replaces it.
    """
    values = {name: values[name] for name in CONFIG_FIELDS if name in values}
    for name, value in list(values.items()):
        if isinstance(value, str):
            values[name] = value.strip()
    v.upper(values, "ebc_code", "ebp_code", "agent_code", "port_code")
    with transaction.atomic():
        config = GatewayConfig.objects.select_for_update().filter(merchant=merchant).first()
        before = snapshot(config, AUDITED)
        if config is None:
            config = GatewayConfig(merchant=merchant)
        merged = {name: getattr(config, name) for name in CONFIG_FIELDS} | values
        problems = validate_config(merged, secret_set=bool(app_secret) or config.has_secret)
        if problems:
            raise v.validation_error(problems)
        for name, value in merged.items():
            setattr(config, name, value)
        if app_secret:
            config.set_secret(app_secret)
        config.updated_by = actor.user
        _apply_check(config, run_check(config))
        config.save()
        record(
            actor=actor,
            module="customs",
            action="gateway_config_create" if not before else "gateway_config_update",
            obj=config,
            before=before,
            after=snapshot(config, AUDITED),
        )
    return config


def gateway_config_prefill(
    *, actor: Actor, merchant: Any, values: dict[str, str], defaults: dict[str, str] | None = None
) -> GatewayConfig:
    """Numbers the merchant obtained elsewhere (跨境申报: the 海关注册编码, the DXP ID) written into its
    configuration: ``values`` replace what is there, ``defaults`` fill only empty fields. The
    configuration is created if missing (unchecked until the back office completes it); a complete one
    is checked again when a value changed. Audited like any other save."""
    allowed = set(CONFIG_FIELDS) - {"is_enabled"}
    unknown = (set(values) | set(defaults or {})) - allowed
    if unknown:
        raise ValueError(f"not configuration fields: {sorted(unknown)}")
    with transaction.atomic():
        config = GatewayConfig.objects.select_for_update().filter(merchant=merchant).first()
        before = snapshot(config, AUDITED)
        if config is None:
            config = GatewayConfig(merchant=merchant)
        changed = False
        for name, value in {**{k: v for k, v in (defaults or {}).items() if not getattr(config, k)}, **values}.items():
            value = value.strip()
            if value and getattr(config, name) != value:
                setattr(config, name, value)
                changed = True
        if not changed and config.pk is not None:
            return config
        merged = {name: getattr(config, name) for name in CONFIG_FIELDS}
        if config.pk is not None and not validate_config(merged, secret_set=config.has_secret):
            _apply_check(config, run_check(config))
        config.updated_by = actor.user
        config.save()
        record(
            actor=actor,
            module="customs",
            action="gateway_config_prefill",
            obj=config,
            before=before,
            after=snapshot(config, AUDITED),
        )
    return config


def gateway_config_recheck(*, actor: Actor, config: GatewayConfig) -> GatewayConfig:
    with transaction.atomic():
        config = GatewayConfig.objects.select_for_update().get(pk=config.pk)
        before = snapshot(config, ("check_status", "check_message"))
        _apply_check(config, run_check(config))
        config.save(update_fields=["check_status", "check_message", "checked_at", "updated_at"])
        record(
            actor=actor,
            module="customs",
            action="gateway_config_check",
            obj=config,
            before=before,
            after=snapshot(config, ("check_status", "check_message")),
        )
    return config


class _Refusing:
    """Stands in for a gateway whose credentials cannot be read: every message waits for a fix."""

    name = "refusing"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def submit(self, message: OutboundMessage) -> SubmitResult:
        raise GatewayError(self.reason, permanent=True)

    def check(self) -> CheckResult:
        return CheckResult(ok=False, message=self.reason)


class GatewayResolver:
    """``outbox_dispatch(resolve=...)``: the gateway of each row's merchant, built once per merchant.

    A merchant with an enabled configuration is sent through its own account (base URL, key, secret);
    otherwise (legacy rows, merchants served by the platform's account) through ``default``. With the
    simulator backend, a configuration the simulator accepts shares ``default`` (one simulated customs).
    """

    def __init__(self, default: CustomsGateway) -> None:
        self.default = default
        self._by_merchant: dict[int | None, CustomsGateway] = {}

    def __call__(self, row: Outbox) -> CustomsGateway:
        merchant_id = row.message.merchant_id
        if merchant_id not in self._by_merchant:
            self._by_merchant[merchant_id] = self._build(merchant_id)
        return self._by_merchant[merchant_id]

    def _build(self, merchant_id: int | None) -> CustomsGateway:
        config = (
            GatewayConfig.objects.filter(merchant_id=merchant_id, is_enabled=True).first()
            if merchant_id is not None
            else None
        )
        if config is None or not (config.base_url and config.app_key and config.has_secret):
            return self.default
        try:
            gateway = gateway_for(credentials_of(config))
        except crypto.DecryptionFailed:
            return _Refusing("点点通 App Secret 无法解密（加密密钥已更换），请在后台重新填写")
        if isinstance(gateway, Simulator) and isinstance(self.default, Simulator) and not gateway.credentials_problem():
            return self.default
        return gateway


@dataclass(frozen=True)
class CallbackSigner:
    """Whose 点点通 account a receipt callback is signed with: a merchant's (``merchant_id``), or the
    platform's account of the settings (``merchant_id`` None)."""

    app_key: str
    secret: str
    merchant_id: int | None


def callback_signer(app_key: str) -> CallbackSigner:
    """The account a receipt callback signed with ``app_key`` must verify against: the merchant
    configuration holding that key, else the platform's account (``settings``). The receipts of a
    callback signed by a merchant's account may change only that merchant's documents."""
    from django.conf import settings

    config = (
        GatewayConfig.objects.filter(app_key=app_key, is_enabled=True).exclude(app_key="").first() if app_key else None
    )
    if config is not None and config.has_secret:
        try:
            return CallbackSigner(config.app_key, config.secret(), config.merchant_id)
        except crypto.DecryptionFailed:
            logger.warning("callback: the secret of merchant %s cannot be decrypted", config.merchant_id)
    return CallbackSigner(settings.CUSTOMS_GATEWAY_APP_KEY, settings.CUSTOMS_GATEWAY_APP_SECRET, None)


def callback_credentials(app_key: str) -> tuple[str, str]:
    """The (app key, secret) of ``callback_signer``."""
    signer = callback_signer(app_key)
    return signer.app_key, signer.secret
