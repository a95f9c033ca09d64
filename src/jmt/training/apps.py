from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "jmt.training"
    label = "training"
    verbose_name = "培训服务"

    def ready(self) -> None:
        from jmt.training import audit_labels

        audit_labels.register()
