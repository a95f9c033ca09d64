from django.apps import AppConfig


class CustomsGatewayConfig(AppConfig):
    """The 点点通 port. Its only tables belong to the simulator (its stand-in of customs' side)."""

    name = "jmt.integrations.customs_gateway"
    label = "customs_gateway"
    verbose_name = "点点通网关（模拟器）"
    default_auto_field = "django.db.models.BigAutoField"
