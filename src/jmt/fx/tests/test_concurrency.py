"""Two concurrent requests can never freeze more than the balance: real transactions on PostgreSQL.

Each thread has its own database connection and its own transaction; both are released together by
a barrier, so they race for the account's row lock (``select_for_update``). The second one to get it
reads the first one's freeze and is refused.
"""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.utils import timezone

from jmt.accounts.selectors import build_actor
from jmt.core.errors import ApiError
from jmt.fx import ledger, services
from jmt.fx.models import EntryKind, LedgerEntry, Settlement
from jmt.fx.tests.factories import document, fund

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps rows made by data migrations


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrent transactions need PostgreSQL")
def test_two_concurrent_requests_never_freeze_more_than_the_balance(ready_merchant, merchant_admin):
    account = fund(ready_merchant, "1000.00")
    docs = [document(ready_merchant, f"流水{i}.pdf").pk for i in range(2)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    lock = threading.Lock()

    def request(doc_id: int) -> None:
        try:
            actor = build_actor(merchant_admin)
            barrier.wait(timeout=10)
            services.settlement_request(
                actor=actor,
                amount=Decimal("700.00"),
                settle_date=timezone.localdate(),
                rate=Decimal("7.1000"),
                statement_document_id=doc_id,
            )
            result = "frozen"
        except ApiError as exc:
            result = exc.code
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=request, args=(doc_id,)) for doc_id in docs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["FX_AMOUNT_EXCEEDS_AVAILABLE", "frozen"]
    assert Settlement.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=EntryKind.FREEZE).count() == 1
    assert ledger.totals(account.pk) == ledger.Totals(Decimal("1000.00"), Decimal("700.00"))
