from django.apps import AppConfig


class CrystalConfig(AppConfig):
    name = "jmt.crystal"
    label = "crystal"
    verbose_name = "水晶行业专项"

    def ready(self) -> None:
        from jmt.crystal import audit_labels

        audit_labels.register()
