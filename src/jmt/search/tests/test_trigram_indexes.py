"""The back office searches every merchant's shipments, refund claims and settlements by number with
``icontains``; on PostgreSQL trigram indexes on ``UPPER(column)`` serve those substring matches."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from jmt.fx.models import Settlement
from jmt.logistics.models import Shipment
from jmt.refunds.models import Claim, ClaimDeclaration

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm indexes exist on PostgreSQL only"),
]


def _plan(queryset: Any) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = queryset.values("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    return plan


@pytest.mark.parametrize(
    ("queryset", "index"),
    [
        (lambda: Shipment.objects.filter(number__icontains="WL2026"), "logistics_shipment_number_trgm"),
        (lambda: Shipment.objects.filter(tracking_no__icontains="SF1234"), "logistics_shipment_tracking_trgm"),
        (lambda: Claim.objects.filter(claim_no__icontains="TS2026"), "refunds_claim_no_trgm"),
        (lambda: ClaimDeclaration.objects.filter(entry_id__icontains="2305"), "refunds_declaration_entry_trgm"),
        (lambda: Settlement.objects.filter(number__icontains="JH2026"), "fx_settlement_number_trgm"),
    ],
)
def test_number_search_of_the_new_modules_uses_its_trigram_index(queryset: Any, index: str) -> None:
    assert index in _plan(queryset())
