"""The built-in 超级管理员 role: every back-office code, every merchant, writable.

Held through ``User.is_superadmin`` (accounts flagged before RBAC keep it)."""

from django.db import migrations


def create(apps, schema_editor):
    Role = apps.get_model("rbac", "Role")
    Role.objects.update_or_create(
        key="superadmin",
        defaults={
            "name": "超级管理员",
            "description": "内置角色：拥有全部后台功能权限，可查看并修改全部商户的数据",
            "data_scope": "all_write",
            "permissions": [],
            "builtin": True,
        },
    )


def remove(apps, schema_editor):
    apps.get_model("rbac", "Role").objects.filter(key="superadmin").delete()


class Migration(migrations.Migration):
    dependencies = [("rbac", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
