from django.apps import AppConfig


class CustomsConfig(AppConfig):
    name = "jmt.customs"
    label = "customs"
    verbose_name = "出口报关 9610"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jmt.customs import audit_labels, home, workbench
        from jmt.customs.flow import BATCH
        from jmt.workflow.registry import register

        audit_labels.register()
        register(BATCH)
        home.register()
        workbench.register()
