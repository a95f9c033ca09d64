from django.apps import AppConfig


class FilingsConfig(AppConfig):
    name = "jmt.filings"
    label = "filings"
    verbose_name = "跨境申报"

    def ready(self) -> None:
        from jmt.filings import audit_labels, types

        types.register_all()
        audit_labels.register()
