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

        from jmt.fx.refund_receipts import received_since
        from jmt.refunds import fx_receipt

        fx_receipt.register(received_since)  # 出口退税's 收汇 line reads the sub-account ledger

        from jmt.ratings.registry import register as register_rateable
        from jmt.ratings.registry import workflow_kind

        # 服务评价 (U4): an item may be rated once it reaches 「completed」
        register_rateable(
            workflow_kind(
                key="settlement", label="收结汇", noun="结汇申请", model="fx.Settlement", completed_state="completed"
            )
        )
