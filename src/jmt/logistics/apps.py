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

        from jmt.ratings.registry import register as register_rateable
        from jmt.ratings.registry import workflow_kind

        # 服务评价 (U4): an item may be rated once it reaches 「delivered」
        register_rateable(
            workflow_kind(
                key="shipment", label="跨境物流", noun="运单", model="logistics.Shipment", completed_state="delivered"
            )
        )
