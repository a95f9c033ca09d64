"""On PostgreSQL, a trigram index serves the search key's ``LIKE '%…%'`` (pinyin and initials search).
SQLite has no such index and scans the (small) column; nothing to do there."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS showroom_product_search_trgm "
        "ON showroom_product USING gin (search_key gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS showroom_product_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("showroom", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
