from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "jmt.registration"
    label = "registration"
    verbose_name = "工商注册"

    def ready(self) -> None:
        from jmt.registration.flow import REGISTRATION
        from jmt.workflow.registry import register

        register(REGISTRATION)
