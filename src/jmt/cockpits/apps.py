from django.apps import AppConfig


class CockpitsConfig(AppConfig):
    name = "jmt.cockpits"
    label = "cockpits"
    verbose_name = "数据驾驶舱"
    default_auto_field = "django.db.models.BigAutoField"
