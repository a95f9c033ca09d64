"""The batch (C1): one declaration run of a merchant, carrying the codes every message repeats."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from jmt.customs.models.common import StatisticsFlag
from jmt.workflow.models import WorkflowObject


class BatchStatus(models.TextChoices):
    """The states of the batch graph (``jmt.customs.flow.BATCH``); the batch follows its documents."""

    DRAFT = "draft", "草稿"
    DECLARED = "declared", "已申报"
    PARTLY_RELEASED = "partly_released", "部分放行"
    RELEASED = "released", "已放行"
    CLEARED = "cleared", "已结关"


class Batch(WorkflowObject):
    """``state`` is written only by ``jmt.workflow.services.transition`` (see ``customs.services.batch_flow``)."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="customs_batches")
    name = models.CharField("批次名称", max_length=100)
    customs_code = models.CharField("申报地海关代码", max_length=4)
    port_code = models.CharField("出口口岸代码", max_length=4)
    traf_mode = models.CharField("运输方式", max_length=1)
    traf_name = models.CharField("运输工具名称", max_length=100, blank=True)
    voyage_no = models.CharField("航班航次号", max_length=32, blank=True)
    bill_no = models.CharField("提运单号", max_length=37, blank=True)
    loct_no = models.CharField("监管场所代码", max_length=10, blank=True)
    statistics_flag = models.CharField(
        "申报业务类型", max_length=1, choices=StatisticsFlag.choices, default=StatisticsFlag.SUMMARY
    )
    ebp_code = models.CharField("电商平台代码", max_length=18)
    ebp_name = models.CharField("电商平台名称", max_length=100)
    ebc_code = models.CharField("电商企业代码", max_length=18)
    ebc_name = models.CharField("电商企业名称", max_length=100)
    agent_code = models.CharField("申报企业代码", max_length=18)
    agent_name = models.CharField("申报企业名称", max_length=100)
    owner_code = models.CharField("生产销售单位代码", max_length=18, blank=True)
    owner_name = models.CharField("生产销售单位名称", max_length=100, blank=True)
    wrap_type = models.CharField("包装种类代码", max_length=1, default="2")
    pod = models.CharField("指运港代码", max_length=4, blank=True)
    # BaseTransfer: who transmits the messages (报文传输的企业) and its DXP ID.
    cop_code = models.CharField("传输企业代码", max_length=18)
    cop_name = models.CharField("传输企业名称", max_length=100)
    dxp_id = models.CharField("DXP ID", max_length=30)
    state = models.CharField(
        "状态", max_length=32, choices=BatchStatus.choices, default=BatchStatus.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "报关批次"

    @property
    def status(self) -> str:
        """The API's name for the state."""
        return self.state

    def get_status_display(self) -> str:
        return str(BatchStatus(self.state).label) if self.state in BatchStatus.values else self.state

    def __str__(self) -> str:
        return f"{self.name} ({self.customs_code})"
