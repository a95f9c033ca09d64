from django.apps import AppConfig


class RefundsConfig(AppConfig):
    name = "jmt.refunds"
    label = "refunds"
    verbose_name = "出口退税"

    def ready(self) -> None:
        from jmt.refunds import audit_labels
        from jmt.refunds.flow import CLAIM
        from jmt.workflow.registry import register

        register(CLAIM)
        audit_labels.register()
