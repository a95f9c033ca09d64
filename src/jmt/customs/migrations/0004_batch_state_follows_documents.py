"""A batch's status becomes the batch graph's ``state`` (草稿 / 已申报 / 部分放行 / 已放行 / 已结关), and every
existing batch is set to what its documents say (a batch whose inventories all reached 结关 no longer
says 草稿)."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import Count, Q

INACTIVE = ("rejected", "error", "cancelled", "customs_send_failed")


def state_from_documents(apps, schema_editor):
    Batch = apps.get_model("customs", "Batch")
    Inventory = apps.get_model("customs", "Inventory")
    Order = apps.get_model("customs", "Order")
    Logistics = apps.get_model("customs", "Logistics")
    for batch in Batch.objects.all().only("pk", "state").iterator():
        counts = (
            Inventory.objects.filter(batch_id=batch.pk)
            .exclude(status__in=INACTIVE)
            .aggregate(
                active=Count("pk"),
                released=Count("pk", filter=Q(status__in=("released", "closed"))),
                closed=Count("pk", filter=Q(status="closed")),
            )
        )
        active = counts["active"]
        if active and counts["closed"] == active:
            state = "cleared"
        elif active and counts["released"] == active:
            state = "released"
        elif counts["released"]:
            state = "partly_released"
        elif (
            batch.state != "draft"
            or Order.objects.filter(batch_id=batch.pk).exclude(status="draft").exists()
            or Logistics.objects.filter(batch_id=batch.pk).exclude(status="draft").exists()
        ):
            state = "declared"
        else:
            state = "draft"
        Batch.objects.filter(pk=batch.pk).update(state=state)


class Migration(migrations.Migration):
    dependencies = [
        ("customs", "0003_filings"),
    ]

    operations = [
        migrations.RenameField(model_name="batch", old_name="status", new_name="state"),
        migrations.AlterField(
            model_name="batch",
            name="state",
            field=models.CharField(
                choices=[
                    ("draft", "草稿"),
                    ("declared", "已申报"),
                    ("partly_released", "部分放行"),
                    ("released", "已放行"),
                    ("cleared", "已结关"),
                ],
                db_index=True,
                default="draft",
                max_length=32,
                verbose_name="状态",
            ),
        ),
        migrations.AddField(
            model_name="batch",
            name="state_changed_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="状态变更时间"),
        ),
        migrations.RunPython(state_from_documents, migrations.RunPython.noop),
    ]
