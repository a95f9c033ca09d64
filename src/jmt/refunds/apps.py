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

        from jmt.ratings.registry import register as register_rateable
        from jmt.ratings.registry import workflow_kind

        # 服务评价 (U4): an item may be rated once it reaches 「received」
        register_rateable(
            workflow_kind(
                key="refund", label="出口退税", noun="退税申报", model="refunds.Claim", completed_state="received"
            )
        )
