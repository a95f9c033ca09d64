"""The port code table becomes data (issue 11 item 6): the model, and the sample rows of the former
``codes/ports.csv`` (now ``ports_sample.csv`` beside this migration) as its first content, marked 示例数据
until the back office imports the official 港口代码表."""

import csv
from pathlib import Path

from django.db import migrations, models
from django.db.models import Q

SAMPLE = Path(__file__).resolve().parent / "ports_sample.csv"


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return [{key: value.strip() for key, value in row.items()} for row in csv.DictReader(lines)]


def load_sample(apps, schema_editor):
    PortCode = apps.get_model("customs", "PortCode")
    if PortCode.objects.exists():
        return
    PortCode.objects.bulk_create(
        PortCode(code=row["code"], name=row["name"], country=row["country"], is_main=row["main"] == "1", source="sample")
        for row in sample_rows()
    )


def unload_sample(apps, schema_editor):
    apps.get_model("customs", "PortCode").objects.filter(source="sample").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("customs", "0007_import_layout_source_and_deleted_rows"),
    ]

    operations = [
        migrations.CreateModel(
            name="PortCode",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=4, unique=True, verbose_name="港口代码")),
                ("name", models.CharField(max_length=100, verbose_name="中文名称")),
                ("country", models.CharField(db_index=True, max_length=3, verbose_name="国家（地区）代码")),
                ("is_main", models.BooleanField(default=False, verbose_name="默认主港")),
                ("enabled", models.BooleanField(default=True, verbose_name="启用")),
                (
                    "source",
                    models.CharField(
                        choices=[("sample", "示例数据"), ("official", "海关港口代码表导入")],
                        default="official",
                        max_length=10,
                        verbose_name="来源",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
            ],
            options={
                "verbose_name": "港口代码",
                "verbose_name_plural": "港口代码表",
                "ordering": ("country", "code"),
                "constraints": [
                    models.UniqueConstraint(
                        condition=Q(is_main=True), fields=("country",), name="customs_port_one_main_per_country"
                    )
                ],
            },
        ),
        migrations.RunPython(load_sample, unload_sample),
    ]
