"""The per-merchant 点点通 configuration (C6): where to send, with which credentials, under which codes.

The back office writes it; merchants read it (never the secret). ``app_secret_encrypted`` holds the app
secret encrypted at rest (``jmt.core.crypto``); ``app_secret_hint`` its last four characters, so people
can tell which secret is set without anyone reading it back. Saving runs the gateway's ``check()`` and
keeps the outcome in ``check_status`` / ``check_message`` / ``checked_at``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from jmt.core import crypto


class CheckStatus(models.TextChoices):
    UNCHECKED = "unchecked", "未检测"
    OK = "ok", "检测通过"
    FAILED = "failed", "检测未通过"


class GatewayConfig(models.Model):
    merchant = models.OneToOneField(
        "merchants.Merchant", on_delete=models.CASCADE, related_name="customs_gateway_config"
    )
    base_url = models.CharField("接口地址", max_length=255, blank=True)
    app_key = models.CharField("App Key", max_length=100, blank=True)
    app_secret_encrypted = models.TextField("App Secret（加密存储）", blank=True)
    app_secret_hint = models.CharField("App Secret 末 4 位", max_length=4, blank=True)
    ebc_code = models.CharField("电商企业代码", max_length=18, blank=True)
    ebc_name = models.CharField("电商企业名称", max_length=100, blank=True)
    ebp_code = models.CharField("电商平台代码", max_length=18, blank=True)
    ebp_name = models.CharField("电商平台名称", max_length=100, blank=True)
    agent_code = models.CharField("申报企业代码", max_length=18, blank=True)
    agent_name = models.CharField("申报企业名称", max_length=100, blank=True)
    customs_code = models.CharField("申报地海关代码", max_length=4, blank=True)
    port_code = models.CharField("出口口岸代码", max_length=4, blank=True)
    dxp_id = models.CharField("DXP ID", max_length=30, blank=True)
    callback_url = models.CharField("回执回调地址", max_length=255, blank=True)
    is_enabled = models.BooleanField("启用", default=True)
    check_status = models.CharField(
        "检测结果", max_length=16, choices=CheckStatus.choices, default=CheckStatus.UNCHECKED
    )
    check_message = models.CharField("检测说明", max_length=500, blank=True)
    checked_at = models.DateTimeField("检测时间", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "点点通接口配置"

    def __str__(self) -> str:
        return f"点点通配置 {self.merchant_id}"

    # --- the secret ---

    @property
    def has_secret(self) -> bool:
        return bool(self.app_secret_encrypted)

    def set_secret(self, plain: str) -> None:
        self.app_secret_encrypted = crypto.encrypt(plain) if plain else ""
        self.app_secret_hint = plain[-4:] if plain else ""

    def secret(self) -> str:
        """The plain secret, for signing requests only (raises ``crypto.DecryptionFailed``)."""
        return crypto.decrypt(self.app_secret_encrypted)

    @property
    def secret_display(self) -> str:
        if not self.has_secret:
            return "未设置"
        return f"已设置（末 4 位 ****{self.app_secret_hint}）"
