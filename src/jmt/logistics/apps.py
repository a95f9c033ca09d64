from django.apps import AppConfig


class LogisticsConfig(AppConfig):
    name = "jmt.logistics"
    label = "logistics"
    verbose_name = "跨境物流"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jmt.logistics import audit_labels, home
        from jmt.logistics.flow import SHIPMENT
        from jmt.workflow.registry import register

        audit_labels.register()
        register(SHIPMENT)
        home.register()
