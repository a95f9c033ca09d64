from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "jmt.downloads"
    label = "downloads"
    verbose_name = "下载中心"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from jmt.downloads import audit_labels

        audit_labels.register()
        # Every app declares its export kinds in its own ``downloads.py`` (see jmt.downloads.registry).
        autodiscover_modules("downloads")
