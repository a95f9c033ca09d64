"""The load benchmark's data set, and the access tokens its simulated users present.

    python bench/load_data.py generate   # migrate, then fill an empty database (skipped when already filled)
    python bench/load_data.py tokens OUT.json

Size (issue 9): 250 merchants with one administrator each and 5 back-office accounts, 1,000 batches,
88,000 e-orders (mixed statuses), 31,000 站内信 and 200,000 operation-log rows. Rows are written with
``bulk_create`` and the operation log with COPY; a run takes well under a minute on PostgreSQL.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from _django import setup

MERCHANTS = 250
BATCHES_PER_MERCHANT = 4
ORDERS = 88_000
MESSAGES = 31_000
OPERATION_LOGS = 200_000
STAFF = 5
MARKER = "压测商户"


def generate() -> None:
    from django.db import transaction
    from django.utils import timezone

    from jmt.accounts.models import User
    from jmt.audit.tests.bulk import bulk_insert_logs
    from jmt.customs.models import Batch, DocStatus, Order
    from jmt.merchants.models import MemberRole, Membership, Merchant, RegistrationStatus
    from jmt.notifications.models import Message, MessageKind

    if Merchant.objects.filter(name__startswith=MARKER).exists():
        print("data set already present: nothing to do")
        return
    rng = random.Random(9610)  # noqa: S311 - a repeatable data set, not a secret
    started = time.perf_counter()
    now = timezone.now()
    with transaction.atomic():
        merchants = Merchant.objects.bulk_create(
            Merchant(name=f"{MARKER}{i:03d}", registration_status=RegistrationStatus.APPROVED) for i in range(MERCHANTS)
        )
        users = User.objects.bulk_create(
            User(
                username=f"139{i:08d}",
                phone=f"139{i:08d}",
                name=f"商户管理员{i:03d}",
                password="!",  # unusable: the benchmark signs tokens directly
                current_merchant=merchant,
            )
            for i, merchant in enumerate(merchants)
        )
        Membership.objects.bulk_create(
            Membership(merchant=merchant, user=user, role=MemberRole.ADMIN)
            for merchant, user in zip(merchants, users, strict=True)
        )
        User.objects.bulk_create(
            User(username=f"bench-staff-{i}", name=f"运营{i}", password="!", is_staff=True, is_superadmin=True)
            for i in range(STAFF)
        )
        batches = Batch.objects.bulk_create(
            Batch(
                merchant=merchant,
                name=f"2026年{b + 1}月 第1批",
                customs_code="2305",
                port_code="2305",
                traf_mode="5",
                statistics_flag="B",
                ebp_code="3207960P01",
                ebp_name="东海水晶跨境商城",
                ebc_code="3207960A01",
                ebc_name="东海晶莹水晶有限公司",
                agent_code="3207960B01",
                agent_name="连云港捷晶报关有限公司",
                owner_code="3207960A01",
                owner_name="东海晶莹水晶有限公司",
                pod="502",
                cop_code="3207960B01",
                cop_name="连云港捷晶报关有限公司",
                dxp_id="DXPENT0000012345",
                state="declared" if b < BATCHES_PER_MERCHANT - 1 else "draft",
            )
            for merchant in merchants
            for b in range(BATCHES_PER_MERCHANT)
        )
    print(f"merchants, users, batches: {time.perf_counter() - started:.1f} s")
    statuses = [DocStatus.STORED] * 6 + [DocStatus.SENT, DocStatus.DECLARING, DocStatus.REJECTED, DocStatus.DRAFT]
    per_batch = ORDERS // len(batches)
    orders = (
        Order(
            merchant_id=batch.merchant_id,
            batch=batch,
            order_no=f"DH{batch.pk:05d}{n:05d}",
            ebp_code=batch.ebp_code,
            ebp_name=batch.ebp_name,
            ebc_code=batch.ebc_code,
            ebc_name=batch.ebc_name,
            goods_value=Decimal("51.00"),
            freight=Decimal("0"),
            currency="502",
            status=rng.choice(statuses) if batch.status == "submitted" else DocStatus.DRAFT,
        )
        for batch in batches
        for n in range(per_batch)
    )
    with transaction.atomic():
        Order.objects.bulk_create(orders, batch_size=4000)
    print(f"{ORDERS} orders: {time.perf_counter() - started:.1f} s")
    per_user = MESSAGES // len(users)
    kinds = [MessageKind.choices[i % len(MessageKind.choices)][0] for i in range(per_user)]
    with transaction.atomic():
        Message.objects.bulk_create(
            (
                Message(
                    recipient=user,
                    merchant_id=user.current_merchant_id,
                    kind=kinds[n],
                    title=f"批次状态变更 {n}",
                    body="您的批次「2026年3月 第1批」已由海关入库。",
                    link="/customs/batches",
                    read_at=now if n % 3 else None,
                    created_at=now - timedelta(minutes=n),
                )
                for user in users
                for n in range(per_user)
            ),
            batch_size=4000,
        )
    print(f"{MESSAGES} messages: {time.perf_counter() - started:.1f} s")
    bulk_insert_logs(OPERATION_LOGS, actor_id=users[0].pk, start=now - timedelta(days=150), step=timedelta(minutes=1))
    print(f"{OPERATION_LOGS} operation logs: {time.perf_counter() - started:.1f} s")
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"data set ready in {time.perf_counter() - started:.1f} s")


def tokens(out: Path) -> None:
    """Access tokens (valid 15 minutes) for every merchant administrator and back-office account."""
    from jmt.accounts.models import User
    from jmt.accounts.tokens import issue_tokens

    merchants = [issue_tokens(user, remember=False).access for user in User.objects.filter(username__startswith="139")]
    staff = [
        issue_tokens(user, remember=False).access for user in User.objects.filter(username__startswith="bench-staff-")
    ]
    out.write_text(json.dumps({"merchant": merchants, "staff": staff}))
    print(f"{len(merchants)} merchant and {len(staff)} staff tokens → {out}")


if __name__ == "__main__":
    setup()
    if sys.argv[1:2] == ["generate"]:
        generate()
    elif sys.argv[1:2] == ["tokens"] and len(sys.argv) == 3:
        tokens(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
