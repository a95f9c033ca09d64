"""数据驾驶舱 (issue 19 item 5): server time of both cockpits on 10,000 merchants and 1,000,000 orders.

    DATABASE_URL=postgres://…/jmt_cockpit python bench/cockpit.py [--merchants 10000 --orders 1000000]

On an empty PostgreSQL database: writes the data set, rebuilds the aggregates once (what the scheduled
task does every 10 minutes, timed), then sends the cockpit requests in process through Django's test
client (middleware, bearer authentication, the endpoint, JSON rendering: the server's whole share of a
request, without a network) and reports p50 / p95 / max, beside the floor measured in the same run: an
authenticated back-office request that does almost nothing (the merchant filter's choices for a name
that matches none). The figures replace the cockpit section of bench/RESULTS.md.

The data set: merchants (a mix of 工商注册 states), and spread over the last 365 days: the orders (ids
growing with time, as in a real table), one 出口申报清单 with one 商品 line per order (those of the last
two days still in flight), a 放行 receipt for the released ones and a 查验 receipt for some,
registration decisions, refund claims with their approvals, settlements, delivered shipments. Every
table is filled by ``INSERT … SELECT`` over ``generate_series``, copied from one template row written
with the ORM (every column of the template, the varying ones replaced): no row goes through the ORM
one at a time.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

from _django import ROOT, columns, copy_sql, machine, percentile, setup

MARKER = "驾驶舱压测"
RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- bench-cockpit:start -->", "<!-- bench-cockpit:end -->"
COUNTRIES = ("502",) * 6 + ("116",) * 3 + ("303", "303", "304", "304", "133", "501", "601", "305", "307", "132")
GOODS = ("7116200000", "7116200000", "7116200000", "7103992000", "7103100000", "7018100000", "7103999000")


def _array(values: tuple[str, ...]) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


def _spread(key: str, days: int = 365) -> str:
    """A timestamp in the last ``days`` days, scattered by ``key`` (an integer expression)."""
    return f"now() - ((({key})::bigint * 7919) % ({days} * 1440)) * interval '1 minute'"


def _in_order(key: str, count: int, days: int = 365) -> str:
    """A timestamp in the last ``days`` days that grows with ``key`` (1 … ``count``): ids follow creation
    time, as in a real table, so the recent rows (the ones still in flight) sit together at its end."""
    return (
        f"now() - (({count} - ({key}))::float / {count}) * interval '{days} days' "
        f"- (({key}) % 60) * interval '1 minute'"
    )


def generate(merchants: int, orders: int) -> None:
    from django.db import connection, transaction

    from jmt.accounts.models import User
    from jmt.cockpits.tests import builders
    from jmt.customs.models import Inventory, InventoryLine, Logistics, Order, Receipt
    from jmt.customs.tests.factories import make_batch, make_inventory, make_logistics, make_order
    from jmt.fx.models import Account, Settlement
    from jmt.logistics.models import Carrier, Shipment
    from jmt.logistics.seed import seed_carriers
    from jmt.merchants.models import Merchant, RegistrationStatus
    from jmt.refunds.models import Claim

    statuses = (RegistrationStatus.APPROVED,) * 8 + (RegistrationStatus.IN_PROGRESS, RegistrationStatus.NOT_STARTED)
    from jmt.workflow.models import WorkflowEvent

    if connection.vendor != "postgresql":
        sys.exit("the benchmark needs PostgreSQL (DATABASE_URL)")
    if Merchant.objects.filter(name__startswith=MARKER).exists():
        print("data set already present", flush=True)
        return
    started = time.perf_counter()

    def lap(what: str) -> None:
        print(f"{what}: {time.perf_counter() - started:.1f} s", flush=True)

    seed_carriers()
    carriers = list(Carrier.objects.values_list("pk", flat=True))
    with transaction.atomic():
        template = Merchant.objects.create(name=f"{MARKER}模板", registration_status=RegistrationStatus.APPROVED)
        batch = make_batch(template)
        order = make_order(batch)
        logistics = make_logistics(batch)
        inventory = make_inventory(order, logistics)
        line = inventory.lines.get()
        release = builders.receipt(inventory, "800", builders.at("2026-01-01"))
        event = builders.event(template, "registration", "approved", builders.at("2026-01-01"))
        claim = builders.claim(template, submitted=builders.at("2026-01-01"), received_on=None)
        settlement = builders.settlement(template, "completed", builders.at("2026-01-01"))
        shipment = builders.shipment(template, Carrier.objects.get(pk=carriers[0]), created=builders.at("2026-01-01"))
        Merchant.objects.bulk_create(
            Merchant(
                name=f"{MARKER}{i:05d}",
                registration_status=statuses[i % len(statuses)],
                credit_code="91320722MA1XYK1234" if i % 3 else "",
                address="江苏省连云港市东海县",
                address_en="Donghai" if i % 4 else "",
                legal_person="张晶",
                contact_phone="13800000000",
                bank_name="中国建设银行",
                bank_account="3205016336" if i % 5 else "",
            )
            for i in range(merchants)
        )
        User.objects.create(
            username="cockpit-bench-root", name="压测管理员", password="!", is_staff=True, is_superadmin=True
        )
        lap(f"{merchants} merchants")
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "CREATE TEMP TABLE bench_m AS SELECT row_number() OVER (ORDER BY id) AS rn, id AS merchant_id, "
                "0::bigint AS logistics_id FROM merchants_merchant WHERE name LIKE %s AND id <> %s",
                [f"{MARKER}%", template.pk],
            )
            cursor.execute("CREATE INDEX ON bench_m (rn)")
            cursor.execute(
                "UPDATE merchants_merchant "
                "SET created_at = now() - ((id * 7919) %% (730 * 1440)) * interval '1 minute' WHERE name LIKE %s",
                [f"{MARKER}%"],
            )
            cursor.execute(
                copy_sql(
                    Logistics._meta.db_table,
                    columns(Logistics),
                    {
                        "guid": "'bl-' || m.rn",
                        "merchant_id": "m.merchant_id",
                        "batch_id": "NULL",
                        "logistics_no": "'BL' || m.rn",
                    },
                    f'"{Logistics._meta.db_table}" tpl CROSS JOIN bench_m m WHERE tpl.id = {logistics.pk}',
                )
            )
            cursor.execute(
                f'UPDATE bench_m SET logistics_id = l.id FROM "{Logistics._meta.db_table}" l '  # noqa: S608
                "WHERE l.merchant_id = bench_m.merchant_id"
            )
            cursor.execute(
                copy_sql(
                    Order._meta.db_table,
                    columns(Order),
                    {
                        "guid": "'bo-' || g",
                        "merchant_id": "m.merchant_id",
                        "batch_id": "NULL",
                        "order_no": "'DH' || lpad(g::text, 10, '0')",
                        "goods_value": "10 + g % 490",
                        "currency": "CASE WHEN g % 10 = 0 THEN '142' ELSE '502' END",
                        "status": "'closed'",
                        "created_at": _in_order("g", orders),
                    },
                    f'"{Order._meta.db_table}" tpl CROSS JOIN generate_series(1, {orders}) g '
                    f"JOIN bench_m m ON m.rn = 1 + g % {merchants} WHERE tpl.id = {order.pk}",
                )
            )
            lap(f"{orders} orders")
            cursor.execute(
                copy_sql(
                    Inventory._meta.db_table,
                    columns(Inventory),
                    {
                        "guid": "'bi-' || o.id",
                        "merchant_id": "o.merchant_id",
                        "batch_id": "NULL",
                        "order_id": "o.id",
                        "logistics_id": "m.logistics_id",
                        "order_no": "o.order_no",
                        "cop_no": "'INV' || o.id",
                        "invt_no": "''",
                        "country": f"({_array(COUNTRIES)})[1 + o.id % {len(COUNTRIES)}]",
                        "status": "CASE WHEN o.created_at < now() - interval '2 days' THEN 'released' "
                        "WHEN o.id % 7 = 0 THEN 'inspection' ELSE 'sent_to_customs' END",
                        "created_at": "o.created_at",
                    },
                    f'"{Inventory._meta.db_table}" tpl CROSS JOIN "{Order._meta.db_table}" o '
                    f"JOIN bench_m m ON m.merchant_id = o.merchant_id WHERE tpl.id = {inventory.pk}",
                )
            )
            lap(f"{orders} inventories")
            cursor.execute(
                copy_sql(
                    InventoryLine._meta.db_table,
                    columns(InventoryLine),
                    {
                        "inventory_id": "i.id",
                        "gcode": f"({_array(GOODS)})[1 + i.id % {len(GOODS)}]",
                        "qty": "1 + i.id % 40",
                        "total_price": "(1 + i.id % 40) * 12.5",
                    },
                    f'"{InventoryLine._meta.db_table}" tpl CROSS JOIN "{Inventory._meta.db_table}" i '
                    f"WHERE tpl.id = {line.pk} AND i.id <> {inventory.pk}",
                )
            )
            lap(f"{orders} inventory lines")
            for status, share, hours in (
                ("800", "i.status = 'released'", "4 + i.id % 40"),
                ("500", "i.id % 20 = 0", "2"),
            ):
                cursor.execute(
                    copy_sql(
                        Receipt._meta.db_table,
                        columns(Receipt),
                        {
                            "guid": "''",
                            "return_status": f"'{status}'",
                            "fingerprint": f"'r{status}-' || i.id",
                            "inventory_id": "i.id",
                            "created_at": f"i.created_at + ({hours}) * interval '1 hour'",
                        },
                        f'"{Receipt._meta.db_table}" tpl CROSS JOIN "{Inventory._meta.db_table}" i '
                        f"WHERE tpl.id = {release.pk} AND {share} AND i.id <> {inventory.pk}",
                    )
                )
            lap("release and inspection receipts")
            n_events = merchants * 2
            cursor.execute(
                copy_sql(
                    WorkflowEvent._meta.db_table,
                    columns(WorkflowEvent),
                    {
                        "object_id": "g",
                        "merchant_id": "m.merchant_id",
                        "to_state": "CASE WHEN g % 4 = 0 THEN 'rejected' ELSE 'approved' END",
                        "comment": "CASE WHEN g % 4 = 0 THEN ("
                        + _array(("营业执照照片模糊", "法人身份证已过有效期", "经营范围不含进出口", "地址与执照不一致"))
                        + ")[1 + (g / 4) % 4] ELSE '' END",
                        "created_at": _spread("g"),
                    },
                    f'"{WorkflowEvent._meta.db_table}" tpl CROSS JOIN generate_series(1, {n_events}) g '
                    f"JOIN bench_m m ON m.rn = 1 + g % {merchants} WHERE tpl.id = {event.pk}",
                )
            )
            cursor.execute(
                copy_sql(
                    Claim._meta.db_table,
                    columns(Claim),
                    {
                        "merchant_id": "m.merchant_id",
                        "claim_no": "'BT' || lpad(g::text, 10, '0')",
                        "state": "CASE WHEN g % 10 < 7 THEN 'received' ELSE 'reviewing' END",
                        "submitted_at": _spread("g") + " - interval '20 days'",
                        "received_on": "CASE WHEN g % 10 < 7 THEN (" + _spread("g") + ")::date END",
                        "created_at": _spread("g") + " - interval '20 days'",
                    },
                    f'"{Claim._meta.db_table}" tpl CROSS JOIN generate_series(1, {n_events}) g '
                    f"JOIN bench_m m ON m.rn = 1 + g % {merchants} WHERE tpl.id = {claim.pk}",
                )
            )
            cursor.execute(
                copy_sql(
                    WorkflowEvent._meta.db_table,
                    columns(WorkflowEvent),
                    {
                        "object_type": "'refund'",
                        "object_id": "c.id",
                        "merchant_id": "c.merchant_id",
                        "to_state": "'refunding'",
                        "created_at": "c.received_on::timestamptz - interval '6 days'",
                    },
                    f'"{WorkflowEvent._meta.db_table}" tpl CROSS JOIN "{Claim._meta.db_table}" c '
                    f"WHERE tpl.id = {event.pk} AND c.state = 'received' AND c.id <> {claim.pk}",
                )
            )
            lap("registration decisions, refund claims and approvals")
            cursor.execute(
                copy_sql(
                    Account._meta.db_table,
                    columns(Account),
                    {"merchant_id": "m.merchant_id"},
                    f'"{Account._meta.db_table}" tpl CROSS JOIN bench_m m WHERE tpl.id = {settlement.account_id}',
                )
            )
            cursor.execute(
                copy_sql(
                    Settlement._meta.db_table,
                    columns(Settlement),
                    {
                        "merchant_id": "m.merchant_id",
                        "account_id": "a.id",
                        "number": "'BJ' || lpad(g::text, 10, '0')",
                        "amount": "100 + g % 9000",
                        "state": "CASE WHEN g % 20 = 0 THEN 'rejected' ELSE 'completed' END",
                        "state_changed_at": _spread("g"),
                        "created_at": _spread("g"),
                    },
                    f'"{Settlement._meta.db_table}" tpl CROSS JOIN generate_series(1, {merchants * 5}) g '
                    f"JOIN bench_m m ON m.rn = 1 + g % {merchants} "
                    f'JOIN "{Account._meta.db_table}" a ON a.merchant_id = m.merchant_id '
                    f"WHERE tpl.id = {settlement.pk}",
                )
            )
            cursor.execute(
                copy_sql(
                    Shipment._meta.db_table,
                    columns(Shipment),
                    {
                        "merchant_id": "m.merchant_id",
                        "number": "'BY' || lpad(g::text, 10, '0')",
                        "carrier_id": f"(ARRAY{carriers})[1 + g % {len(carriers)}]",
                        "state": f"CASE WHEN {_in_order('g', merchants * 20)} > now() - interval '8 days' "
                        "THEN 'in_transit' ELSE 'delivered' END",
                        "promised_days": "5 + g % 4",
                        "amount": "80 + g % 400",
                        "created_at": _in_order("g", merchants * 20),
                        "picked_up_at": _in_order("g", merchants * 20) + " + interval '6 hours'",
                        "delivered_at": f"CASE WHEN {_in_order('g', merchants * 20)} > now() - interval '8 days' "
                        f"THEN NULL ELSE {_in_order('g', merchants * 20)} + (3 + g % 6) * interval '1 day' END",
                    },
                    f'"{Shipment._meta.db_table}" tpl CROSS JOIN generate_series(1, {merchants * 20}) g '
                    f"JOIN bench_m m ON m.rn = 1 + g % {merchants} WHERE tpl.id = {shipment.pk}",
                )
            )
            lap("settlements and shipments")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    lap("data set ready")


def measure(rounds: int) -> str:
    import datetime as dt

    from django.db import connection
    from django.test import Client

    from jmt.accounts.models import User
    from jmt.accounts.tokens import issue_tokens
    from jmt.cockpits import facts
    from jmt.cockpits.overview import today
    from jmt.customs.models import Inventory, Order, Receipt
    from jmt.logistics.models import Shipment
    from jmt.merchants.models import Merchant

    refresh = facts.rebuild()
    print(f"aggregates rebuilt: {refresh.rows} rows in {refresh.seconds:.1f} s", flush=True)
    root = User.objects.get(username="cockpit-bench-root")
    token = issue_tokens(root, remember=False).access
    client = Client(SERVER_NAME="127.0.0.1")
    end = today()
    month = {"start": (end - dt.timedelta(days=29)).isoformat(), "end": end.isoformat()}
    year = {"start": (end - dt.timedelta(days=364)).isoformat(), "end": end.isoformat()}
    merchant = Merchant.objects.filter(name__startswith=MARKER).exclude(name__endswith="模板").order_by("pk").first()
    if merchant is None:
        sys.exit("no merchants: the data set is missing")
    one = {**month, "merchant_id": str(merchant.pk)}
    cases = [
        ("综合数据 · 近 30 天 · 全部商户（读汇总）", "/api/v1/admin/cockpits/overview", month),
        ("综合数据 · 近 365 天 · 全部商户（读汇总）", "/api/v1/admin/cockpits/overview", year),
        ("综合数据 · 近 30 天 · 单个商户（实时查询）", "/api/v1/admin/cockpits/overview", one),
        ("综合服务 · 近 30 天 · 全部商户（读汇总）", "/api/v1/admin/cockpits/service", month),
        ("综合服务 · 近 365 天 · 全部商户（读汇总）", "/api/v1/admin/cockpits/service", year),
        ("综合服务 · 近 30 天 · 单个商户（实时查询）", "/api/v1/admin/cockpits/service", one),
    ]
    floor = (
        "下限：后台认证 + 渲染，一条小查询（商户候选，无匹配）",
        "/api/v1/admin/cockpits/overview/merchants",
        {"q": "无此商户"},
    )

    def call(path: str, params: dict[str, str]) -> float:
        began = time.perf_counter()
        response = client.get(path, params, headers={"Authorization": f"Bearer {token}"})
        elapsed = (time.perf_counter() - began) * 1000
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}: {response.content[:300]!r}")
        return elapsed

    for _, path, params in [*cases, floor]:
        call(path, params)  # warm the connection, the code paths and the caches
    timings: dict[str, list[float]] = {}
    for _ in range(rounds):
        for kind, path, params in [*cases, floor]:
            timings.setdefault(kind, []).append(call(path, params))

    live_started = time.perf_counter()
    window = facts.Window(end - dt.timedelta(days=29), end)
    for source in facts.SOURCES.values():
        list(source.rows(None, window))
    live_all = time.perf_counter() - live_started

    counts = {
        "merchants": Merchant.objects.count(),
        "orders": Order.objects.count(),
        "inventories": Inventory.objects.count(),
        "receipts": Receipt.objects.count(),
        "shipments": Shipment.objects.count(),
    }
    lines = [
        START,
        "## 数据驾驶舱 (issue 19 item 5): `make bench-cockpit`",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on PostgreSQL ({connection.pg_version // 10000}), "  # type: ignore[attr-defined]
        f"machine {machine()} (shared with other engineers' work). Data set: "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + "; every timed request goes through Django's test client in process (middleware, bearer "
        f"authentication, endpoint, JSON rendering), {rounds} rounds after one warm-up call each.",
        "",
        "| request | n | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|---|",
    ]
    for kind, values in timings.items():
        lines.append(
            f"| {kind} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} "
            f"| {max(values):.1f} |"
        )
    worst = max(percentile(v, 0.95) for k, v in timings.items() if k != floor[0])
    lines += [
        "",
        f"Target ≤ 1,000 ms per cockpit load: worst p95 **{worst:.0f} ms** ({'met' if worst <= 1000 else 'NOT met'}).",
        f"The aggregates (`cockpits_fact`, {refresh.rows:,} rows) were rebuilt from all records in "
        f"**{refresh.seconds:.1f} s** — the scheduled task `cockpits.refresh` does this every 10 minutes in a "
        f"worker. For comparison, running every source query live over all merchants for the 30-day window "
        f"(what a cockpit load would cost without the aggregates) took **{live_all * 1000:,.0f} ms**.",
        END,
    ]
    return "\n".join(lines)


def write_results(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--merchants", type=int, default=10_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    setup()
    generate(args.merchants, args.orders)
    result = measure(args.rounds)
    print(result)
    write_results(result)
    print(f"written to {Path(RESULTS).relative_to(ROOT)}")
