"""The 点点通 stand-in for ``make run`` and tests: it behaves like customs, over time.

* Orders (303) and waybills (505): 2 → 3 → 120. Inventories (603): 2 → 120 → (300) → 399 with an
  invtNo → 800 → 899. 撤销 (605): 2 → 120 → 399, then the inventory is cancelled. 总分单 (607):
  2 → 3 → 120. 汇总 (701): 2 → 120 with a sumNo, then a CEB792 result carrying the entryId.
* Bad data gets 100 (海关退单) with the reason in returnInfo: goods value ≠ the lines' total, an item
  name containing 禁运, gross weight 0, an inventory without its order or waybill (三单对碰), HS code
  0000000000, a 总分单 over unreleased waybills, a 汇总 over inventories not yet 结关. A message that
  fails the XSD gets a CEB900.
* Numbers customs already has: -301010 (order), -504015 (waybill), -301011 (the order's inventory was
  declared), -623005 (inventory state does not allow a cancel), -623009 (cancel already declared).
* The same message guid twice is answered as a duplicate and changes nothing.
* Receipts come late, twice and out of order, deterministically: every entity draws from its own
  ``Random(seed, type, key)``. Their ``returnTime`` is the logical time of the step, so applying them by
  returnTime restores the true order. Time is ``clock()``; receipts are handed over by ``deliver_due``.
* Given a merchant's ``credentials``, ``check()`` and ``submit()`` refuse them as the real gateway would:
  an empty or malformed base URL, a host containing ``unreachable``, a missing key or secret, and a secret
  ``wrong…`` (凭证无效) all fail — see ``credentials_problem``.

State lives in the database (``models.py``) so the web process and the workers share one customs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from lxml import etree

from jmt.core.bulk import insert_values
from jmt.integrations.customs_gateway.ceb import CEB_NS, safe_parser, validation_errors
from jmt.integrations.customs_gateway.models import SimulatedDocument, SimulatedMessage, SimulatedReceipt
from jmt.integrations.customs_gateway.port import (
    CheckResult,
    GatewayCredentials,
    GatewayError,
    OutboundMessage,
    SubmitResult,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
RETURN_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "CEB304": ("OrderReturn", ("guid", "ebpCode", "ebcCode", "orderNo", "returnStatus", "returnTime", "returnInfo")),
    "CEB506": ("LogisticsReturn", ("guid", "logisticsCode", "logisticsNo", "returnStatus", "returnTime", "returnInfo")),
    "CEB604": (
        "InventoryReturn",
        (
            "guid",
            "agentCode",
            "copNo",
            "preNo",
            "invtNo",
            "ebcCode",
            "ebpCode",
            "orderNo",
            "statisticsFlag",
            "returnStatus",
            "returnTime",
            "returnInfo",
        ),
    ),
    "CEB606": (
        "InvtCancelReturn",
        ("guid", "agentCode", "copNo", "preNo", "invtNo", "returnStatus", "returnTime", "returnInfo"),
    ),
    "CEB608": (
        "WayBillReturn",
        (
            "guid",
            "agentCode",
            "logisticsCode",
            "copNo",
            "preNo",
            "billNo",
            "msgSeqNo",
            "returnStatus",
            "returnTime",
            "returnInfo",
        ),
    ),
    "CEB702": (
        "SummaryReturn",
        (
            "guid",
            "agentCode",
            "ebcCode",
            "copNo",
            "preNo",
            "sumNo",
            "msgSeqNo",
            "returnStatus",
            "returnTime",
            "returnInfo",
        ),
    ),
}
SUMMARY_RESULT_HEAD = (
    "guid", "customsCode", "sumNo", "opDate", "declSeqNo", "decTmpNo", "decPreNo", "entryId", "decState",
    "agentCode", "agentName", "ebcCode", "ebcName", "declAgentCode", "declAgentName", "grossWeight", "netWeight",
    "msgCount", "msgSeqNo", "note",
)  # fmt: skip
SUMMARY_RESULT_LIST = ("invtNo", "logisticsNo", "gseqno", "gnum", "gcode")
CEB900_FIELDS = ("guid", "returnStatus", "returnInfo", "returnTime", "oriCopMsgId", "oriMessageType", "oriBizMessage")
MAX_PER_MESSAGE = 100

Step = tuple[str, str, dict[str, str]]  # returnStatus, returnInfo, fields that change at this step


@dataclass
class _Plan:
    message_type: str
    key: str
    fields: dict[str, str]  # the receipt's fixed fields (guid, numbers)
    steps: list[Step]
    hold_last: timedelta = timedelta(0)  # extra wait before the last step (放行 → 结关 while the goods leave)


def return_time(moment: datetime) -> str:
    local = moment.astimezone(SHANGHAI)
    return local.strftime("%Y%m%d%H%M%S") + f"{local.microsecond // 1000:03d}"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _fields(element: etree._Element) -> dict[str, str]:
    return {_local(child): (child.text or "").strip() for child in element if len(child) == 0}


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _decimal(value: str) -> Decimal:
    try:
        return Decimal(value or "0")
    except InvalidOperation:
        return Decimal("NaN")


class Simulator:
    name = "simulator"

    def __init__(
        self,
        *,
        seed: int | None = None,
        step_seconds: float | None = None,
        clock: Callable[[], datetime] | None = None,
        duplicate_rate: float = 0.15,
        late_rate: float = 0.1,
        review_rate: float = 0.2,
        jitter: float = 1.2,
        credentials: GatewayCredentials | None = None,
        close_after_seconds: float | None = None,
    ) -> None:
        self.seed = settings.CUSTOMS_SIMULATOR_SEED if seed is None else seed
        self.step = timedelta(seconds=settings.CUSTOMS_SIMULATOR_STEP_SECONDS if step_seconds is None else step_seconds)
        self.clock = clock or timezone.now
        self.duplicate_rate = duplicate_rate
        self.late_rate = late_rate
        self.review_rate = review_rate
        self.jitter = jitter
        self.credentials = credentials
        # 放行 → 结关: one step unless told (the demo waits longer, so a 撤销 filed after 放行 and held for
        # its grace period still reaches customs before 结关 — see ``factory.simulator_options``).
        close_after = self.step if close_after_seconds is None else timedelta(seconds=close_after_seconds)
        self.close_hold = max(timedelta(0), close_after - self.step)

    # --- the port ---------------------------------------------------------------------------

    def check(self) -> CheckResult:
        problem = self.credentials_problem()
        if problem:
            return CheckResult(ok=False, message=problem)
        return CheckResult(ok=True, message="连接正常，密钥有效")

    def credentials_problem(self) -> str:
        """How the simulated gateway refuses a merchant's account (no credentials given: none).

        * empty base URL, or not ``http(s)://`` → the address is missing / malformed;
        * a host containing ``unreachable`` → cannot connect (as a wrong address would);
        * empty app key or secret → credentials missing;
        * a secret that is ``wrong`` or starts with ``wrong`` → 凭证无效 (HTTP 401 from the real gateway).
        """
        creds = self.credentials
        if creds is None:
            return ""
        if not creds.base_url.strip():
            return "接口地址未填写，无法连接点点通"
        parts = urlsplit(creds.base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return "接口地址格式不正确，应以 http:// 或 https:// 开头"
        if "unreachable" in parts.netloc:
            return "无法连接点点通接口地址，请检查地址是否正确、网关是否在线（连接超时）"
        if not creds.app_key or not creds.app_secret:
            return "App Key 或 App Secret 未设置"
        if creds.app_secret.lower().startswith("wrong"):
            return "凭证无效：点点通拒绝了 App Key 或 App Secret（HTTP 401）"
        return ""

    def submit(self, message: OutboundMessage) -> SubmitResult:
        problem = self.credentials_problem()
        if problem:
            raise GatewayError(problem, permanent=True, status=401)
        now = self.clock()
        try:
            with transaction.atomic():
                SimulatedMessage.objects.create(guid=message.guid, message_type=message.message_type, received_at=now)
                plans = self._accept(message, now)
                self._schedule(plans, now)
        except IntegrityError:
            SimulatedMessage.objects.filter(guid=message.guid).update(times_received=F("times_received") + 1)
            return SubmitResult(duplicate=True, reply="报文已接收（重复）")
        return SubmitResult(duplicate=False, reply="报文已接收")

    # --- delivery -----------------------------------------------------------------------------

    def next_due_at(self) -> datetime | None:
        first = SimulatedReceipt.objects.filter(delivered_at__isnull=True).order_by("due_at").first()
        return first.due_at if first else None

    def deliver_due(self, *, deliver: Callable[[bytes], Any], now: datetime | None = None, limit: int = 2000) -> int:
        """Hand every receipt due by ``now`` to ``deliver``, up to 100 of one type to a message.

        Each message is claimed (``skip_locked``), delivered and marked in its own transaction, so
        several workers deliver side by side and a delivery that raises leaves its receipts for next
        time, like a gateway retrying until it hears SUCCESS.
        """
        moment = now or self.clock()
        delivered = 0
        while delivered < limit:
            with transaction.atomic():
                first = (
                    SimulatedReceipt.objects.select_for_update(skip_locked=True)
                    .filter(delivered_at__isnull=True, due_at__lte=moment)
                    .order_by("due_at", "pk")
                    .first()
                )
                if first is None:
                    break
                group = list(
                    SimulatedReceipt.objects.select_for_update(skip_locked=True)
                    .filter(delivered_at__isnull=True, due_at__lte=moment, message_type=first.message_type)
                    .order_by("due_at", "pk")[:MAX_PER_MESSAGE]
                )
                deliver(build_receipt_message(first.message_type, [r.entity for r in group]))
                SimulatedReceipt.objects.filter(pk__in=[r.pk for r in group]).update(delivered_at=moment)
            delivered += len(group)
        return delivered

    # --- customs' rules -------------------------------------------------------------------------

    def _accept(self, message: OutboundMessage, now: datetime) -> list[_Plan]:
        root = etree.fromstring(message.xml, parser=safe_parser())
        errors = validation_errors(root)
        if errors:
            return [self._format_failure(message, errors, now)]
        handlers: dict[str, Callable[[etree._Element, str, datetime], list[_Plan]]] = {
            "Order": self._order,
            "Logistics": self._logistics,
            "Inventory": self._inventory,
            "InvtCancel": self._cancel,
            "WayBill": self._waybill,
            "SummaryApply": self._summary,
        }
        self._bulk_register(root, message.guid)
        plans: list[_Plan] = []
        for entity in root:
            handler = handlers.get(_local(entity))
            if handler is not None:
                plans.extend(handler(entity, message.guid, now))
        SimulatedMessage.objects.filter(guid=message.guid).update(entity_count=len(plans))
        return plans

    def _bulk_register(self, root: etree._Element, message_guid: str) -> None:
        """Register a message's orders and waybills in one statement (customs' register is keyed by
        number: a number it already has stays with its first message and shows up as a duplicate)."""
        self._registered: dict[tuple[str, str], SimulatedDocument | None] = {}
        rows: list[SimulatedDocument] = []
        for entity in root:
            name = _local(entity)
            if name == "Order":
                head = _fields(_children(entity, "OrderHead")[0])
                key, data = f"{head['ebpCode']}|{head['orderNo']}", {"ebcCode": head["ebcCode"]}
                rows.append(
                    SimulatedDocument(kind="order", key=key, guid=head["guid"], message_guid=message_guid, data=data)
                )
            elif name == "Logistics":
                head = _fields(entity)
                key = f"{head['logisticsCode']}|{head['logisticsNo']}"
                rows.append(
                    SimulatedDocument(kind="logistics", key=key, guid=head["guid"], message_guid=message_guid, data={})
                )
        if not rows:
            return
        insert_values(rows, ignore_conflicts=True)
        mine = {
            (doc.kind, doc.key): doc
            for doc in SimulatedDocument.objects.filter(message_guid=message_guid, kind__in=("order", "logistics"))
        }
        for row in rows:
            self._registered[(row.kind, row.key)] = mine.get((row.kind, row.key))

    def _register(
        self, kind: str, key: str, guid: str, message_guid: str, data: dict[str, Any]
    ) -> SimulatedDocument | None:
        if (kind, key) in getattr(self, "_registered", {}):
            return self._registered.pop((kind, key))
        try:
            with transaction.atomic():
                return SimulatedDocument.objects.create(
                    kind=kind, key=key, guid=guid, message_guid=message_guid, data=data
                )
        except IntegrityError:
            return None

    def _order(self, entity: etree._Element, message_guid: str, now: datetime) -> list[_Plan]:
        head = _fields(_children(entity, "OrderHead")[0])
        lines = [_fields(line) for line in _children(entity, "OrderList")]
        key = f"{head['ebpCode']}|{head['orderNo']}"
        fields = {k: head[k] for k in ("guid", "ebpCode", "ebcCode", "orderNo")}
        doc = self._register("order", key, head["guid"], message_guid, {"ebcCode": head["ebcCode"]})
        if doc is None:
            return [_Plan("CEB304", key, fields, [("-301010", f"订单编号已存在[{head['orderNo']}]", {})])]
        total = sum((_decimal(line.get("totalPrice", "")) for line in lines), Decimal(0))
        reason = ""
        if total != _decimal(head["goodsValue"]):
            reason = f"订单商品金额{head['goodsValue']}与表体总价合计{total}不符"
        elif any("禁运" in line.get("itemName", "") for line in lines):
            reason = "商品属于禁止出口物品"
        if reason:
            SimulatedDocument.objects.filter(pk=doc.pk).update(state="rejected")
            return [_Plan("CEB304", key, fields, [("2", "新增申报成功", {}), ("100", reason, {})])]
        return [
            _Plan(
                "CEB304", key, fields, [("2", "新增申报成功", {}), ("3", "发送海关成功", {}), ("120", "海关入库", {})]
            )
        ]

    def _logistics(self, entity: etree._Element, message_guid: str, now: datetime) -> list[_Plan]:
        data = _fields(entity)
        key = f"{data['logisticsCode']}|{data['logisticsNo']}"
        fields = {k: data[k] for k in ("guid", "logisticsCode", "logisticsNo")}
        doc = self._register("logistics", key, data["guid"], message_guid, {})
        if doc is None:
            return [_Plan("CEB506", key, fields, [("-504015", f"运单编号已存在[{data['logisticsNo']}]", {})])]
        if _decimal(data["grossWeight"]) <= 0:
            SimulatedDocument.objects.filter(pk=doc.pk).update(state="rejected")
            return [_Plan("CEB506", key, fields, [("2", "新增申报成功", {}), ("100", "毛重必须大于0", {})])]
        return [
            _Plan(
                "CEB506", key, fields, [("2", "新增申报成功", {}), ("3", "发送海关成功", {}), ("120", "海关入库", {})]
            )
        ]

    def _inventory(self, entity: etree._Element, message_guid: str, now: datetime) -> list[_Plan]:
        head = _fields(_children(entity, "InventoryHead")[0])
        lines = [_fields(line) for line in _children(entity, "InventoryList")]
        key = f"{head['ebcCode']}|{head['copNo']}"
        fields = {k: head[k] for k in ("guid", "agentCode", "copNo", "ebcCode", "ebpCode", "orderNo", "statisticsFlag")}
        fields.update(preNo="", invtNo="")
        order_key = f"{head['ebpCode']}|{head['orderNo']}"
        doc = self._register(
            "inventory",
            key,
            head["guid"],
            message_guid,
            {
                "customsCode": head["customsCode"],
                "logisticsNo": head["logisticsNo"],
                "orderKey": order_key,
                "grossWeight": head["grossWeight"],
                "netWeight": head["netWeight"],
                "lines": [{"gnum": line["gnum"], "gcode": line["gcode"]} for line in lines],
            },
        )
        if doc is None:
            return [_Plan("CEB604", key, fields | {"preNo": "B" + "0" * 17}, [("-301011", "该清单已申报", {})])]
        number = f"{doc.pk:09d}"[-9:]
        year = now.astimezone(SHANGHAI).strftime("%Y")
        fields["preNo"] = "B" + now.astimezone(SHANGHAI).strftime("%Y%m%d") + number
        invt_no = f"{head['customsCode']}{year}E{number}"
        order = SimulatedDocument.objects.filter(kind="order", key=order_key, state="accepted").first()
        logistics = SimulatedDocument.objects.filter(
            kind="logistics", key=f"{head['logisticsCode']}|{head['logisticsNo']}", state="accepted"
        ).first()
        taken = SimulatedDocument.objects.filter(kind="inventory", data__orderKey=order_key).exclude(pk=doc.pk).exists()
        reason = ""
        if taken:
            SimulatedDocument.objects.filter(pk=doc.pk).update(state="rejected")
            return [_Plan("CEB604", key, fields, [("-301011", "订单对应的清单已申报", {})])]
        if order is None or logistics is None:
            missing = "电子订单" if order is None else "物流运单"
            reason = f"三单对碰失败：未找到对应的{missing}"
        elif any(line["gcode"] == "0000000000" for line in lines):
            reason = "商品编码不存在"
        if reason:
            SimulatedDocument.objects.filter(pk=doc.pk).update(state="rejected")
            return [_Plan("CEB604", key, fields, [("2", "新增申报成功", {}), ("100", reason, {})])]
        rng = self._rng("CEB604", key)
        steps: list[Step] = [("2", "新增申报成功", {}), ("120", "海关入库", {})]
        if rng.random() < self.review_rate:
            steps.append(("300", "人工审核", {}))
        cleared = len(steps) + 1
        steps += [
            ("399", "海关审结", {"invtNo": invt_no}),
            ("800", "放行", {"invtNo": invt_no}),
            ("899", "结关", {"invtNo": invt_no}),
        ]
        timeline = {
            "cleared_at": (now + self.step * cleared).isoformat(),
            "released_at": (now + self.step * (cleared + 1)).isoformat(),
            "closed_at": (now + self.step * (cleared + 2) + self.close_hold).isoformat(),
        }
        SimulatedDocument.objects.filter(pk=doc.pk).update(invt_no=invt_no, data={**doc.data, **timeline})
        return [_Plan("CEB604", key, fields, steps, hold_last=self.close_hold)]

    def _inventory_reached(self, invt_no: str, stage: str, now: datetime) -> SimulatedDocument | None:
        doc = SimulatedDocument.objects.filter(kind="inventory", invt_no=invt_no).first()
        if doc is None or doc.state != "accepted" or stage not in doc.data:
            return None
        return doc if datetime.fromisoformat(doc.data[stage]) <= now else None

    def _cancel(self, entity: etree._Element, message_guid: str, now: datetime) -> list[_Plan]:
        data = _fields(entity)
        key = data["invtNo"]
        fields = {k: data[k] for k in ("guid", "agentCode", "copNo", "invtNo")}
        fields["preNo"] = "C" + now.astimezone(SHANGHAI).strftime("%Y%m%d") + "000000000"
        if SimulatedDocument.objects.filter(kind="cancel", key=key).exists():
            return [_Plan("CEB606", key, fields, [("-623009", "撤销申请单已申报", {})])]
        inventory = self._inventory_reached(key, "cleared_at", now)
        closed = inventory is not None and datetime.fromisoformat(inventory.data["closed_at"]) <= now
        if inventory is None or closed:
            return [_Plan("CEB606", key, fields, [("-623005", "清单状态不允许撤销", {})])]
        if self._register("cancel", key, data["guid"], message_guid, {}) is None:
            return [_Plan("CEB606", key, fields, [("-623009", "撤销申请单已申报", {})])]
        SimulatedDocument.objects.filter(pk=inventory.pk).update(state="cancelled")
        later = return_time(now)
        for pending in SimulatedReceipt.objects.filter(
            message_type="CEB604", delivered_at__isnull=True, entity__invtNo=key
        ):
            if pending.entity.get("returnTime", "") > later:
                pending.delete()  # customs says nothing more about a cancelled inventory
        return [
            _Plan("CEB606", key, fields, [("2", "新增申报成功", {}), ("120", "海关入库", {}), ("399", "撤销成功", {})])
        ]

    def _waybill(self, entity: etree._Element, message_guid: str, now: datetime) -> list[_Plan]:
        head = _fields(_children(entity, "WayBillHead")[0])
        lines = [_fields(line) for line in _children(entity, "WayBillList")]
        key = f"{head['copNo']}|{head['msgSeqNo']}"
        fields = {k: head[k] for k in ("guid", "agentCode", "logisticsCode", "copNo", "billNo", "msgSeqNo")}
        fields["preNo"] = "W" + now.astimezone(SHANGHAI).strftime("%Y%m%d") + "000000000"
        self._register("waybill", key, head["guid"], message_guid, {})
        released = set(
            SimulatedDocument.objects.filter(kind="inventory", state="accepted")
            .filter(data__logisticsNo__in=[line["logisticsNo"] for line in lines])
            .values_list("data__logisticsNo", "data__released_at")
        )
        ok = {no for no, at in released if at and datetime.fromisoformat(at) <= now}
        missing = [line["logisticsNo"] for line in lines if line["logisticsNo"] not in ok]
        if missing:
            return [_Plan("CEB608", key, fields, [("2", "新增申报成功", {}), ("100", f"运单未放行：{missing[0]}", {})])]
        return [
            _Plan(
                "CEB608", key, fields, [("2", "新增申报成功", {}), ("3", "发送海关成功", {}), ("120", "海关入库", {})]
            )
        ]

    def _summary(self, entity: etree._Element, message_guid: str, now: datetime) -> list[_Plan]:
        head = _fields(_children(entity, "SummaryApplyHead")[0])
        invt_nos = [_fields(line)["invtNo"] for line in _children(entity, "SummaryApplyList")]
        key = f"{head['copNo']}|{head['msgSeqNo']}"
        doc = self._register("summary", key, head["guid"], message_guid, {})
        number = f"{doc.pk if doc else 0:09d}"[-9:]
        local = now.astimezone(SHANGHAI)
        sum_no = f"{head['customsCode']}{local:%Y}S{number}"
        fields = {k: head[k] for k in ("guid", "agentCode", "ebcCode", "copNo", "msgSeqNo")}
        fields.update(preNo=f"S{local:%Y%m%d}{number}", sumNo="")
        inventories = [self._inventory_reached(no, "closed_at", now) for no in invt_nos]
        missing = [no for no, inv in zip(invt_nos, inventories, strict=True) if inv is None]
        if missing or not invt_nos:
            reason = f"清单未结关：{missing[0]}" if missing else "汇总申请未包含清单"
            return [_Plan("CEB702", key, fields, [("2", "新增申报成功", {}), ("100", reason, {})])]
        plans = [_Plan("CEB702", key, fields, [("2", "新增申报成功", {}), ("120", "海关入库", {"sumNo": sum_no})])]
        result_lines: list[dict[str, str]] = []
        gross = net = Decimal(0)
        for no, inv in zip(invt_nos, inventories, strict=True):
            if inv is None:  # pragma: no cover - excluded by ``missing`` above
                continue
            gross += _decimal(inv.data.get("grossWeight", "0"))
            net += _decimal(inv.data.get("netWeight", "0"))
            for line in inv.data["lines"]:
                result_lines.append(
                    {
                        "invtNo": no,
                        "logisticsNo": inv.data["logisticsNo"],
                        "gseqno": str(len(result_lines) + 1),
                        "gnum": line["gnum"],
                        "gcode": line["gcode"],
                    }
                )
        result_head = {
            "guid": head["guid"],
            "customsCode": head["customsCode"],
            "sumNo": sum_no,
            "opDate": "",  # set when scheduled
            "declSeqNo": f"{head['customsCode']}{local:%Y}D{number}",
            "entryId": f"{head['customsCode']}{local:%Y}0{number}",
            "decState": "A",
            "agentCode": head["agentCode"],
            "agentName": head["agentName"],
            "ebcCode": head["ebcCode"],
            "ebcName": head["ebcName"],
            "declAgentCode": head["declAgentCode"],
            "declAgentName": head["declAgentName"],
            "grossWeight": str(gross),
            "netWeight": str(net),
            "msgCount": "1",
            "msgSeqNo": "1",
        }
        plans.append(_Plan("CEB792", key, {"head": result_head, "lines": result_lines}, [("792", "", {})]))  # type: ignore[dict-item]
        return plans

    def _format_failure(self, message: OutboundMessage, errors: Sequence[str], now: datetime) -> _Plan:
        fields = {
            "guid": message.guid,
            "oriCopMsgId": message.guid,
            "oriMessageType": f"{message.message_type}Message",
            "oriBizMessage": message.xml.decode("utf-8", "replace"),
        }
        return _Plan("CEB900", message.guid, fields, [("-1", "报文格式校验失败：" + "；".join(errors)[:4000], {})])

    # --- time -----------------------------------------------------------------------------------

    def _rng(self, message_type: str, key: str) -> random.Random:
        return random.Random(f"{self.seed}:{message_type}:{key}")  # noqa: S311 - a simulation, not security

    def _schedule(self, plans: Iterable[_Plan], now: datetime) -> None:
        rows: list[SimulatedReceipt] = []
        for plan in plans:
            rng = self._rng(plan.message_type + ":time", plan.key)
            if plan.message_type == "CEB792":
                moment = now + self.step * 4
                entity = {"head": {**plan.fields["head"], "opDate": return_time(moment)}, "lines": plan.fields["lines"]}  # type: ignore[dict-item]
                rows.append(
                    SimulatedReceipt(message_type="CEB792", entity=entity, due_at=moment + self.step * rng.random())
                )
                continue
            fields = dict(plan.fields)
            for index, (status, info, changes) in enumerate(plan.steps, start=1):
                fields.update(changes)
                logical = now + self.step * index + (plan.hold_last if index == len(plan.steps) else timedelta(0))
                entity = {**fields, "returnStatus": status, "returnTime": return_time(logical), "returnInfo": info}
                due = max(now, logical + self.step * (self.jitter * (2 * rng.random() - 1)))
                if rng.random() < self.late_rate:
                    due += self.step * 5  # late
                rows.append(SimulatedReceipt(message_type=plan.message_type, entity=entity, due_at=due))
                if rng.random() < self.duplicate_rate:  # delivered twice
                    rows.append(
                        SimulatedReceipt(
                            message_type=plan.message_type, entity=entity, due_at=due + self.step * 3 * rng.random()
                        )
                    )
        insert_values(rows)


def _q(name: str) -> str:
    return f"{{{CEB_NS}}}{name}"


def build_receipt_message(message_type: str, entities: Sequence[dict[str, Any]], *, guid: str = "") -> bytes:
    """A receipt message as customs sends it. Every type but CEB900 is checked against the XSD."""
    import uuid

    root = etree.Element(
        _q(f"{message_type}Message"),
        nsmap={"ceb": CEB_NS},
        attrib={"guid": guid or str(uuid.uuid4()).upper(), "version": "1.0"},
    )
    if message_type == "CEB900":
        entity = entities[0]
        for name in CEB900_FIELDS:
            node = etree.SubElement(root, _q(name))
            node.text = etree.CDATA(entity[name]) if name == "oriBizMessage" else entity[name]
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if message_type == "CEB792":
        for entity in entities:
            node = etree.SubElement(root, _q("SummaryResult"))
            head = etree.SubElement(node, _q("SummaryResultHead"))
            for name in SUMMARY_RESULT_HEAD:
                value = str(entity["head"].get(name, ""))
                if value or name not in {"decTmpNo", "decPreNo", "entryId", "note"}:
                    etree.SubElement(head, _q(name)).text = value
            for line in entity["lines"]:
                item = etree.SubElement(node, _q("SummaryResultList"))
                for name in SUMMARY_RESULT_LIST:
                    etree.SubElement(item, _q(name)).text = str(line[name])
    else:
        tag, names = RETURN_FIELDS[message_type]
        for entity in entities:
            node = etree.SubElement(root, _q(tag))
            for name in names:
                if name == "sumNo" and not entity.get(name):
                    continue  # optional until customs assigns it
                etree.SubElement(node, _q(name)).text = str(entity.get(name, ""))
    errors = validation_errors(root)
    if errors:
        raise ValueError(f"simulated {message_type} does not validate: {errors[:3]}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
