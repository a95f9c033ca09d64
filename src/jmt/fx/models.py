"""收结汇: rate snapshots and alerts, the merchant's USD sub-account with its append-only ledger,
the back office's balance workbooks, and settlement requests.

Money is ``Decimal``: USD and CNY amounts to the cent, settlement rates to 4 decimals (CNY per unit),
stored quotes to 6. An account's balance and frozen amount are the sums of its ledger entries; each
entry also keeps the running totals after it (checked against the sums by a test), so the 明细 shows
them without adding up the history.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from jmt.workflow.models import WorkflowObject

ZERO = Decimal("0.00")


class RateSource(models.TextChoices):
    BOC = "boc", "中国银行外汇牌价"
    ECB = "ecb", "欧洲央行参考汇率（离线数据）"


class RateSnapshot(models.Model):
    """One currency's quote as fetched: per one unit, in CNY; the source and both times are kept."""

    currency = models.CharField("币种", max_length=3)
    source = models.CharField("来源", max_length=8, choices=RateSource.choices)
    spot_buy = models.DecimalField("现汇买入价", null=True, blank=True, max_digits=14, decimal_places=6)
    cash_buy = models.DecimalField("现钞买入价", null=True, blank=True, max_digits=14, decimal_places=6)
    spot_sell = models.DecimalField("现汇卖出价", null=True, blank=True, max_digits=14, decimal_places=6)
    middle = models.DecimalField("中行折算价（参考汇率）", max_digits=14, decimal_places=6)
    rate_date = models.DateField("汇率日期")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    fetched_at = models.DateTimeField("抓取时间", default=timezone.now)

    class Meta:
        verbose_name = "汇率快照"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["currency", "-fetched_at"], name="fx_snapshot_latest"),
            models.Index(fields=["currency", "rate_date"], name="fx_snapshot_day"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.middle} ({self.rate_date})"

    @property
    def reference(self) -> Decimal:
        """The rate a settlement is pre-filled with: 现汇买入价 where the source gives one, else the middle rate."""
        return self.spot_buy if self.spot_buy is not None else self.middle


class AlertDirection(models.TextChoices):
    ABOVE = "above", "高于"
    BELOW = "below", "低于"


class RateAlert(models.Model):
    """A merchant user's threshold on one currency. ``armed``: the rate is on the near side of the
    threshold, so the next crossing fires; firing disarms it until the rate comes back across."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    currency = models.CharField("币种", max_length=3)
    direction = models.CharField("方向", max_length=8, choices=AlertDirection.choices)
    threshold = models.DecimalField("阈值（人民币/1 单位外币）", max_digits=12, decimal_places=4)
    active = models.BooleanField("启用", default=True)
    armed = models.BooleanField("待触发", default=True)
    last_fired_at = models.DateTimeField("最近触发时间", null=True, blank=True)
    last_fired_rate = models.DecimalField("最近触发汇率", null=True, blank=True, max_digits=14, decimal_places=6)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "汇率提醒"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["currency", "active"], name="fx_alert_currency"),
            models.Index(fields=["merchant", "-created_at"], name="fx_alert_merchant"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.get_direction_display()} {self.threshold}"

    def crossed(self, rate: Decimal) -> bool:
        return rate >= self.threshold if self.direction == AlertDirection.ABOVE else rate <= self.threshold


class Account(models.Model):
    """A merchant's USD sub-account: the row every balance change locks (``select_for_update``)."""

    merchant = models.OneToOneField("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    sub_account_no = models.CharField("子账户号", max_length=40, blank=True)
    currency = models.CharField("币种", max_length=3, default="USD")
    balance_date = models.DateField("余额日期", null=True, blank=True)
    updated_at = models.DateTimeField("余额更新时间", null=True, blank=True)

    class Meta:
        verbose_name = "外汇子账户"

    def __str__(self) -> str:
        return f"{self.merchant} {self.currency} 子账户"


class EntryKind(models.TextChoices):
    BALANCE_UPDATE = "balance_update", "余额更新"
    FREEZE = "freeze", "结汇冻结"
    UNFREEZE = "unfreeze", "解除冻结"
    SETTLEMENT = "settlement", "结汇"


class AppendOnly(models.Model):
    """Rows that are written once and never changed or deleted."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"{type(self).__name__} is append-only")


class LedgerEntry(AppendOnly):
    """One change of an account: ``amount`` moves the balance, ``frozen`` moves the frozen amount."""

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=16, choices=EntryKind.choices)
    amount = models.DecimalField("余额变动（美元）", max_digits=18, decimal_places=2)
    frozen = models.DecimalField("冻结变动（美元）", max_digits=18, decimal_places=2)
    balance_after = models.DecimalField("变动后余额", max_digits=18, decimal_places=2)
    frozen_after = models.DecimalField("变动后冻结金额", max_digits=18, decimal_places=2)
    settlement = models.ForeignKey("fx.Settlement", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    balance_import = models.ForeignKey(
        "fx.BalanceImport", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    balance_date = models.DateField("余额日期", null=True, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "收结汇明细"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["account", "-id"], name="fx_entry_account"),
            models.Index(fields=["merchant", "-created_at"], name="fx_entry_merchant"),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=Q(frozen_after__gte=0), name="fx_entry_frozen_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} USD"


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", "待确认"
    APPLIED = "applied", "已导入"


class BalanceImport(models.Model):
    """An uploaded balance workbook: its parsed rows with their per-cell errors, then applied once."""

    file_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField("状态", max_length=16, choices=ImportStatus.choices, default=ImportStatus.PREVIEW)
    rows = models.JSONField("行", default=list)
    total_rows = models.PositiveIntegerField("总行数", default=0)
    valid_rows = models.PositiveIntegerField("可导入行数", default=0)
    changed_rows = models.PositiveIntegerField("余额变动行数", default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField("导入时间", null=True, blank=True)

    class Meta:
        verbose_name = "子账户余额导入"

    def __str__(self) -> str:
        return self.file_name


class Settlement(WorkflowObject):
    """A 结汇 request: the amount frozen at submission, then completed (debited) or rejected (unfrozen)."""

    number = models.CharField("申请编号", max_length=20, unique=True)
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="settlements")
    amount = models.DecimalField("结汇金额（美元）", max_digits=18, decimal_places=2)
    settle_date = models.DateField("结汇日期")
    rate = models.DecimalField("指定结汇汇率", max_digits=12, decimal_places=4)
    reference_rate = models.DecimalField("参考汇率", null=True, blank=True, max_digits=12, decimal_places=4)
    reference_label = models.CharField("参考汇率说明", max_length=100, blank=True)
    statement_document = models.ForeignKey(
        "documents.Document", verbose_name="收款平台流水", null=True, on_delete=models.PROTECT, related_name="+"
    )
    shipping_document = models.ForeignKey(
        "documents.Document",
        verbose_name="物流发货信息",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    remark = models.CharField("备注", max_length=500, blank=True)
    sub_account_no = models.CharField("外汇子账户", max_length=40, blank=True)
    bank_account = models.CharField("结汇银行卡号", max_length=40)
    bank_name = models.CharField("开户行", max_length=100)
    legal_person = models.CharField("法人姓名", max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actual_rate = models.DecimalField("实际结算汇率", null=True, blank=True, max_digits=12, decimal_places=4)
    cny_amount = models.DecimalField("结汇到账金额（人民币）", null=True, blank=True, max_digits=18, decimal_places=2)
    remaining_usd = models.DecimalField(
        "剩余未结汇金额（美元）", null=True, blank=True, max_digits=18, decimal_places=2
    )
    completed_at = models.DateTimeField("完成时间", null=True, blank=True)
    reject_reason = models.CharField("驳回原因", max_length=500, blank=True)

    objects: ClassVar[models.Manager[Settlement]] = models.Manager()

    class Meta:
        verbose_name = "结汇申请"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "-created_at"], name="fx_settlement_merchant"),
            models.Index(fields=["state", "created_at"], name="fx_settlement_queue"),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="fx_settlement_amount_positive"),
            models.CheckConstraint(condition=Q(rate__gt=0), name="fx_settlement_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"结汇申请 {self.number}"
