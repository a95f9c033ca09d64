from django.apps import AppConfig


class SystemConfig(AppConfig):
    name = "jmt.system"
    label = "system"
    verbose_name = "系统"

    def ready(self) -> None:
        from jmt.audit import labels
        from jmt.system.parameters import field_title

        labels.register(resolver=("system.SystemParameter", field_title))
