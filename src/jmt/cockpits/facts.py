"""Fact sources: the grouped queries every cockpit figure is summed from, and their aggregates.

A source turns the records of one module into rows ``(day, dim, n, a, b, c)``: the local (Asia/Shanghai)
day of the event it counts, one dimension value (a currency, a country, a carrier …), a count and up to
three sums whose meaning the source states. The same query serves twice:

* :func:`rebuild` runs every source over all records and stores the rows as :class:`Fact`, the
  aggregate the cockpits read when the viewer sees every merchant (a scheduled task keeps it current);
* :func:`totals` with ``merchant_ids`` runs the source live on those merchants' records only (a staff
  member limited to some merchants, or the merchant filter), where the merchant indexes keep it quick.

So a figure means the same whichever way it was summed; a test checks both ways agree.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Concat, Substr, TruncDate
from django.utils import timezone

from jmt.cockpits.models import Fact, Refresh

ZONE = ZoneInfo("Asia/Shanghai")
ZERO = Decimal(0)

Row = tuple[dt.date, str, int, Decimal, Decimal, Decimal]
MerchantIds = frozenset[int] | None


@dataclass
class Sums:
    n: int = 0
    a: Decimal = ZERO
    b: Decimal = ZERO
    c: Decimal = ZERO

    def add(self, n: int, a: Decimal, b: Decimal, c: Decimal) -> None:
        self.n += n
        self.a += a
        self.b += b
        self.c += c


@dataclass(frozen=True)
class Window:
    """Local days ``start`` … ``end`` inclusive."""

    start: dt.date
    end: dt.date

    @property
    def since(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), tzinfo=ZONE)

    @property
    def until(self) -> dt.datetime:
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=ZONE)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Window:
        """The window of equal length just before this one (the trend's comparison)."""
        return Window(self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1))


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    module: str
    rows: Callable[[MerchantIds, Window | None], Iterable[Row]]
    meaning: dict[str, str] = field(default_factory=dict)


def _dec(value: Any) -> Decimal:
    if value is None:
        return ZERO
    if isinstance(value, dt.timedelta):
        return Decimal(str(value.total_seconds()))
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _scoped(qs: QuerySet[Any], merchant_field: str, merchant_ids: MerchantIds) -> QuerySet[Any]:
    return qs if merchant_ids is None else qs.filter(**{f"{merchant_field}__in": sorted(merchant_ids)})


def _within(qs: QuerySet[Any], time_field: str, window: Window | None, *, dates: bool = False) -> QuerySet[Any]:
    if window is None:
        return qs
    if dates:
        return qs.filter(**{f"{time_field}__gte": window.start, f"{time_field}__lte": window.end})
    return qs.filter(**{f"{time_field}__gte": window.since, f"{time_field}__lt": window.until})


def _grouped(qs: QuerySet[Any], time_field: str, dim: Any, **sums: Any) -> Iterator[Row]:
    """``GROUP BY`` local day and ``dim`` (an expression, or ``None`` for one row per day)."""
    from django.db.models import Value
    from django.db.models.fields import CharField

    rows = (
        qs.annotate(_day=TruncDate(time_field, tzinfo=ZONE), _dim=dim if dim is not None else Value("", CharField()))
        .values("_day", "_dim")
        .annotate(_n=Count("pk"), **{f"_{k}": v for k, v in sums.items()})
        .order_by()
    )
    for row in rows:
        yield (row["_day"], str(row["_dim"] or ""), row["_n"], *(_dec(row.get(f"_{k}")) for k in "abc"))


# --- the sources ------------------------------------------------------------------------------------


def _orders(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.customs.models import Order

    qs = _within(_scoped(Order.objects.all(), "merchant_id", merchant_ids), "created_at", window)
    return _grouped(qs, "created_at", F("currency"), a=Sum("goods_value"))


def _destinations(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.customs.models import Inventory

    qs = _within(_scoped(Inventory.objects.all(), "merchant_id", merchant_ids), "created_at", window)
    return _grouped(qs, "created_at", F("country"))


def _products(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from django.db.models import Value

    from jmt.customs.models import InventoryLine

    qs = _within(
        _scoped(InventoryLine.objects.all(), "inventory__merchant_id", merchant_ids), "inventory__created_at", window
    )
    return _grouped(
        qs, "inventory__created_at", Concat("gcode", Value("|"), "currency"), a=Sum("qty"), b=Sum("total_price")
    )


def _releases(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.customs.models import Receipt

    inspected = Receipt.objects.filter(inventory_id=OuterRef("inventory_id"), return_status="500")
    qs = _within(
        _scoped(
            Receipt.objects.filter(return_status="800", applied=True, inventory__isnull=False),
            "inventory__merchant_id",
            merchant_ids,
        ),
        "created_at",
        window,
    ).annotate(_inspected=Exists(inspected))
    took = ExpressionWrapper(F("created_at") - F("inventory__created_at"), output_field=DurationField())
    return _grouped(
        qs, "created_at", None, a=Sum(took, output_field=DurationField()), b=Count("pk", filter=Q(_inspected=True))
    )


def _workflow(object_type: str, states: tuple[str, ...]) -> QuerySet[Any]:
    from jmt.workflow.models import WorkflowEvent

    return WorkflowEvent.objects.filter(object_type=object_type, to_state__in=states)


def _registration_decisions(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    qs = _within(
        _scoped(_workflow("registration", ("approved", "rejected")), "merchant_id", merchant_ids), "created_at", window
    )
    return _grouped(qs, "created_at", F("to_state"))


def _registration_rejections(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    qs = _within(_scoped(_workflow("registration", ("rejected",)), "merchant_id", merchant_ids), "created_at", window)
    return _grouped(qs, "created_at", Substr("comment", 1, 60))


def _refunds_approved(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.workflow.models import WorkflowEvent

    rejected_before = WorkflowEvent.objects.filter(
        object_type="refund",
        object_id=OuterRef("object_id"),
        to_state="rejected",
        created_at__lt=OuterRef("created_at"),
    )
    qs = _within(
        _scoped(_workflow("refund", ("refunding",)), "merchant_id", merchant_ids), "created_at", window
    ).annotate(_rejected=Exists(rejected_before))
    return _grouped(qs, "created_at", None, b=Count("pk", filter=Q(_rejected=False)))


def _local_day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment, ZONE).date() if moment is not None else None


def _refunds_received(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from django.db.models import Max, Subquery

    from jmt.refunds.models import Claim
    from jmt.workflow.models import WorkflowEvent

    approved = (
        WorkflowEvent.objects.filter(object_type="refund", object_id=OuterRef("pk"), to_state="refunding")
        .order_by()
        .values("object_id")
        .annotate(at=Max("created_at"))
        .values("at")
    )
    qs = _within(
        _scoped(Claim.objects.filter(state="received", received_on__isnull=False), "merchant_id", merchant_ids),
        "received_on",
        window,
        dates=True,
    ).annotate(_approved=Subquery(approved))
    sums: dict[dt.date, Sums] = defaultdict(Sums)
    for received_on, submitted_at, approved_at in qs.values_list("received_on", "submitted_at", "_approved"):
        submitted, approval = _local_day(submitted_at), _local_day(approved_at)
        sums[received_on].add(
            1,
            Decimal((received_on - submitted).days) if submitted else ZERO,
            Decimal((received_on - approval).days) if approval else ZERO,
            Decimal(1 if approval else 0),
        )
    return [(day, "", s.n, s.a, s.b, s.c) for day, s in sums.items()]


def _settlements(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.fx.models import Settlement

    qs = _within(
        _scoped(Settlement.objects.filter(state__in=("completed", "rejected")), "merchant_id", merchant_ids),
        "state_changed_at",
        window,
    )
    return _grouped(qs, "state_changed_at", F("state"), a=Sum("amount"))


def _deliveries(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.logistics.models import Shipment

    qs = _within(
        _scoped(Shipment.objects.filter(state="delivered", delivered_at__isnull=False), "merchant_id", merchant_ids),
        "delivered_at",
        window,
    ).annotate(_from=Coalesce("picked_up_at", "created_at"))
    sums: dict[tuple[dt.date, str], Sums] = defaultdict(Sums)
    for carrier_id, delivered_at, started_at, promised in qs.values_list(
        "carrier_id", "delivered_at", "_from", "promised_days"
    ).iterator(chunk_size=5000):
        days = Decimal((delivered_at - started_at).total_seconds()) / 86400
        measured = promised > 0
        on_time = measured and days <= promised
        sums[(_local_day(delivered_at), str(carrier_id))].add(  # type: ignore[index]
            1, Decimal(on_time), Decimal(measured), days
        )
    return [(day, dim, s.n, s.a, s.b, s.c) for (day, dim), s in sums.items()]


def _shipments(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.logistics.models import Shipment

    qs = _within(_scoped(Shipment.objects.all(), "merchant_id", merchant_ids), "created_at", window)
    return _grouped(qs, "created_at", None, a=Sum("amount"))


DOCUMENT_FIELDS = ("licence_document", "id_card_front_document", "id_card_back_document", "bank_permit_document")
PROFILE_FIELDS = {
    "name": "商户名称",
    "credit_code": "统一社会信用代码",
    "address": "中文地址",
    "address_en": "英文地址",
    "legal_person": "法人姓名",
    "contact_phone": "联系人电话",
    "bank_name": "结汇开户银行",
    "bank_account": "结汇人民币账号",
}


def _merchants(merchant_ids: MerchantIds, window: Window | None) -> Iterable[Row]:
    from jmt.merchants.models import Merchant, RegistrationStatus

    qs = _within(
        _scoped(Merchant.objects.filter(registration_status=RegistrationStatus.APPROVED), "pk", merchant_ids),
        "created_at",
        window,
    )
    documents = Q(**{f"{name}__isnull": False for name in DOCUMENT_FIELDS})
    profile = Q()
    for name in PROFILE_FIELDS:
        profile &= ~Q(**{name: ""})
    return _grouped(qs, "created_at", None, a=Count("pk", filter=documents), b=Count("pk", filter=profile))


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source("orders", "电子订单", "出口报关", _orders, {"dim": "币制", "n": "订单数", "a": "商品金额"}),
        Source("destinations", "出口清单目的国", "出口报关", _destinations, {"dim": "运抵国代码", "n": "清单数"}),
        Source(
            "products",
            "清单商品",
            "出口报关",
            _products,
            {"dim": "HS 编码|币制", "n": "商品行数", "a": "申报数量", "b": "申报总价"},
        ),
        Source(
            "releases",
            "放行回执",
            "出口报关",
            _releases,
            {"n": "放行清单数", "a": "清单创建至放行回执秒数合计", "b": "其中曾被查验"},
        ),
        Source("registration_decisions", "注册审核决定", "工商注册", _registration_decisions, {"dim": "核准/驳回"}),
        Source("registration_rejections", "注册驳回", "工商注册", _registration_rejections, {"dim": "驳回原因"}),
        Source(
            "refunds_approved",
            "退税审核通过",
            "出口退税",
            _refunds_approved,
            {"n": "审核通过次数", "b": "此前未被驳回"},
        ),
        Source(
            "refunds_received",
            "退税到账",
            "出口退税",
            _refunds_received,
            {"n": "到账笔数", "a": "提交至到账天数合计", "b": "审核通过至到账天数合计", "c": "有审核通过记录的笔数"},
        ),
        Source("settlements", "结汇办结", "收结汇", _settlements, {"dim": "完成/驳回", "a": "结汇金额（美元）"}),
        Source(
            "deliveries",
            "物流签收",
            "跨境物流",
            _deliveries,
            {"dim": "物流渠道", "n": "签收票数", "a": "准时票数", "b": "有承诺时效的票数", "c": "运输天数合计"},
        ),
        Source("shipments", "物流下单", "跨境物流", _shipments, {"n": "运单数", "a": "运费（元）"}),
        Source(
            "merchants",
            "核准商户",
            "商户管理",
            _merchants,
            {"n": "核准商户数", "a": "资质单证齐全", "b": "档案字段完整"},
        ),
    )
}


def rebuild() -> Refresh:
    """Recompute every source over all records and replace the stored aggregates (one transaction)."""
    began = time.monotonic()
    facts = [
        Fact(source=source.key, day=day, dim=dim[:120], n=n, a=a, b=b, c=c)
        for source in SOURCES.values()
        for day, dim, n, a, b, c in source.rows(None, None)
        if day is not None
    ]
    with transaction.atomic():
        Fact.objects.all().delete()
        Fact.objects.bulk_create(facts, batch_size=2000)
        Refresh.objects.all().delete()
        return Refresh.objects.create(seconds=round(time.monotonic() - began, 3), rows=len(facts))


def last_refresh() -> Refresh | None:
    return Refresh.objects.order_by("-refreshed_at").first()


@dataclass
class _Memo:
    span: Window | None
    stored: dict[Window, dict[str, dict[str, Sums]]] = field(default_factory=dict)
    live: dict[tuple[str, MerchantIds], list[Row]] = field(default_factory=dict)


_memo: ContextVar[_Memo | None] = ContextVar("cockpit_facts", default=None)


@contextmanager
def reading(span: Window | None = None) -> Iterator[None]:
    """While inside, each window's aggregates are read in one query (all sources at once) and each live
    source runs once over ``span`` (the period and the one before it), the windows inside it cut from
    those rows: a cockpit asks for the same sources many times."""
    token = _memo.set(_Memo(span))
    try:
        yield
    finally:
        _memo.reset(token)


def _stored(window: Window) -> dict[str, dict[str, Sums]]:
    memo = _memo.get()
    if memo is not None and window in memo.stored:
        return memo.stored[window]
    result: dict[str, dict[str, Sums]] = defaultdict(dict)
    rows = (
        Fact.objects.filter(day__gte=window.start, day__lte=window.end)
        .values("source", "dim")
        .annotate(n=Sum("n"), a=Sum("a"), b=Sum("b"), c=Sum("c"))
        .order_by()
    )
    for row in rows:
        result[row["source"]][row["dim"]] = Sums(row["n"] or 0, _dec(row["a"]), _dec(row["b"]), _dec(row["c"]))
    if memo is not None:
        memo.stored[window] = result
    return result


def live_rows(source: str, window: Window, merchant_ids: frozenset[int]) -> Iterable[Row]:
    memo = _memo.get()
    if memo is None or memo.span is None or not (memo.span.start <= window.start and window.end <= memo.span.end):
        return SOURCES[source].rows(merchant_ids, window)
    key = (source, merchant_ids)
    if key not in memo.live:
        memo.live[key] = list(SOURCES[source].rows(merchant_ids, memo.span))
    return memo.live[key]


def totals(source: str, window: Window, merchant_ids: MerchantIds) -> dict[str, Sums]:
    """The source summed over ``window`` per dimension value: from the aggregates when ``merchant_ids`` is
    ``None`` (every merchant), else live on those merchants' records."""
    if merchant_ids is None:
        return dict(_stored(window).get(source, {}))
    if not merchant_ids:
        return {}
    result: dict[str, Sums] = defaultdict(Sums)
    for day, dim, n, a, b, c in live_rows(source, window, merchant_ids):
        if day is not None and window.start <= day <= window.end:
            result[dim].add(n, a, b, c)
    return dict(result)


def total(source: str, window: Window, merchant_ids: MerchantIds) -> Sums:
    whole = Sums()
    for sums in totals(source, window, merchant_ids).values():
        whole.add(sums.n, sums.a, sums.b, sums.c)
    return whole
