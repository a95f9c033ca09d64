from django.apps import AppConfig


class FilingsConfig(AppConfig):
    name = "jmt.filings"
    label = "filings"
    verbose_name = "跨境申报"

    def ready(self) -> None:
        from jmt.filings import audit_labels, types

        types.register_all()
        audit_labels.register()

        from jmt.ratings.registry import register as register_rateable
        from jmt.ratings.registry import workflow_kind

        # 服务评价 (U4): an item may be rated once it reaches 「completed」
        register_rateable(
            workflow_kind(
                key="filing", label="跨境申报", noun="申报", model="filings.Filing", completed_state="completed"
            )
        )
