from django.apps import AppConfig


class FxConfig(AppConfig):
    name = "jmt.fx"
    label = "fx"
    verbose_name = "收结汇"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jmt.fx import audit_labels, home
        from jmt.fx.flow import SETTLEMENT
        from jmt.workflow.registry import register

        audit_labels.register()
        register(SETTLEMENT)
        home.register()
