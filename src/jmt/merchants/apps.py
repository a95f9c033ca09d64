from django.apps import AppConfig


class MerchantsConfig(AppConfig):
    name = "jmt.merchants"
    label = "merchants"
    verbose_name = "商户"
