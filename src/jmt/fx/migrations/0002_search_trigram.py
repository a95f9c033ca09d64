"""Global search finds settlements by 申请编号 (``icontains``): a trigram index on PostgreSQL for the back
office's search over every merchant's settlements."""

from django.db import migrations

from jmt.search.trigram import upper_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("fx", "0001_initial")]

    operations = [upper_trigram_indexes((("fx_settlement_number_trgm", "fx_settlement", "number"),))]
