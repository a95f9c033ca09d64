"""The CEB documents, field for field: snake_case of the XSD's names (``orderNo`` → ``order_no``).

CEB303 Order (+ lines), CEB505 Logistics, CEB603 Inventory (+ lines), CEB607 WayBill 总分单 (+ lines),
CEB701 SummaryApply (+ invtNo list) with its CEB792 SummaryResult, CEB605 InvtCancel.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q

from jmt.customs.models.common import CebDocument, StatisticsFlag, money_field


class Order(CebDocument):
    """CEB303 电子订单. No buyer, HS code or country: those belong to the inventory."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey("customs.Batch", null=True, blank=True, on_delete=models.PROTECT, related_name="orders")
    order_type = models.CharField("订单类型", max_length=1, default="E")
    order_no = models.CharField("订单编号", max_length=60)
    ebp_code = models.CharField("电商平台代码", max_length=18)
    ebp_name = models.CharField("电商平台名称", max_length=100)
    ebc_code = models.CharField("电商企业代码", max_length=18)
    ebc_name = models.CharField("电商企业名称", max_length=100)
    goods_value = money_field("商品金额")
    freight = money_field("运杂费", default=0)
    currency = models.CharField("币制", max_length=3)
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "电子订单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "ebp_code", "order_no"], name="customs_order_no_unique"),
        ]

    def __str__(self) -> str:
        return self.order_no


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    gnum = models.PositiveIntegerField("序号")
    item_no = models.CharField("企业商品货号", max_length=30)
    item_name = models.CharField("企业商品名称", max_length=250)
    item_describe = models.CharField("企业商品描述", max_length=1000, blank=True)
    bar_code = models.CharField("条形码", max_length=50, blank=True)
    unit = models.CharField("计量单位", max_length=3)
    currency = models.CharField("币制", max_length=3)
    qty = money_field("数量")
    price = money_field("单价")
    total_price = money_field("总价")
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "电子订单商品"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["order", "gnum"], name="customs_orderline_gnum_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.order_id}#{self.gnum}"


class Logistics(CebDocument):
    """CEB505 物流运单."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey(
        "customs.Batch", null=True, blank=True, on_delete=models.PROTECT, related_name="logistics"
    )
    logistics_code = models.CharField("物流企业代码", max_length=18)
    logistics_name = models.CharField("物流企业名称", max_length=100)
    logistics_no = models.CharField("物流运单编号", max_length=32)
    freight = money_field("运费", default=0)
    insured_fee = money_field("保价费", default=0)
    currency = models.CharField("币制", max_length=3)
    gross_weight = money_field("毛重（千克）")
    pack_no = models.PositiveIntegerField("件数")
    goods_info = models.CharField("主要货物信息", max_length=200)
    ebc_code = models.CharField("收发货人代码", max_length=18, blank=True)
    ebc_name = models.CharField("收发货人名称", max_length=100, blank=True)
    ebc_telephone = models.CharField("收发货人电话", max_length=50, blank=True)
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "物流运单"
        verbose_name_plural = "物流运单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["logistics_code", "logistics_no"], name="customs_logistics_no_unique"),
        ]

    def __str__(self) -> str:
        return self.logistics_no


class Inventory(CebDocument):
    """CEB603 出口申报清单: matched by customs against its order and waybill (三单对碰)."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey(
        "customs.Batch", null=True, blank=True, on_delete=models.PROTECT, related_name="inventories"
    )
    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="inventory")
    logistics = models.ForeignKey(Logistics, on_delete=models.PROTECT, related_name="inventories")
    customs_code = models.CharField("申报海关代码", max_length=4)
    ebp_code = models.CharField("电商平台代码", max_length=18)
    ebp_name = models.CharField("电商平台名称", max_length=100)
    order_no = models.CharField("订单编号", max_length=60)
    logistics_code = models.CharField("物流企业代码", max_length=18)
    logistics_name = models.CharField("物流企业名称", max_length=100)
    logistics_no = models.CharField("物流运单编号", max_length=32)
    cop_no = models.CharField("企业唯一编号", max_length=30)
    pre_no = models.CharField("预录入编号", max_length=18, blank=True)
    invt_no = models.CharField("清单编号", max_length=20, blank=True)
    ie_flag = models.CharField("进出口标志", max_length=1, default="E")
    port_code = models.CharField("出口口岸代码", max_length=4)
    ie_date = models.DateField("出口日期")
    statistics_flag = models.CharField("申报业务类型", max_length=1, choices=StatisticsFlag.choices)
    agent_code = models.CharField("报关企业代码", max_length=18)
    agent_name = models.CharField("报关企业名称", max_length=100)
    ebc_code = models.CharField("收发货人代码", max_length=18)
    ebc_name = models.CharField("收发货人名称", max_length=100)
    owner_code = models.CharField("生产销售单位代码", max_length=18)
    owner_name = models.CharField("生产销售单位名称", max_length=100)
    iac_code = models.CharField("区内企业代码", max_length=18, blank=True)
    iac_name = models.CharField("区内企业名称", max_length=100, blank=True)
    ems_no = models.CharField("账册编号", max_length=30, blank=True)
    trade_mode = models.CharField("贸易方式", max_length=4, default="9610")
    traf_mode = models.CharField("运输方式", max_length=1)
    traf_name = models.CharField("运输工具名称", max_length=100, blank=True)
    voyage_no = models.CharField("航班航次号", max_length=32, blank=True)
    bill_no = models.CharField("提运单号", max_length=37, blank=True)
    total_package_no = models.CharField("总包号", max_length=37, blank=True)
    loct_no = models.CharField("监管场所代码", max_length=10, blank=True)
    license_no = models.CharField("许可证号", max_length=19, blank=True)
    country = models.CharField("运抵国（地区）", max_length=3)
    pod = models.CharField("指运港代码", max_length=4)
    freight = money_field("运费", default=0)
    f_currency = models.CharField("运费币制", max_length=3)
    f_flag = models.CharField("运费标志", max_length=1, default="3")
    insured_fee = money_field("保费", default=0)
    i_currency = models.CharField("保费币制", max_length=3)
    i_flag = models.CharField("保费标志", max_length=1, default="3")
    wrap_type = models.CharField("包装种类代码", max_length=1)
    pack_no = models.PositiveIntegerField("件数")
    gross_weight = money_field("毛重（千克）")
    net_weight = money_field("净重（千克）")
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "出口申报清单"
        verbose_name_plural = "出口申报清单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "cop_no"], name="customs_inventory_cop_no_unique"),
            models.UniqueConstraint(fields=["invt_no"], condition=~Q(invt_no=""), name="customs_invt_no_unique"),
        ]

    def __str__(self) -> str:
        return self.invt_no or self.cop_no


class InventoryLine(models.Model):
    inventory = models.ForeignKey(Inventory, on_delete=models.CASCADE, related_name="lines")
    gnum = models.PositiveIntegerField("商品项号")
    item_no = models.CharField("企业商品编号", max_length=20)
    item_record_no = models.CharField("账册备案料号", max_length=30, blank=True)
    item_name = models.CharField("企业商品名称", max_length=250, blank=True)
    gcode = models.CharField("海关商品编码", max_length=10)
    gname = models.CharField("商品名称", max_length=250)
    gmodel = models.CharField("规格型号", max_length=250)
    bar_code = models.CharField("条形码", max_length=50, default="无")
    country = models.CharField("最终目的国（地区）", max_length=3)
    currency = models.CharField("币制", max_length=3)
    qty = money_field("申报数量")
    qty1 = money_field("法定数量")
    qty2 = money_field("第二数量", null=True, blank=True)
    unit = models.CharField("申报计量单位", max_length=3)
    unit1 = models.CharField("法定计量单位", max_length=3)
    unit2 = models.CharField("第二计量单位", max_length=3, blank=True)
    price = money_field("单价")
    total_price = money_field("总价")
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "清单商品"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["inventory", "gnum"], name="customs_inventoryline_gnum_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.inventory_id}#{self.gnum}"


class WayBill(CebDocument):
    """CEB607 清单总分单: a bill of lading and the waybills it groups (split by msgCount / msgSeqNo)."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey("customs.Batch", null=True, blank=True, on_delete=models.PROTECT, related_name="waybills")
    customs_code = models.CharField("申报海关代码", max_length=4)
    cop_no = models.CharField("企业唯一编号", max_length=30)
    pre_no = models.CharField("预录入编号", max_length=18, blank=True)
    agent_code = models.CharField("申报企业代码", max_length=18)
    agent_name = models.CharField("申报企业名称", max_length=100)
    loct_no = models.CharField("监管场所代码", max_length=10, blank=True)
    traf_mode = models.CharField("运输方式", max_length=1)
    traf_name = models.CharField("运输工具名称", max_length=100)
    voyage_no = models.CharField("航班航次号", max_length=32)
    bill_no = models.CharField("提运单号", max_length=37)
    domestic_traf_no = models.CharField("境内运输工具编号", max_length=100, blank=True)
    gross_weight = money_field("毛重（千克）")
    logistics_code = models.CharField("物流企业代码", max_length=18)
    logistics_name = models.CharField("物流企业名称", max_length=100)
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "清单总分单"
        verbose_name_plural = "清单总分单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "cop_no"], name="customs_waybill_cop_no_unique"),
        ]

    def __str__(self) -> str:
        return self.bill_no


class WayBillLine(models.Model):
    waybill = models.ForeignKey(WayBill, on_delete=models.CASCADE, related_name="lines")
    gnum = models.PositiveIntegerField("项号")
    total_package_no = models.CharField("总包号", max_length=60, blank=True)
    logistics_no = models.CharField("物流运单编号", max_length=32)
    invt_no = models.CharField("原出口清单编号", max_length=20, blank=True)
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["waybill", "gnum"], name="customs_waybillline_gnum_unique"),
            models.UniqueConstraint(fields=["waybill", "logistics_no"], name="customs_waybillline_no_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.waybill_id}#{self.gnum}"


class SummaryApply(CebDocument):
    """CEB701 汇总申请单: the 结关 inventories of a period, to obtain the 报关单 (CEB792 ``entryId``)."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    customs_code = models.CharField("申报地海关代码", max_length=4)
    cop_no = models.CharField("企业唯一编号", max_length=30)
    pre_no = models.CharField("预录入编号", max_length=18, blank=True)
    sum_no = models.CharField("汇总申请编号", max_length=18, blank=True)
    agent_code = models.CharField("申报单位代码", max_length=18)
    agent_name = models.CharField("申报单位名称", max_length=100)
    ebc_code = models.CharField("收发货人代码", max_length=18)
    ebc_name = models.CharField("收发货人名称", max_length=100)
    decl_agent_code = models.CharField("报关单位代码", max_length=18)
    decl_agent_name = models.CharField("报关单位名称", max_length=100)
    start_time = models.CharField("汇总开始时间", max_length=14, blank=True)
    end_time = models.CharField("汇总结束时间", max_length=14, blank=True)
    loct_no = models.CharField("监管场所代码", max_length=10, blank=True)
    summary_flag = models.CharField("收发货人汇总标志", max_length=1, default="1")
    item_name_flag = models.CharField("按商品名汇总标志", max_length=1, default="1")
    entry_id = models.CharField("报关单编号", max_length=18, blank=True)
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "汇总申请单"
        verbose_name_plural = "汇总申请单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "cop_no"], name="customs_summary_cop_no_unique"),
        ]

    def __str__(self) -> str:
        return self.sum_no or self.cop_no


class SummaryApplyLine(models.Model):
    summary = models.ForeignKey(SummaryApply, on_delete=models.CASCADE, related_name="lines")
    invt_no = models.CharField("清单编号", max_length=20)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["summary", "invt_no"], name="customs_summaryline_unique"),
        ]

    def __str__(self) -> str:
        return self.invt_no


class SummaryResult(models.Model):
    """CEB792 汇总结果单 (sent by customs): ``entryId`` is the 报关单号 the tax refund needs."""

    summary = models.ForeignKey(SummaryApply, null=True, blank=True, on_delete=models.SET_NULL, related_name="results")
    received_in = models.ForeignKey("customs.Message", on_delete=models.PROTECT, related_name="+")
    guid = models.CharField("系统唯一序号", max_length=36)
    customs_code = models.CharField("申报地海关代码", max_length=4)
    sum_no = models.CharField("汇总申请编号", max_length=18)
    op_date = models.CharField("汇总处理时间", max_length=17)
    decl_seq_no = models.CharField("汇总统一编号", max_length=18)
    dec_tmp_no = models.CharField("报关单暂存编号", max_length=18, blank=True)
    dec_pre_no = models.CharField("报关单预录入编号", max_length=18, blank=True)
    entry_id = models.CharField("报关单编号", max_length=18, blank=True)
    dec_state = models.CharField("报关单状态", max_length=3)
    agent_code = models.CharField("申报企业代码", max_length=18)
    agent_name = models.CharField("申报企业名称", max_length=100)
    ebc_code = models.CharField("收发货人代码", max_length=18)
    ebc_name = models.CharField("收发货人名称", max_length=100)
    decl_agent_code = models.CharField("报关单位代码", max_length=18)
    decl_agent_name = models.CharField("报关单位名称", max_length=100)
    gross_weight = money_field("毛重（千克）")
    net_weight = money_field("净重（千克）")
    msg_count = models.PositiveIntegerField("报文总数", default=1)
    msg_seq_no = models.PositiveIntegerField("报文序号", default=1)
    note = models.CharField("备注", max_length=1000, blank=True)
    lines = models.JSONField("汇总结果表体", default=list)  # [{invtNo, logisticsNo, gseqno, gnum, gcode}]
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "汇总结果单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["sum_no", "msg_seq_no", "op_date"], name="customs_summaryresult_unique"),
        ]

    def __str__(self) -> str:
        return self.entry_id or self.sum_no


class InvtCancel(CebDocument):
    """CEB605 撤销申请单: invtNo and a reason are required."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    inventory = models.ForeignKey(Inventory, on_delete=models.PROTECT, related_name="cancels")
    customs_code = models.CharField("申报海关代码", max_length=4)
    cop_no = models.CharField("企业唯一编号", max_length=30)
    pre_no = models.CharField("预录入编号", max_length=18, blank=True)
    invt_no = models.CharField("清单编号", max_length=20)
    reason = models.CharField("撤销原因", max_length=1000)
    agent_code = models.CharField("申报单位代码", max_length=18)
    agent_name = models.CharField("申报单位名称", max_length=100)
    ebc_code = models.CharField("电商企业代码", max_length=18)
    ebc_name = models.CharField("电商企业名称", max_length=100)
    note = models.CharField("备注", max_length=1000, blank=True)

    class Meta:
        verbose_name = "撤销申请单"
        verbose_name_plural = "撤销申请单"

    def __str__(self) -> str:
        return f"撤销 {self.invt_no}"
