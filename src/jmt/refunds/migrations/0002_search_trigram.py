"""Global search finds refund claims by 申报编号 and by the 报关单号 they cover (``icontains``): trigram
indexes on PostgreSQL for the back office's search over every merchant's claims."""

from django.db import migrations

from jmt.search.trigram import upper_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("refunds", "0001_initial")]

    operations = [
        upper_trigram_indexes(
            (
                ("refunds_claim_no_trgm", "refunds_claim", "claim_no"),
                ("refunds_declaration_entry_trgm", "refunds_claimdeclaration", "entry_id"),
            )
        )
    ]
