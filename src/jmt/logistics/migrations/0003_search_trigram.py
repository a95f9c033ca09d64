"""Global search finds shipments by 运单编号 and carrier tracking number (``icontains``): trigram indexes on
PostgreSQL for the back office's search over every merchant's shipments."""

from django.db import migrations

from jmt.search.trigram import upper_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("logistics", "0002_agreement_file")]

    operations = [
        upper_trigram_indexes(
            (
                ("logistics_shipment_number_trgm", "logistics_shipment", "number"),
                ("logistics_shipment_tracking_trgm", "logistics_shipment", "tracking_no"),
            )
        )
    ]
