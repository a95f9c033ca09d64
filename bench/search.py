"""Global search (issue 18): server time of ``GET /search`` and ``GET /admin/search`` on a grown data set.

    DATABASE_URL=postgres://…/jmt_search python bench/search.py generate [--merchants 10000 --orders 1000000]
    DATABASE_URL=postgres://…/jmt_search python bench/search.py measure [--rounds 20]

``generate`` fills an empty database: merchants with Chinese names (and their 管理员 with a phone number),
one batch, one 物流运单 and one 汇总申请单 (with a 报关单号) per merchant, then the orders and one
出口申报清单 per order (清单编号 and 运单号 of its own). Merchants, users and memberships are written with
``bulk_create``; the customs rows are copied from one template row per table with ``INSERT … SELECT``
over ``generate_series`` (every column of the template, the varying ones replaced), and the trigram
indexes of customs migration 0006 are dropped during the copy and built again after it.

``measure`` sends the requests in process through Django's test client (middleware, bearer
authentication, the endpoint, JSON rendering: the server's whole share of a request, without a
network) and reports p50 / p95 / max per query kind, and the floor: the same endpoint with an empty
query (authentication and rendering, no provider asked).
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import sys
import time

from _django import columns, copy_sql, machine, percentile, setup

MARKER = "检索压测"
PLACES = ("东海", "连云港", "新沂", "徐州", "宿迁", "苏州", "义乌", "广州", "深圳", "青岛", "厦门", "杭州")
WORDS = ("晶莹", "水晶", "晶华", "宝石", "玉石", "晶贸", "琉璃", "紫晶", "天成", "瑞祥", "恒通", "金达")
TRADES = ("水晶", "贸易", "工艺品", "饰品", "电子商务", "珠宝")
FORMS = ("有限公司", "商行", "经营部", "工作室")


def _names(count: int) -> list[str]:
    rng = random.Random(18)  # noqa: S311 - a repeatable data set, not a secret
    names = ["东海晶莹水晶"]
    while len(names) < count:
        names.append(f"{rng.choice(PLACES)}{rng.choice(WORDS)}{rng.choice(TRADES)}{rng.choice(FORMS)}{len(names):05d}")
    return names


def generate(merchants: int, orders: int) -> None:
    from django.db import connection, transaction

    from jmt.accounts.models import User
    from jmt.customs.models import Batch, Inventory, Logistics, Order, SummaryApply
    from jmt.customs.tests.factories import make_batch, make_shipment, make_summary
    from jmt.merchants.models import MemberRole, Membership, Merchant, RegistrationStatus
    from jmt.search import index

    if connection.vendor != "postgresql":
        sys.exit("generate needs PostgreSQL (DATABASE_URL)")
    if Merchant.objects.filter(name__startswith=MARKER).exists():
        print("data set already present: nothing to do")
        return
    trigram = importlib.import_module("jmt.customs.migrations.0006_trigram_search_indexes")
    started = time.perf_counter()

    def lap(what: str) -> None:
        print(f"{what}: {time.perf_counter() - started:.1f} s", flush=True)

    with transaction.atomic():
        template = Merchant.objects.create(name=f"{MARKER}模板", registration_status=RegistrationStatus.APPROVED)
        batch = make_batch(template)
        order, logistics, inventory = make_shipment(batch)
        summary = make_summary(batch, [], entry_id="230500000000000000")
        rows = Merchant.objects.bulk_create(
            Merchant(name=name, registration_status=RegistrationStatus.APPROVED) for name in _names(merchants)
        )
        users = User.objects.bulk_create(
            User(username=f"137{i:08d}", phone=f"137{i:08d}", name=f"管理员{i:05d}", password="!", current_merchant=m)
            for i, m in enumerate(rows)
        )
        Membership.objects.bulk_create(
            Membership(merchant=m, user=u, role=MemberRole.ADMIN) for m, u in zip(rows, users, strict=True)
        )
        User.objects.create(
            username="search-bench-root", name="压测管理员", password="!", is_staff=True, is_superadmin=True
        )
        lap(f"{merchants} merchants, users, memberships")
        with connection.cursor() as cursor:
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED: checked per statement instead, so the indexes
            # can be built inside the same transaction (no pending trigger events).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "CREATE TEMP TABLE bench_m AS SELECT row_number() OVER (ORDER BY id) AS rn, id AS merchant_id, "
                "0::bigint AS batch_id, 0::bigint AS logistics_id FROM merchants_merchant WHERE id = ANY(%s)",
                [[m.pk for m in rows]],
            )
            cursor.execute(
                copy_sql(
                    Batch._meta.db_table,
                    columns(Batch),
                    {"merchant_id": "m.merchant_id", "name": "'2026年12月 第1批'"},
                    f'"{Batch._meta.db_table}" tpl CROSS JOIN bench_m m WHERE tpl.id = {batch.pk}',
                )
            )
            cursor.execute(
                f'UPDATE bench_m SET batch_id = b.id FROM "{Batch._meta.db_table}" b '  # noqa: S608
                "WHERE b.merchant_id = bench_m.merchant_id"
            )
            cursor.execute(
                copy_sql(
                    Logistics._meta.db_table,
                    columns(Logistics),
                    {
                        "guid": "'bl-' || m.rn",
                        "merchant_id": "m.merchant_id",
                        "batch_id": "m.batch_id",
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
                    SummaryApply._meta.db_table,
                    columns(SummaryApply),
                    {
                        "guid": "'bs-' || m.rn",
                        "merchant_id": "m.merchant_id",
                        "cop_no": "'SUM' || m.rn",
                        "sum_no": "'2305' || lpad(m.rn::text, 14, '0')",
                        "entry_id": "'230520268' || lpad(m.rn::text, 9, '0')",
                    },
                    f'"{SummaryApply._meta.db_table}" tpl CROSS JOIN bench_m m WHERE tpl.id = {summary.pk}',
                )
            )
            cursor.execute("CREATE INDEX ON bench_m (rn)")
            cursor.execute("ANALYZE bench_m")
            lap("batches, waybills, summaries")
            for name, _table, _column in trigram.INDEXES:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
            cursor.execute(
                copy_sql(
                    Order._meta.db_table,
                    columns(Order),
                    {
                        "guid": "'bo-' || g",
                        "merchant_id": "m.merchant_id",
                        "batch_id": "m.batch_id",
                        "order_no": "'DH' || lpad(g::text, 10, '0')",
                        "status": "(ARRAY['stored','stored','cleared','released','rejected'])[1 + g % 5]",
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
                        "batch_id": "o.batch_id",
                        "order_id": "o.id",
                        "logistics_id": "m.logistics_id",
                        "order_no": "o.order_no",
                        "logistics_no": "'SF' || lpad(o.id::text, 12, '0')",
                        "cop_no": "'INV' || o.id",
                        "invt_no": "'23052026I' || lpad(o.id::text, 9, '0')",
                        "status": "o.status",
                    },
                    f'"{Inventory._meta.db_table}" tpl CROSS JOIN "{Order._meta.db_table}" o '
                    f"JOIN bench_m m ON m.merchant_id = o.merchant_id WHERE tpl.id = {inventory.pk}",
                )
            )
            lap(f"{orders} inventories")
            for name, table, column in trigram.INDEXES:
                cursor.execute(f'CREATE INDEX "{name}" ON "{table}" USING gin (UPPER("{column}"::text) gin_trgm_ops)')
            lap("trigram indexes rebuilt")
    index.refresh("merchant", Merchant.objects.all(), force=True)
    lap("pinyin keys of merchant names")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    lap("data set ready")


def measure(rounds: int, sample: int) -> None:
    from django.db import connection
    from django.test import Client

    from jmt.accounts.models import User
    from jmt.accounts.tokens import issue_tokens
    from jmt.customs.models import Inventory, Order, SummaryApply

    rng = random.Random(1805)  # noqa: S311
    root = User.objects.get(username="search-bench-root")
    users = list(User.objects.filter(username__startswith="137").order_by("pk")[:: max(1, 10_000 // sample)][:sample])
    client = Client(SERVER_NAME="127.0.0.1")
    staff_token = issue_tokens(root, remember=False).access
    orders = Order.objects.count()
    people = User.objects.filter(username__startswith="137").count()
    print(f"data: {people} merchant users, {orders} orders", flush=True)

    cases: list[tuple[str, str, str, str]] = []  # kind, path, token, q
    for user in users:
        token = issue_tokens(user, remember=False).access
        merchant = user.current_merchant
        order = Order.objects.filter(merchant=merchant).order_by("?").first()
        inventory = Inventory.objects.filter(merchant=merchant).first()
        summary = SummaryApply.objects.filter(merchant=merchant).first()
        if order is None or inventory is None or summary is None:
            sys.exit("the data set is incomplete: run generate on an empty database")
        cases += [
            ("商户·目录拼音首字母 gszc", "/api/v1/search", token, "gszc"),
            ("商户·目录全拼 tuishui", "/api/v1/search", token, "tuishui"),
            ("商户·目录中文 出口报关", "/api/v1/search", token, "出口报关"),
            ("商户·订单编号片段", "/api/v1/search", token, order.order_no[-7:]),
            ("商户·清单编号片段", "/api/v1/search", token, inventory.invt_no[-8:]),
            ("商户·运单号片段", "/api/v1/search", token, inventory.logistics_no[-8:]),
            ("商户·报关单号", "/api/v1/search", token, summary.entry_id),
            ("商户·无结果编号", "/api/v1/search", token, "ZX9981"),
        ]
    some_order = Order.objects.order_by("?").first()
    if some_order is None:
        sys.exit("no orders: run generate first")
    for _ in range(len(users)):
        phone = f"137{rng.randrange(10_000):08d}"
        cases += [
            ("后台·商户首字母 dhsj", "/api/v1/admin/search", staff_token, "dhsj"),
            ("后台·商户名称 晶莹水晶", "/api/v1/admin/search", staff_token, "晶莹水晶"),
            ("后台·创建人手机号", "/api/v1/admin/search", staff_token, phone[-8:]),
            ("后台·订单编号（全部商户）", "/api/v1/admin/search", staff_token, some_order.order_no[-8:]),
            ("后台·宽泛编号片段 DH00", "/api/v1/admin/search", staff_token, "DH00"),
        ]
    floor = [("空查询（下限）", "/api/v1/search", issue_tokens(users[0], remember=False).access, "")]

    def run(kind_cases: list[tuple[str, str, str, str]], times: int) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {}
        for _ in range(times):
            rng.shuffle(kind_cases)
            for kind, path, token, q in kind_cases:
                began = time.perf_counter()
                response = client.get(path, {"q": q}, headers={"Authorization": f"Bearer {token}"})
                elapsed = (time.perf_counter() - began) * 1000
                if response.status_code != 200:
                    sys.exit(f"{path}?q={q} answered {response.status_code}: {response.content[:200]!r}")
                out.setdefault(kind, []).append(elapsed)
        return out

    run(list(cases[:40]), 1)  # warm the connection and the code paths
    timings = run(list(cases), rounds)
    timings.update(run(floor * 50, rounds))
    print(f"machine: {machine()}; database: {connection.vendor}; rounds {rounds}, {sample} merchant users")
    print("| query | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    everything: list[float] = []
    for kind, values in timings.items():
        if kind != floor[0][0]:
            everything += values
        print(
            f"| {kind} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} "
            f"| {max(values):.1f} |"
        )
    print(f"| **all search requests** | {len(everything)} | {statistics.median(everything):.1f} "
          f"| **{percentile(everything, 0.95):.1f}** | {max(everything):.1f} |")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("generate", "measure"))
    parser.add_argument("--merchants", type=int, default=10_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--sample", type=int, default=20, help="merchant users whose searches are measured")
    args = parser.parse_args()
    setup()
    if args.command == "generate":
        generate(args.merchants, args.orders)
    else:
        measure(args.rounds, args.sample)
