from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jmt.core"
    label = "core"
    verbose_name = "核心"
