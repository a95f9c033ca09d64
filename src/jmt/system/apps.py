from django.apps import AppConfig


class SystemConfig(AppConfig):
    name = "jmt.system"
    label = "system"
    verbose_name = "系统"
