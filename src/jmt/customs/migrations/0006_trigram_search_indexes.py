"""Substring search on order, inventory and waybill numbers (``/customs/orders?search=``) uses trigram
GIN indexes on PostgreSQL: Django's ``icontains`` is ``UPPER(col::text) LIKE UPPER('%…%')``, which no
B-tree can serve, so the indexes are on that very expression (``jmt.search.trigram``). A no-op on SQLite.
"""

from __future__ import annotations

from django.db import migrations

from jmt.search.trigram import upper_trigram_indexes

INDEXES = (
    ("customs_order_no_trgm", "customs_order", "order_no"),
    ("customs_inventory_invt_no_trgm", "customs_inventory", "invt_no"),
    ("customs_inventory_logistics_no_trgm", "customs_inventory", "logistics_no"),
)


class Migration(migrations.Migration):
    dependencies = [("customs", "0005_receipt_refused_for_another_merchant")]

    operations = [upper_trigram_indexes(INDEXES)]
