from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jmt.accounts"
    label = "accounts"
    verbose_name = "账户"
