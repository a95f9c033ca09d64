from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jmt.accounts"
    label = "accounts"
    verbose_name = "账户"

    def ready(self) -> None:
        from jmt.accounts.selectors import actor_from_access_token
        from jmt.core.auth import register_token_authenticator

        register_token_authenticator(actor_from_access_token)
