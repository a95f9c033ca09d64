from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "jmt.ratings"
    label = "ratings"
    verbose_name = "服务评价"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jmt.ratings import audit_labels, home

        audit_labels.register()
        home.register()
