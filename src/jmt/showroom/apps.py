from django.apps import AppConfig


class ShowroomConfig(AppConfig):
    name = "jmt.showroom"
    label = "showroom"
    verbose_name = "交易平台"

    def ready(self) -> None:
        from jmt.showroom import audit_labels
        from jmt.showroom.flow import PRODUCT
        from jmt.workflow.registry import register

        register(PRODUCT)
        audit_labels.register()
