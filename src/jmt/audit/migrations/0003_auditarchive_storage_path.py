# Archives move from JMT_AUDIT_ARCHIVE_DIR into Django's default storage (audit-archives/ under MEDIA_ROOT, or
# the S3 bucket). Rows archived before keep their file name; the files are moved by hand on upgrade
# (docs/服务器操作手册.md).

from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Concat


def storage_paths(apps, schema_editor):
    AuditArchive = apps.get_model("audit", "AuditArchive")
    AuditArchive.objects.update(storage_path=Concat(Value("audit-archives/"), F("file_name")))


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_auditarchive_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditarchive",
            name="storage_path",
            field=models.CharField(default="", max_length=300, verbose_name="存储路径"),
            preserve_default=False,
        ),
        migrations.RunPython(storage_paths, migrations.RunPython.noop),
    ]
